// The golden fixtures against the real conventional-changelog CLI: each stored expected.md is
// c-c's own text, or (with a declared `differs`) c-c's text is the stored conventional-changelog.md
// and ours deliberately differs. UPDATE_GOLDEN=1 rewrites both files from the two tools.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import {
  ISOLATED_GIT_ENV,
  normaliseTrailingNewline,
  runConventionalChangelog,
} from '../changelog/support/conventional-changelog.js';
import {
  buildFixtureRepo,
  flagValue,
  listFixtureCases,
  runFixtureChangelog,
  SOURCE_DATE_EPOCH,
  type FixtureCase,
} from '../changelog/support/fixture-cases.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const cases = await listFixtureCases();

beforeAll(() => {
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH) });
});

/** What c-c must be told in package.json: the version shipwright would release (or the fixture's own). */
async function upcomingVersion(dir: string, fixture: FixtureCase): Promise<string> {
  const args = fixture.config.args ?? [];
  const forced = ['--bump', '--preid'].flatMap((flag) =>
    flagValue(args, flag) ? [flag, flagValue(args, flag) as string] : [],
  );
  const next = await runShipwright(['version', ...forced], { cwd: dir });
  if (next.code === 0) return next.stdout.trim();
  const packagePath = join(dir, 'package.json');
  const ownVersion = existsSync(packagePath)
    ? (JSON.parse(await readFile(packagePath, 'utf8')) as { version?: string }).version
    : undefined;
  if (ownVersion) return ownVersion;
  return (await runShipwright(['version', '--current'], { cwd: dir })).stdout.trim();
}

/** The fixture's `changelog.types`, which c-c gets as the preset's own `types` option. */
function changelogTypes(fixture: FixtureCase): { types?: unknown[] } {
  const changelog = fixture.config.shipwright?.changelog as { types?: unknown[] } | undefined;
  return changelog?.types ? { types: changelog.types } : {};
}

describe('the golden fixtures are conventional-changelog text, or a declared difference from it', () => {
  it.concurrent.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const dir = await buildFixtureRepo(fixture);
    try {
      const args = fixture.config.args ?? [];
      const ours = await runFixtureChangelog(runShipwright, dir, fixture);
      expect(ours.code).toBe(0);
      const theirs = normaliseTrailingNewline(
        await runConventionalChangelog(dir, await upcomingVersion(dir, fixture), {
          preset: fixture.config.preset ?? 'conventionalcommits',
          releaseCount: Number(flagValue(args, '--release-count') ?? '1'),
          tagPrefix: fixture.config.shipwright?.tagPrefix as string | undefined,
          sourceDateEpoch: SOURCE_DATE_EPOCH,
          ...changelogTypes(fixture),
        }),
      );
      const expectedPath = join(fixture.dir, 'expected.md');
      const theirsPath = join(fixture.dir, 'conventional-changelog.md');
      if (UPDATE) {
        // Without a declared difference, the golden text is conventional-changelog's own output.
        await writeFile(expectedPath, fixture.config.differs ? ours.stdout : theirs);
        if (fixture.config.differs) await writeFile(theirsPath, theirs);
        else await rm(theirsPath, { force: true });
      }
      expect(ours.stdout).toBe(await readFile(expectedPath, 'utf8'));
      if (fixture.config.differs) {
        // The difference is real and reviewed: c-c's text is on record next to ours.
        expect(theirs).toBe(await readFile(theirsPath, 'utf8'));
        expect(normaliseTrailingNewline(ours.stdout)).not.toBe(theirs);
      } else {
        expect(normaliseTrailingNewline(ours.stdout)).toBe(theirs);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
