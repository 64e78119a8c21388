// readStatus on real repositories: how far production is ahead of the branch the report describes.
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { readStatus } from '../../src/app/read-status.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

/** main: v1.0.0, then a hotfix dev lacks; dev: a feature of its own. */
async function hotfixNotOnDev(): Promise<TempRepo> {
  const r = await createTempRepo();
  await r.commit('feat: first');
  await r.tag('v1.0.0', { message: 'v1.0.0' });
  await r.git('branch', 'dev');
  await r.commit('fix(auth): token expiry', { path: 'auth.txt' });
  await r.commit('fix(auth): clock skew', { path: 'auth.txt', content: 'skew' });
  await r.git('checkout', '-q', 'dev');
  await r.commit('feat(api): new endpoint', { path: 'api.txt' });
  return r;
}

describe('readStatus: production ahead', () => {
  it('counts the commits of the production branch that the checked-out branch lacks', async () => {
    repo = await hotfixNotOnDev();
    const report = await readStatus(await openRepo(repo.dir));
    expect(report.branch).toBe('dev');
    expect(report.productionAhead).toEqual({ ref: 'main', commits: 2 });
  });

  it('is null on the production branch and on a branch that has all of it', async () => {
    repo = await hotfixNotOnDev();
    await repo.git('checkout', '-q', 'main');
    expect((await readStatus(await openRepo(repo.dir))).productionAhead).toBeNull();
    await repo.git('checkout', '-q', 'dev');
    await repo.git('merge', '-q', '--no-edit', 'main');
    expect((await readStatus(await openRepo(repo.dir))).productionAhead).toBeNull();
  });

  it('without a production branch, compares with the production tag', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    await repo.git('branch', 'old');
    await repo.commit('fix: second', { path: 'b.txt' });
    await repo.tag('v1.0.0', { message: 'v1.0.0' });
    await repo.git('checkout', '-q', 'old');
    await repo.git('branch', '-D', 'main');
    const report = await readStatus(await openRepo(repo.dir));
    expect(report.productionAhead).toEqual({ ref: 'v1.0.0', commits: 1 });
  });
});
