// Equivalence with the real conventional-changelog CLI on long seeded random histories: same text,
// line for line, for both presets, the whole history (-r 0), the upcoming release (-r 1) and -r 3.
import { execa } from 'execa';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import {
  ISOLATED_GIT_ENV,
  normaliseTrailingNewline,
  runConventionalChangelog,
} from '../changelog/support/conventional-changelog.js';
import {
  createRandomHistory,
  type RandomHistory,
  type RandomHistoryOptions,
} from '../changelog/support/random-history.js';

const REPOS: (RandomHistoryOptions & { name: string })[] = [
  {
    name: 'GitHub origin, 160 commits, 7 releases',
    seed: 1,
    commits: 160,
    releases: 7,
    origin: 'https://github.com/acme/widgets.git',
  },
  {
    name: 'GitHub SSH origin, feature branches merged with --no-ff',
    seed: 2,
    commits: 150,
    releases: 6,
    origin: 'git@github.com:acme/widgets.git',
    mergeChance: 0.12,
  },
  {
    name: 'GitLab subgroup origin, 120 commits, 4 releases',
    seed: 3,
    commits: 120,
    releases: 4,
    origin: 'https://gitlab.com/acme/platform/widgets.git',
    mergeChance: 0.05,
  },
];
const RUNS = [
  { preset: 'conventionalcommits', releaseCount: 0 },
  { preset: 'conventionalcommits', releaseCount: 1 },
  { preset: 'conventionalcommits', releaseCount: 3 },
  { preset: 'angular', releaseCount: 0 },
  { preset: 'angular', releaseCount: 1 },
] as const;

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const histories = new Map<string, RandomHistory>();
beforeAll(async () => {
  Object.assign(process.env, ISOLATED_GIT_ENV);
  await Promise.all(REPOS.map(async (repo) => histories.set(repo.name, await createRandomHistory(repo))));
});
afterAll(async () => {
  await Promise.all([...histories.values()].map((history) => rm(history.dir, { recursive: true, force: true })));
});

describe.each(REPOS)('$name', (repo) => {
  it('is a long history with several releases, reverts and (where asked) merges', async () => {
    const history = histories.get(repo.name) as RandomHistory;
    expect(history.commitCount).toBeGreaterThanOrEqual(repo.commits);
    expect(history.tags).toHaveLength(repo.releases);
    const log = (await execa('git', ['log', '--format=%P%x09%s'], { cwd: history.dir })).stdout.split('\n');
    expect(log).toHaveLength(history.commitCount + log.filter((line) => line.split('\t')[0]?.includes(' ')).length);
    expect(log.filter((line) => line.includes('\tRevert "')).length).toBeGreaterThan(0);
    if (repo.mergeChance) expect(log.filter((line) => line.split('\t')[0]?.includes(' ')).length).toBeGreaterThan(3);
  });

  it.each(RUNS)('-p $preset -r $releaseCount gives the same text', async ({ preset, releaseCount }) => {
    const { dir } = histories.get(repo.name) as RandomHistory;
    // c-c takes the upcoming version from package.json: tell it the one shipwright computes.
    const next = await runShipwright(['version'], { cwd: dir });
    expect(next.code).toBe(0);
    const version = next.stdout.trim();

    // c-c dates the upcoming section with the real today; shipwright gets the same day through
    // SOURCE_DATE_EPOCH (re-run if the clock passed midnight in between).
    let started: number;
    let theirs: string;
    do {
      started = Date.now();
      theirs = await runConventionalChangelog(dir, version, { preset, releaseCount });
    } while (utcDay(started) !== utcDay(Date.now()));
    process.env.SOURCE_DATE_EPOCH = String(Math.floor(started / 1000));

    const ours = await runShipwright(
      ['changelog', '--stdout', '--preset', preset, '--release-count', String(releaseCount)],
      { cwd: dir },
    );
    expect(ours.stderr).toBe('');
    expect(ours.code).toBe(0);
    expect(ours.stdout.split('\n').length).toBeGreaterThan(releaseCount === 0 ? 100 : 5);
    expect(normaliseTrailingNewline(ours.stdout)).toBe(normaliseTrailingNewline(theirs));
  });
});
