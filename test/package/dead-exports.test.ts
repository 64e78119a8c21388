// No dead exports: every export of src/ is imported somewhere (scripts/find-dead-exports.mjs walks
// the whole program with the TypeScript checker, so dynamic imports and `m.name` count too).
import { execa } from 'execa';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('src/ exports', () => {
  it('are all imported by another file (or the export goes)', async () => {
    const run = await execa('node', [resolve(ROOT, 'scripts/find-dead-exports.mjs')], { cwd: ROOT, reject: false });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('No dead exports.');
  }, 240_000);
});
