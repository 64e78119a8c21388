// A worktree named as git names it ('' or worktrees/NAME) is found wherever it is now, and only in
// its own repository: a copy's records of the original's worktrees are never taken for its own.
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRepoState } from '../../src/git/read-repo.js';
import {
  locateWorktree,
  readWorktreeBranches,
  realPath,
  verifyWorktree,
  worktreeId,
} from '../../src/git/read-worktrees.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
const extra: string[] = [];
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
  await Promise.all(extra.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function withLinked(): Promise<{ repo: TempRepo; linked: TempRepo; commonDir: string; id: string }> {
  repo = await createTempRepo();
  await repo.commit('chore: one');
  const linked = await repo.addWorktree({ branch: 'side' });
  const commonDir = (await readRepoState(repo.dir)).commonDir;
  return { repo, linked, commonDir, id: `worktrees/${basename(linked.dir)}` };
}

describe('worktrees by the name git gives them', () => {
  it("names the main worktree '' and a linked one worktrees/NAME, and finds each from anywhere", async () => {
    const { repo: main, linked, commonDir, id } = await withLinked();
    const [mainState, linkedState] = await Promise.all([readRepoState(main.dir), readRepoState(linked.dir)]);
    expect(worktreeId(mainState.gitDir, mainState.commonDir)).toBe('');
    expect(worktreeId(linkedState.gitDir, linkedState.commonDir)).toBe(id);
    expect(await locateWorktree(linked.dir, commonDir, '')).toMatchObject({ root: mainState.root, id: '' });
    expect(await locateWorktree(main.dir, commonDir, id)).toMatchObject({ root: linkedState.root, id });
    expect(await readWorktreeBranches(main.dir)).toEqual(
      new Map([
        ['main', mainState.root],
        ['side', linkedState.root],
      ]),
    );
  });

  it('follows a linked worktree moved with git worktree move; a removed one is gone', async () => {
    const { repo: main, linked, commonDir, id } = await withLinked();
    const moved = join(await mkdtemp(join(tmpdir(), 'shipwright-moved-')), 'side');
    extra.push(moved);
    await main.git('worktree', 'move', linked.dir, moved);
    expect((await locateWorktree(main.dir, commonDir, id))?.root).toBe(realPath(moved));
    await main.git('worktree', 'remove', moved);
    expect(await locateWorktree(main.dir, commonDir, id)).toBeNull();
  });

  it("in a copy (cp -a), the copied records of the original's linked worktree are not the copy's", async () => {
    const { repo: main, linked, id } = await withLinked();
    const copy = `${main.dir}-copy`;
    extra.push(copy);
    await execa('cp', ['-a', main.dir, copy]);
    const copyCommon = (await readRepoState(copy)).commonDir;
    expect(await locateWorktree(copy, copyCommon, '')).toMatchObject({ root: realPath(copy), id: '' });
    expect(await locateWorktree(copy, copyCommon, id)).toBeNull();
    expect(await verifyWorktree(main.dir, copyCommon)).toBeNull();
    expect(await verifyWorktree(linked.dir, copyCommon)).toBeNull();
  });
});
