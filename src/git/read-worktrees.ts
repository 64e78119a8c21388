// The branches checked out in any worktree of the repository: a backport never moves one of them
// under someone's working tree.
import { readGit } from './run-git.js';

export async function readCheckedOutBranches(cwd: string): Promise<string[]> {
  const out = await readGit(cwd, ['worktree', 'list', '--porcelain']);
  return out
    .split('\n')
    .filter((line) => line.startsWith('branch refs/heads/'))
    .map((line) => line.slice('branch refs/heads/'.length));
}
