// History writes for the engine: `git commit` with the message on stdin, --no-ff merges, cherry-picks
// and reverts one commit at a time, concluding or abandoning a stopped one, and taking each back.
// Never a strategy option such as -X theirs. Called by the engine only.
import { runGit } from './run-git.js';

/** `cherry-pick` applies a commit's change; `revert` applies its inverse. Both stop the same way. */
type PickOperation = 'cherry-pick' | 'revert';

interface PickOutcome {
  ok: boolean;
  output: string;
}

/** The editor git would open to conclude a pick: none, the message stays as git wrote it. */
const NO_EDITOR = { GIT_EDITOR: 'true' };

/** `git cherry-pick -x [-m 1] COMMIT` or `git revert --no-edit [-m 1] COMMIT`: exit 1 is an answer (conflicts, empty, a hook said no). */
export async function applyCommitChange(
  cwd: string,
  op: PickOperation,
  commit: string,
  options: { mainline?: number; env?: Record<string, string> } = {},
): Promise<PickOutcome> {
  const args = [
    op,
    op === 'cherry-pick' ? '-x' : '--no-edit',
    ...(options.mainline ? ['-m', String(options.mainline)] : []),
    '--end-of-options',
    commit,
  ];
  const result = await runGit(cwd, args, { okExitCodes: [1, 128], env: { ...NO_EDITOR, ...options.env } });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `git cherry-pick --continue` (or revert) once the conflicts are resolved and staged. */
export async function continueOperation(
  cwd: string,
  op: PickOperation,
  env?: Record<string, string>,
): Promise<PickOutcome> {
  const result = await runGit(cwd, [op, '--continue'], { okExitCodes: [1, 128], env: { ...NO_EDITOR, ...env } });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `--skip`: drops a pick or revert that came out empty (its change is already there, or already undone). */
export async function skipOperation(cwd: string, op: PickOperation): Promise<void> {
  await runGit(cwd, [op, '--skip']);
}

/** `--abort`: HEAD, index and files as before the pick or revert. */
export async function abortOperation(cwd: string, op: PickOperation): Promise<void> {
  await runGit(cwd, [op, '--abort']);
}

interface CommitOutcome {
  ok: boolean;
  /** What git and the hooks printed (stdout then stderr). */
  output: string;
}

export async function commitWithMessage(
  cwd: string,
  message: string,
  env?: Record<string, string>,
): Promise<CommitOutcome> {
  const result = await runGit(cwd, ['commit', '--cleanup=strip', '-F', '-'], {
    input: message,
    okExitCodes: [1],
    ...(env ? { env } : {}),
  });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}` };
}

interface MergeOutcome {
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
