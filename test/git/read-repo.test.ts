// Where we are, from one rev-parse in the usual case and three questions on an unborn branch.
import { realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRepoState } from '../../src/git/read-repo.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('readRepoState', () => {
  it('on a branch with commits: root, git dir, branch, HEAD, not shallow', async () => {
    repo = await createTempRepo({ branch: 'main' });
    const head = await repo.commit('chore: one');
    const state = await readRepoState(repo.dir);
    const gitDir = await repo.git('rev-parse', '--absolute-git-dir');
    expect(state).toEqual({
      root: await repo.git('rev-parse', '--show-toplevel'),
      gitDir,
      commonDir: gitDir,
      branch: 'main',
      head,
      shallow: false,
    });
  });

  it('in a linked worktree: its own root and git dir, the shared git dir as commonDir (absolute from a subdirectory too)', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: one', { path: 'sub/file.txt' });
    const linked = await repo.addWorktree({ branch: 'side' });
    const mainGitDir = await repo.git('rev-parse', '--absolute-git-dir');
    const state = await readRepoState(join(linked.dir, 'sub'));
    expect(state).toMatchObject({
      branch: 'side',
      gitDir: join(mainGitDir, 'worktrees', basename(linked.dir)),
      commonDir: mainGitDir,
    });
    expect(await realpath(state.root)).toBe(await realpath(linked.dir));
    // In the main worktree git prints the common dir relative to where it runs (`../.git`).
    expect(await readRepoState(join(repo.dir, 'sub'))).toMatchObject({
      gitDir: mainGitDir,
      commonDir: join(repo.dir, '.git'),
    });
  });

  it('on a branch whose name has slashes, and detached', async () => {
    repo = await createTempRepo();
    const head = await repo.commit('chore: one');
    await repo.git('switch', '-q', '-c', 'release/1.2');
    expect((await readRepoState(repo.dir)).branch).toBe('release/1.2');
    await repo.git('switch', '-q', '--detach');
    expect(await readRepoState(repo.dir)).toMatchObject({ branch: null, head });
  });

  it('on an unborn branch: the branch, no HEAD commit', async () => {
    repo = await createTempRepo({ branch: 'trunk' });
    expect(await readRepoState(repo.dir)).toMatchObject({
      branch: 'trunk',
      head: null,
      shallow: false,
      commonDir: join(repo.dir, '.git'),
    });
  });

  it('with a file named HEAD in the working tree', async () => {
    repo = await createTempRepo();
    const head = await repo.commit('chore: one', { path: 'HEAD', content: 'confusing\n' });
    expect(await readRepoState(repo.dir)).toMatchObject({ branch: 'main', head });
  });
});
