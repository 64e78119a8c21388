// Whether a merge or cherry-pick stopped half-way, and which files still have conflicts: what a
// paused run needs before `shipwright continue` may conclude it.
import { runGit } from './run-git.js';

/** The commit being merged (MERGE_HEAD), or null when no merge is in progress. */
export async function readMergeHead(cwd: string): Promise<string | null> {
  const result = await runGit(cwd, ['rev-parse', '-q', '--verify', 'MERGE_HEAD'], { okExitCodes: [1] });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

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

/** The commit being picked (CHERRY_PICK_HEAD) or reverted (REVERT_HEAD), or null when none is in progress. */
export async function readOperationHead(cwd: string, op: 'cherry-pick' | 'revert'): Promise<string | null> {
  const result = await runGit(cwd, ['rev-parse', '-q', '--verify', op === 'cherry-pick' ? 'CHERRY_PICK_HEAD' : 'REVERT_HEAD'], { okExitCodes: [1] });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

/** Whether the index differs from HEAD: a resolved pick with nothing left in it is empty. */
export async function indexDiffersFromHead(cwd: string): Promise<boolean> {
  const result = await runGit(cwd, ['diff', '--cached', '--quiet', 'HEAD', '--'], { okExitCodes: [1] });
  return result.exitCode === 1;
}
