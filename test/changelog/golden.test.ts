// Golden changelogs: every fixture's expected.md is the stored text shipwright must write. That text
// is conventional-changelog's own output unless config.json declares a deliberate difference
// (docs/changelog.md); test/compat/golden.test.ts (`npm run test:compat`) proves it against the real
// tool, so this suite need not run it (4–6 s a fixture).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { ISOLATED_GIT_ENV } from './support/conventional-changelog.js';
import { buildFixtureRepo, listFixtureCases, runFixtureChangelog, SOURCE_DATE_EPOCH } from './support/fixture-cases.js';

const cases = await listFixtureCases();

beforeAll(() => {
  // shipwright runs in-process: its git calls and its `today()` read this process's environment.
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH) });
});

describe('shipwright changelog --stdout matches the stored golden fixtures', () => {
  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.concurrent.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const dir = await buildFixtureRepo(fixture);
    try {
      const ours = await runFixtureChangelog(runShipwright, dir, fixture);
      expect(ours.stderr).toBe('');
      expect(ours.code).toBe(0);
      expect(ours.stdout).toBe(await readFile(join(fixture.dir, 'expected.md'), 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
