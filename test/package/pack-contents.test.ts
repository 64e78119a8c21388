// What `npm pack` puts in the tarball (needs `npm run build`): every file the bin, an install-time
// script or the built code refers to is in it, every package the built code imports is a runtime
// dependency, and the manifest is publishable.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, normalize, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/hooked-repo.js';

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  files: string[];
  engines?: Record<string, string>;
  repository?: { type: string; url: string };
  publishConfig?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;
/** The scripts npm runs in a consumer's install of this package (npm docs, "Life Cycle Operation Order"). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

let packed: Set<string>;
beforeAll(async () => {
  const result = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  const [entry] = JSON.parse(result.stdout) as [{ files: { path: string }[] }];
  packed = new Set(entry.files.map((file) => file.path));
}, 120_000);

/** `node scripts/x.mjs`, `./bin/y.js`: the paths inside a script command that name files of the package. */
function filesNamedBy(command: string): string[] {
  return command
    .split(/&&|\|\||;|\|/)
    .flatMap((part) => part.trim().split(/\s+/))
    .filter((word) => /^\.?\.?\/?[\w@.-]+(\/[\w@.-]+)+\.(c|m)?js$/.test(word) || /^\.?\/?[\w-]+\.(c|m)?js$/.test(word))
    .map((word) => normalize(word).split('\\').join('/'));
}

/** Relative imports and bare package names in one built file. */
function importsOf(text: string): { relative: string[]; bare: string[] } {
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([@\w./-]+)["']/gm,
    /^\s*import\s*["']([@\w./-]+)["']/gm,
    /\bimport\(\s*["']([@\w./-]+)["']\s*\)/g,
    /\brequire\(\s*["']([@\w./-]+)["']\s*\)/g,
  ];
  const specifiers = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] as string));
  return {
    relative: specifiers.filter((spec) => spec.startsWith('.')),
    bare: specifiers.filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:')),
  };
}

const packageOf = (spec: string): string =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);

describe('npm pack', () => {
  it('the manifest can be published and installed by name', () => {
    expect(manifest.name).toBe('shipwright');
    expect(manifest.private).toBeUndefined();
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\//);
    expect(manifest.publishConfig).toMatchObject({ access: 'public' });
    expect(manifest.engines?.node).toMatch(/^>=20/);
    expect(manifest.files.length).toBeGreaterThan(0);
  });

  it('ships bin, the built CLI and hook bundle, hook scripts and templates; no sources, tests or build metadata', () => {
    for (const path of Object.values(manifest.bin)) expect(packed, path).toContain(normalize(path));
    for (const path of [
      'dist/cli.js',
      'dist/hook.cjs',
      'dist/hook.js',
      'hooks/pre-commit',
      'hooks/commit-msg',
      'hooks/pre-push',
      'templates/github/workflows/pull-request.yml',
      'package.json',
      'README.md',
    ]) {
      expect(packed, path).toContain(path);
    }
    const stray = [...packed].filter(
      (path) => /^(src|test|bench|node_modules)\//.test(path) || path.includes('metafile') || path.endsWith('.ts'),
    );
    expect(stray).toEqual([]);
  });

  it('every file a script that runs on install or the bin refers to is in the tarball', () => {
    const named = INSTALL_SCRIPTS.flatMap((name) =>
      manifest.scripts[name] ? filesNamedBy(manifest.scripts[name]).map((file) => [name, file] as const) : [],
    );
    expect(named.length, 'the prepare script names its file').toBeGreaterThan(0);
    for (const [script, file] of named) expect(packed, `"${script}" runs ${file}`).toContain(file);
    // bin/shipwright.js loads dist/<entry> by joined path, not by an import specifier.
    const launcher = readFileSync(join(PROJECT_ROOT, 'bin', 'shipwright.js'), 'utf8');
    const entries = [...launcher.matchAll(/'((?:hook|cli)\.c?js)'/g)].map((match) => `dist/${match[1]}`);
    expect(entries).toEqual(expect.arrayContaining(['dist/hook.cjs', 'dist/cli.js']));
    for (const entry of entries) expect(packed, `bin/shipwright.js loads ${entry}`).toContain(entry);
  });

  it('every relative import of the built code resolves inside the tarball; every package it imports is a dependency', () => {
    const builtins = new Set(builtinModules);
    const dependencies = new Set(Object.keys(manifest.dependencies));
    const missingFiles: string[] = [];
    const missingPackages = new Set<string>();
    const built = [...packed].filter((path) => /^dist\/.*\.c?js$/.test(path));
    expect(built.length).toBeGreaterThan(10);
    for (const file of built) {
      const { relative, bare } = importsOf(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
      for (const spec of relative) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        if (!packed.has(target) && !packed.has(`${target}.js`)) missingFiles.push(`${file} → ${spec}`);
      }
      for (const spec of bare) {
        const name = packageOf(spec);
        // react-devtools-core: Ink's optional import, only when DEV=true (external on purpose in tsup.config.ts).
        if (!builtins.has(name) && !dependencies.has(name) && name !== 'react-devtools-core')
          missingPackages.add(`${name} (from ${file})`);
      }
    }
    expect(missingFiles).toEqual([]);
    expect([...missingPackages]).toEqual([]);
  });
});
