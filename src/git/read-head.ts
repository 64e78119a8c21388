// HEAD's message and whether anything is staged: how `shipwright continue` recognises a commit
// that was made just before a crash but not yet recorded in the journal.
import { runGit } from './run-git.js';

export async function readHeadMessage(cwd: string): Promise<string | null> {
  const result = await runGit(cwd, ['log', '-1', '--format=%B', 'HEAD', '--'], { okExitCodes: [128] });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

export async function hasStagedChanges(cwd: string): Promise<boolean> {
  const result = await runGit(cwd, ['diff', '--cached', '--quiet'], { okExitCodes: [1] });
  return result.exitCode === 1;
}
