// The error codes are a closed, documented list: docs/errors.md names exactly ERROR_CODES, every
// code the source sets or compares is one of them, and every one of them is raised somewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.js';

const ROOT = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
const documented = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \|$/gm)].map((match) => [match[1], match[2]] as const);

/** Every source file, errors.ts without its ERROR_CODES table (a code listed there is not yet used). */
function sources(): { path: string; text: string }[] {
  return readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts'))
    .map((path) => {
      const text = readFileSync(join(ROOT, 'src', path), 'utf8');
      return {
        path,
        text: path === join('core', 'errors.ts') ? text.replace(/ERROR_CODES = \{[\s\S]*?\} as const/, '') : text,
      };
    });
}

/** The codes a ShipwrightError gets from its kind alone (`code ?? kind`). */
const BY_KIND = new Set(['check', 'usage', 'environment', 'internal']);

describe('error codes', () => {
  it('docs/errors.md documents every code in ERROR_CODES, with its meaning, and no other', () => {
    expect(documented.map(([code]) => code).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, meaning] of documented) expect(meaning, code).toBe(ERROR_CODES[code as keyof typeof ERROR_CODES]);
  });

  it('every code the source sets or compares is in ERROR_CODES (casts cannot sneak one past the type)', () => {
    const unknown: string[] = [];
    for (const { path, text } of sources()) {
      for (const match of text.matchAll(
        /\bcode(?:: |\s*[!=]==\s*)'([a-z][a-z0-9-]*)'|'([a-z][a-z0-9-]*)' as ErrorCode\b/g,
      )) {
        const code = match[1] ?? match[2] ?? '';
        if (!Object.hasOwn(ERROR_CODES, code)) unknown.push(`${path}: ${code}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('every code in ERROR_CODES is raised or checked somewhere in the source (no dead codes)', () => {
    const all = sources()
      .map((file) => file.text)
      .join('\n');
    const dead = Object.keys(ERROR_CODES).filter((code) => !BY_KIND.has(code) && !all.includes(`'${code}'`));
    expect(dead).toEqual([]);
  });
});
