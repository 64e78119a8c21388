// The installed pre-push hook against a real bare remote (file://): branch and tag names, and no
// rewriting or deleting of protected branches. The remote is compared with `git ls-remote`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareRemote, createHookedRepo, type HookedRepo } from '../helpers/hooked-repo.js';

let repo: HookedRepo;
let remote: Awaited<ReturnType<typeof createBareRemote>>;

const lsRemote = async () => (await repo.git(['ls-remote', 'origin'])).stdout;

beforeAll(async () => {
  repo = await createHookedRepo({ workflow: 'trunk' });
  remote = await createBareRemote();
  await repo.read('remote', 'add', 'origin', remote.url);
  await repo.write('a.txt', 'one\n');
  await repo.commitNoVerify('chore: start');
  const first = await repo.git(['push', '-u', 'origin', 'main']);
  expect(first.code, first.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await repo?.remove();
  await remote?.remove();
});

describe('pre-push hook', () => {
  it('pushes a branch that follows the model', async () => {
    await repo.read('branch', 'feature/ok');
    const result = await repo.git(['push', 'origin', 'feature/ok']);
    expect(result.code, result.stderr).toBe(0);
    expect(await lsRemote()).toContain('refs/heads/feature/ok');
  });

  it('refuses a branch outside the model, sending nothing', async () => {
    await repo.read('branch', 'Bad_Branch');
    const before = await lsRemote();
    const result = await repo.git(['push', 'origin', 'Bad_Branch']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('shipwright: the push was refused (1 problem); nothing was sent.');
    expect(result.stderr).toContain("refs/heads/Bad_Branch: 'Bad_Branch' does not follow the branch model");
    expect(result.stderr).toContain('fix: rename it, e.g. git branch -m Bad_Branch feature/bad_branch');
    expect(await lsRemote()).toBe(before);
  });

  it('pushes a release tag and refuses any other tag', async () => {
    await repo.read('tag', '-a', '-m', 'v1.2.3', 'v1.2.3');
    const ok = await repo.git(['push', 'origin', 'v1.2.3']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(await lsRemote()).toContain('refs/tags/v1.2.3');

    await repo.read('tag', 'nightly');
    const before = await lsRemote();
    const refused = await repo.git(['push', 'origin', 'nightly']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("refs/tags/nightly: tag 'nightly' is not a release tag");
    expect(await lsRemote()).toBe(before);
    expect(before).not.toContain('nightly');
  });

  it('refuses a force-push that rewrites main; the remote is unchanged', async () => {
    const pushed = await repo.read('rev-parse', 'main');
    await repo.write('a.txt', 'rewritten\n');
    await repo.read('add', 'a.txt');
    await repo.read('commit', '-q', '--amend', '--no-verify', '-m', 'chore: start (rewritten)');
    const before = await lsRemote();
    expect(before).toContain(`${pushed}\trefs/heads/main`);

    const result = await repo.git(['push', '--force', 'origin', 'main']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'refs/heads/main: this push would rewrite main on the remote (not a fast-forward); main is protected.',
    );
    expect(result.stderr).toContain('fix: bring in the remote work instead: git pull --rebase origin main');
    expect(await lsRemote()).toBe(before);
    await repo.read('reset', '-q', '--hard', pushed);
  });

  it('allows a fast-forward of main', async () => {
    await repo.write('a.txt', 'two\n');
    await repo.commitNoVerify('feat: more');
    const result = await repo.git(['push', 'origin', 'main']);
    expect(result.code, result.stderr).toBe(0);
    expect(await lsRemote()).toContain(`${await repo.read('rev-parse', 'main')}\trefs/heads/main`);
  });

  it('refuses deleting main or dev on the remote; the remote is unchanged', async () => {
    await repo.read('branch', 'dev');
    expect((await repo.git(['push', 'origin', 'dev'])).code).toBe(0);
    const before = await lsRemote();
    const main = await repo.git(['push', 'origin', '--delete', 'main']);
    expect(main.code).not.toBe(0);
    expect(main.stderr).toContain('refs/heads/main: main is protected and cannot be deleted on the remote.');
    // Refused before git contacted the remote (which would also refuse its current branch).
    expect(main.stderr).not.toContain('remote rejected');
    expect(await lsRemote()).toBe(before);

    const dev = await repo.git(['push', 'origin', '--delete', 'dev']);
    expect(dev.code).not.toBe(0);
    expect(dev.stderr).toContain('refs/heads/dev: dev is protected and cannot be deleted on the remote.');
    expect(await lsRemote()).toBe(before);

    // The control: the remote itself accepts deleting dev, so it was the hook that stopped it.
    const skipped = await repo.git(['push', '--no-verify', 'origin', '--delete', 'dev']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(await lsRemote()).not.toContain('refs/heads/dev');
  });

  it('reports every refused ref of a multi-ref push at once', async () => {
    await repo.read('branch', 'WIP');
    await repo.read('tag', 'latest');
    const result = await repo.git(['push', 'origin', 'WIP', 'latest', 'feature/ok']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('refused (2 problems)');
    expect(result.stderr).toContain('refs/heads/WIP:');
    expect(result.stderr).toContain('refs/tags/latest:');
  });
});

describe('pre-push hook: published release tags', () => {
  it('refuses to move a release tag on the remote with -f, and to delete it', async () => {
    await repo.read('tag', '-a', '-m', 'v9.9.9', 'v9.9.9');
    const first = await repo.git(['push', 'origin', 'v9.9.9']);
    expect(first.code, first.stderr).toBe(0);
    const published = await lsRemote();
    await repo.write('a.txt', 'moved\n');
    await repo.commitNoVerify('fix: later');
    await repo.read('tag', '-f', '-a', '-m', 'moved', 'v9.9.9');
    const moved = await repo.git(['push', '-f', 'origin', 'v9.9.9']);
    expect(moved.code).not.toBe(0);
    expect(moved.stderr).toContain(
      'refs/tags/v9.9.9: this push would move the published release tag v9.9.9 on the remote (force).',
    );
    expect(moved.stderr).toContain('git fetch origin +refs/tags/v9.9.9:refs/tags/v9.9.9');
    const deleted = await repo.git(['push', 'origin', ':refs/tags/v9.9.9']);
    expect(deleted.code).not.toBe(0);
    expect(deleted.stderr).toContain('v9.9.9 is a published release tag and cannot be deleted on the remote.');
    expect(await lsRemote()).toBe(published);
  });
});
