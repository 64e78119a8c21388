// Cherry-pick and revert writes for the engine: one commit at a time (a pick with -x), concluding
// or skipping a stopped one, abandoning one. Never a strategy option such as -X theirs.
import { runGit } from './run-git.js';

/** `cherry-pick` applies a commit's change; `revert` applies its inverse. Both stop the same way. */
export type PickOperation = 'cherry-pick' | 'revert';

export interface PickOutcome {
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
