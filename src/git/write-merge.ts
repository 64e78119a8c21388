// Merge writes for the engine: a --no-ff merge that may stop on conflicts, finishing or
// abandoning a stopped merge, and taking a merge back. Never a strategy option such as -X theirs.
import { runGit } from './run-git.js';

export interface MergeOutcome {
  ok: boolean;
  /** What git and the hooks printed. */
  output: string;
}

/** `git merge --no-ff --no-edit -m MESSAGE SOURCE`: exit 1 is an answer (conflicts, or a hook said no). */
export async function mergeNoFastForward(
  cwd: string,
  source: string,
  message: string,
  env?: Record<string, string>,
): Promise<MergeOutcome> {
  const result = await runGit(cwd, ['merge', '--no-ff', '--no-edit', '-m', message, '--end-of-options', source], {
    okExitCodes: [1, 128],
    ...(env ? { env } : {}),
  });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** Concludes a merge whose conflicts are resolved and staged: `git commit --no-edit`, hooks running. */
export async function concludeMerge(cwd: string, env?: Record<string, string>): Promise<MergeOutcome> {
  const result = await runGit(cwd, ['commit', '--no-edit'], { okExitCodes: [1], ...(env ? { env } : {}) });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `git merge --abort`: the branch, index and files as before the merge began. */
export async function abortMerge(cwd: string): Promise<void> {
  await runGit(cwd, ['merge', '--abort']);
}

/**
 * Moves the checked-out branch back to `commit` with `git reset --keep`: files the merge changed
 * are put back, and git refuses rather than overwrite a local change.
 */
export async function resetKeep(cwd: string, commit: string): Promise<void> {
  await runGit(cwd, ['reset', '-q', '--keep', commit]);
}
