// The error codes are a closed, documented list: docs/errors.md names exactly ERROR_CODES.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.js';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');
const documented = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \|$/gm)].map((match) => [match[1], match[2]] as const);

describe('docs/errors.md', () => {
  it('documents every code in ERROR_CODES, with its meaning, and no other', () => {
    expect(documented.map(([code]) => code).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, meaning] of documented) expect(meaning, code).toBe(ERROR_CODES[code as keyof typeof ERROR_CODES]);
  });
});
