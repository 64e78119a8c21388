// Whether a merge or cherry-pick stopped half-way, and which files still have conflicts: what a
// paused run needs before `shipwright continue` may conclude it.
import { readRefValue } from './read-ref.js';
import { runGit } from './run-git.js';

const OPERATION_HEADS = { merge: 'MERGE_HEAD', 'cherry-pick': 'CHERRY_PICK_HEAD', revert: 'REVERT_HEAD' } as const;

/** The commit being merged, picked or reverted (MERGE_HEAD, CHERRY_PICK_HEAD, REVERT_HEAD), or null when none is in progress. */
export const readOperationHead = (cwd: string, op: keyof typeof OPERATION_HEADS): Promise<string | null> =>
  readRefValue(cwd, OPERATION_HEADS[op]);

/** Paths with unresolved conflicts (unmerged index entries). */
export async function readUnmergedPaths(cwd: string): Promise<string[]> {
  const result = await runGit(cwd, ['diff', '--name-only', '--diff-filter=U', '-z']);
  return [...new Set(result.stdout.split('\0').filter(Boolean))];
}

/** The parents of a commit, first parent first. */
export async function readParents(cwd: string, commit: string): Promise<string[]> {
  const result = await runGit(cwd, ['rev-list', '--parents', '-n', '1', '--end-of-options', commit]);
  return result.stdout.trim().split(' ').slice(1);
}
