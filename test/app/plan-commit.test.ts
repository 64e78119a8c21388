// planCommit, which `shipwright commit` and the composer share: an empty index is refused with
// `nothing-staged` before the message is checked, and the fix names what to stage. And the next
// step the composer shows after the commit, which follows the branch, its upstream and remotes.
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { planCommit, readComposerData } from '../../src/app/plan-commit.js';
import { emptyDraft } from '../../src/core/commit-composer/compose-message.js';
import { ShipwrightError } from '../../src/core/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

const draft = { ...emptyDraft(), type: 'fix', subject: 'handle empty pages' };

async function refusal(dir: string): Promise<ShipwrightError> {
  const error: unknown = await planCommit(await openRepo(dir), draft).then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ShipwrightError)) throw new Error(`expected a ShipwrightError, got ${String(error)}`);
  return error;
}

describe('planCommit', () => {
  it('refuses an empty index and names up to three changed files to stage', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: start', { path: 'a.txt', content: 'a\n' });
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) await repo.write(name, `${name} changed\n`);
    await repo.git('add', '-N', 'b.txt', 'c.txt', 'd.txt');
    const error = await refusal(repo.dir);
    expect(error.code).toBe('nothing-staged');
    expect(error.kind).toBe('check');
    expect(error.message).toBe('Nothing is staged, so there is nothing to commit.');
    expect(error.fix).toBe('stage your changes first: git add a.txt b.txt c.txt …');
  });

  it('asks for a change when the tree is clean', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: start');
    expect((await refusal(repo.dir)).fix).toBe('change some files and git add them');
  });

  it('plans one commit step once something is staged', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: start');
    await repo.write('page.txt', 'pages\n');
    await repo.git('add', 'page.txt');
    const planned = await planCommit(await openRepo(repo.dir), draft);
    expect(planned.message).toBe('fix: handle empty pages\n');
    expect(planned.report.valid).toBe(true);
    expect(planned.plan.steps).toEqual([
      { kind: 'commit', message: 'fix: handle empty pages\n', description: 'commit "fix: handle empty pages"' },
    ]);
  });
});

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.remove()));
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
