// What the composer reads from a real repository: the next step after the commit follows the
// branch, its upstream and the remotes.
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { readComposerData } from '../../src/app/plan-commit.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

async function gitflowRepo(): Promise<TempRepo> {
  const repo = await createTempRepo();
  repos.push(repo);
  await repo.commit('chore: start');
  await repo.git('branch', 'dev');
  return repo;
}

describe('readComposerData', () => {
  it('on a feature branch without upstream: push to origin with -u, then a pull request into dev', async () => {
    const repo = await gitflowRepo();
    const remote = await createTempRepo({ bare: true });
    repos.push(remote);
    await repo.git('remote', 'add', 'origin', remote.dir);
    await repo.git('switch', '-q', '-c', 'feature/login');
    const data = await readComposerData(await openRepo(repo.dir));
    expect(data.nextStep).toBe(
      'Next: push it (git push -u origin feature/login) and open a pull request from feature/login into dev.',
    );
  });

  it('on dev: the release key and command', async () => {
    const repo = await gitflowRepo();
    await repo.git('switch', '-q', 'dev');
    const data = await readComposerData(await openRepo(repo.dir));
    expect(data.nextStep).toBe(
      'Next: add a remote and push it (git remote add origin URL), or cut a release from dev: R on the home screen, or shipwright release start.',
    );
  });
});
