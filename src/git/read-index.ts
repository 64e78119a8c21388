// What the commit being made contains: the staged diff, and whether a merge or pick is concluding.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runGit } from './run-git.js';

/** Added lines only (`--unified=0`), new/changed files only, paths unquoted. */
export async function readStagedDiff(cwd: string): Promise<string> {
  const result = await runGit(cwd, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--cached',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--diff-filter=ACMR',
    '--',
  ]);
  return result.stdout;
}

export type OperationInProgress = 'merge' | 'cherry-pick' | 'revert' | null;

/** A commit that concludes a merge, cherry-pick or revert is not a "direct commit" on a branch. */
export function readOperationInProgress(gitDir: string): OperationInProgress {
  if (existsSync(join(gitDir, 'MERGE_HEAD'))) return 'merge';
  if (existsSync(join(gitDir, 'CHERRY_PICK_HEAD'))) return 'cherry-pick';
  if (existsSync(join(gitDir, 'REVERT_HEAD'))) return 'revert';
  return null;
}

/** Is `ancestor` in the history of `descendant`? Unknown objects count as "no". */
export async function isAncestor(cwd: string, ancestor: string, descendant: string): Promise<boolean> {
  const result = await runGit(cwd, ['merge-base', '--is-ancestor', ancestor, descendant], { okExitCodes: [1, 128] });
  return result.exitCode === 0;
}

/**
 * Every commit's added lines in `from..to` (`--unified=0`), each commit introduced by a
 * `commit HASH` line: a secret added and removed again within a pull request is still found.
 */
export async function readRangePatches(cwd: string, from: string, to: string): Promise<string> {
  const result = await runGit(cwd, [
    '-c',
    'core.quotePath=false',
    'log',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--diff-filter=ACMR',
    '--format=commit %H',
    '-p',
    '--end-of-options',
    `${from}..${to}`,
    '--',
  ]);
  return result.stdout;
}
