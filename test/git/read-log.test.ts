// The log reader against real repositories: one process, exact messages, ranges, merges.
import { afterEach, describe, expect, it } from 'vitest';
import { readLogArray } from '../../src/git/read-log.js';
import { readTags } from '../../src/git/read-tags.js';
import { readRepoState } from '../../src/git/read-repo.js';
import { isShipwrightError } from '../../src/core/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repos: TempRepo[] = [];
const newRepo = async (options?: Parameters<typeof createTempRepo>[0]) => {
  const repo = await createTempRepo(options);
  repos.push(repo);
  return repo;
};
afterEach(async () => {
  await Promise.all(repos.map((repo) => repo.remove()));
  repos = [];
});

describe('readLog', () => {
  it('returns messages byte for byte, newest first, with parents and dates', async () => {
    const repo = await newRepo();
    const first = await repo.commit('feat: first\n\nbody with\x1funit separator and ünïcödé\n\nCloses #1');
    const second = await repo.commit('fix: second');
    const commits = await readLogArray(repo.dir, { include: ['HEAD'] });
    expect(commits.map((c) => c.hash)).toEqual([second, first]);
    expect(commits[1]?.message).toBe('feat: first\n\nbody with\x1funit separator and ünïcödé\n\nCloses #1\n');
    expect(commits[0]?.parents).toEqual([first]);
    expect(commits[1]?.parents).toEqual([]);
    expect(commits[0]?.committerDate).toBe('2024-01-01T02:00:00+00:00');
  });

  it('reads a range and keeps merge commits with both parents', async () => {
    const repo = await newRepo();
    await repo.commit('feat: base');
    await repo.tag('v1.0.0');
    await repo.git('checkout', '-q', '-b', 'feature/x');
    await repo.commit('feat: on branch', { path: 'b.txt' });
    await repo.git('checkout', '-q', 'main');
    await repo.commit('fix: on main', { path: 'c.txt' });
    await repo.git('merge', '-q', '--no-ff', '-m', "Merge branch 'feature/x'", 'feature/x');
    const commits = await readLogArray(repo.dir, { include: ['HEAD'], exclude: ['refs/tags/v1.0.0'] });
    expect(commits).toHaveLength(3);
    expect(commits[0]?.parents).toHaveLength(2);
  });

  it('turns an unknown revision into a typed error with a fix', async () => {
    const repo = await newRepo();
    await repo.commit('feat: base');
    const error = await readLogArray(repo.dir, { include: ['refs/tags/v9.9.9'] }).catch((e: unknown) => e);
    expect(isShipwrightError(error) && error.code).toBe('unknown-revision');
    expect(isShipwrightError(error) && error.fix).toContain('git fetch origin --tags');
  });
});

describe('readTags', () => {
  it('peels annotated tags and filters by reachability', async () => {
    const repo = await newRepo();
    const base = await repo.commit('feat: base');
    await repo.tag('v1.0.0', { message: 'release 1.0.0' });
    await repo.git('checkout', '-q', '-b', 'other');
    const other = await repo.commit('fix: elsewhere');
    await repo.tag('v1.0.1');
    await repo.git('checkout', '-q', 'main');
    const all = await readTags(repo.dir);
    expect(all.map((t) => [t.name, t.commit, t.annotated])).toEqual([
      ['v1.0.0', base, true],
      ['v1.0.1', other, false],
    ]);
    const reachable = await readTags(repo.dir, { mergedInto: 'HEAD' });
    expect(reachable.map((t) => t.name)).toEqual(['v1.0.0']);
  });
});

describe('readRepoState', () => {
  it('knows an empty repository and a detached HEAD', async () => {
    const repo = await newRepo();
    expect(await readRepoState(repo.dir)).toMatchObject({ branch: 'main', head: null, shallow: false });
    const first = await repo.commit('feat: one');
    await repo.git('checkout', '-q', '--detach');
    expect(await readRepoState(repo.dir)).toMatchObject({ branch: null, head: first });
  });
});
