// Every runtime dependency earns its place: something under src/ imports it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

const sources = sourceFiles(join(ROOT, 'src')).map((file) => readFileSync(file, 'utf8'));

/** A static `from 'x'` / `from 'x/sub'`, a dynamic `import('x')` or a `resolve('x/…')` in a string. */
function isImported(name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`['"]${escaped}(/[^'"]*)?['"]`);
  return sources.some((text) => pattern.test(text));
}

describe('runtime dependencies', () => {
  it.each(Object.keys(manifest.dependencies))('%s is imported by src/', (name) => {
    expect(isImported(name), `${name} is in "dependencies" but nothing in src/ imports it`).toBe(true);
  });
});

describe('the Node versions shipwright supports', () => {
  it('every installed runtime package accepts Node 20.17 (package.json "engines")', async () => {
    const semver = (await import('semver')).default;
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(
        ([path, entry]) =>
          path !== '' &&
          !entry.dev &&
          typeof entry.engines?.node === 'string' &&
          !semver.satisfies('20.17.0', entry.engines.node),
      )
      .map(([path, entry]) => `${path} (${entry.engines?.node})`);
    expect(refusing, 'yarn refuses to install these on Node 20; pin a release that supports it').toEqual([]);
  });
});
