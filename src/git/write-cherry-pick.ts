// Cherry-pick writes for the engine: one commit at a time with -x, concluding or skipping a stopped
// pick, abandoning one. Never a strategy option such as -X theirs.
import { runGit } from './run-git.js';

export interface PickOutcome {
  ok: boolean;
  output: string;
}

/** The editor git would open to conclude a pick: none, the message stays as git wrote it. */
const NO_EDITOR = { GIT_EDITOR: 'true' };

/** `git cherry-pick -x [-m 1] COMMIT`: exit 1 is an answer (conflicts, an empty pick, a hook said no). */
export async function cherryPick(cwd: string, commit: string, options: { mainline?: number; env?: Record<string, string> } = {}): Promise<PickOutcome> {
  const args = ['cherry-pick', '-x', ...(options.mainline ? ['-m', String(options.mainline)] : []), '--end-of-options', commit];
  const result = await runGit(cwd, args, { okExitCodes: [1, 128], env: { ...NO_EDITOR, ...options.env } });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `git cherry-pick --continue` once the conflicts are resolved and staged. */
export async function continueCherryPick(cwd: string, env?: Record<string, string>): Promise<PickOutcome> {
  const result = await runGit(cwd, ['cherry-pick', '--continue'], { okExitCodes: [1, 128], env: { ...NO_EDITOR, ...env } });
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `git cherry-pick --skip`: drops a pick whose change is already there (it came out empty). */
export async function skipCherryPick(cwd: string): Promise<void> {
  await runGit(cwd, ['cherry-pick', '--skip']);
}

/** `git cherry-pick --abort`: HEAD, index and files as before the pick. */
export async function abortCherryPick(cwd: string): Promise<void> {
  await runGit(cwd, ['cherry-pick', '--abort']);
}
