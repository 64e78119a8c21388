// `git commit` with the message on stdin, hooks running as they would for a person. Engine only.
import { runGit } from './run-git.js';

export interface CommitOutcome {
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

/** Moves the branch back to `commit`, keeping the index and files (undo of a commit). */
export async function resetSoft(cwd: string, commit: string): Promise<void> {
  await runGit(cwd, ['reset', '--soft', commit]);
}
