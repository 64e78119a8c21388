// Per-package changelogs in conventional-changelog's repository shape match their stored goldens
// (monorepo-fixtures/conventional-changelog/expected/); test/compat/monorepo-golden.test.ts
// (`npm run test:compat`) proves them against the real conventional-changelog.
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { ISOLATED_GIT_ENV } from './support/conventional-changelog.js';

const FIXTURE = fileURLToPath(new URL('./monorepo-fixtures/conventional-changelog/', import.meta.url));
const config = JSON.parse(await readFile(join(FIXTURE, 'config.json'), 'utf8')) as {
  packages: string[];
  shipwright: Record<string, unknown>;
};
let dir = '';

beforeAll(async () => {
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: '1735689600' });
  dir = await mkdtemp(join(tmpdir(), 'shipwright-golden-monorepo-'));
  await execa('bash', [join(FIXTURE, 'commits.sh')], { cwd: dir, env: ISOLATED_GIT_ENV });
  await writeFile(join(dir, 'shipwright.config.json'), `${JSON.stringify(config.shipwright, null, 2)}\n`);
  return () => rm(dir, { recursive: true, force: true });
});

describe("per-package changelogs in conventional-changelog's repository shape (stored goldens)", () => {
  it.each(config.packages.filter((name) => name !== 'website'))('%s', async (name) => {
    const ours = await runShipwright(['changelog', '--stdout', '--package', name], { cwd: dir });
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(await readFile(join(FIXTURE, 'expected', `${name}.md`), 'utf8'));
  });

  it('the private website has nothing to release (docs only)', async () => {
    expect((await runShipwright(['version', '--package', 'website'], { cwd: dir })).code).toBe(1);
  });
});
