// The parents reader against real repositories: one rev-list, bounded by the bases' parents.
import { afterEach, describe, expect, it } from 'vitest';
import { readCommitParents } from '../../src/git/read-ancestry.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.map((repo) => repo.remove()));
  repos = [];
});

/** root ← old ← base ← a, and a side branch from base merged after a: m = merge(a, side). */
async function history() {
  const repo = await createTempRepo();
  repos.push(repo);
  const root = await repo.commit('chore: root');
  const old = await repo.commit('chore: old', { path: 'old.txt' });
  const base = await repo.commit('fix: base', { path: 'base.txt' });
  const a = await repo.commit('fix: a', { path: 'a.txt' });
  await repo.git('switch', '-q', '-c', 'side', base);
  const side = await repo.commit('fix: side', { path: 'side.txt' });
  await repo.git('switch', '-q', 'main');
  await repo.git('merge', '-q', '--no-ff', '-m', 'fix: merge side', 'side');
  const merge = await repo.git('rev-parse', 'HEAD');
  return { repo, root, old, base, a, side, merge };
}

describe('readCommitParents', () => {
  it('reads every commit from the tips down to the bases, the bases included, with all their parents', async () => {
    const { repo, old, base, a, side, merge } = await history();
    const parents = await readCommitParents(repo.dir, [merge, base], [base]);
    expect(Object.fromEntries(parents)).toEqual({ [merge]: [a, side], [a]: [base], [side]: [base], [base]: [old] });
  });

  it('without bases, reads the tips’ whole histories', async () => {
    const { repo, root, old, base, a } = await history();
    const parents = await readCommitParents(repo.dir, [a], []);
    expect(Object.fromEntries(parents)).toEqual({ [a]: [base], [base]: [old], [old]: [root], [root]: [] });
  });

  it('a root commit as the base bounds nothing below it, and no tips reads nothing', async () => {
    const { repo, root, old } = await history();
    expect(Object.fromEntries(await readCommitParents(repo.dir, [old], [root]))).toEqual({ [old]: [root], [root]: [] });
    expect((await readCommitParents(repo.dir, [], [root])).size).toBe(0);
  });
});
