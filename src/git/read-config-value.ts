// Reads one git config value (e.g. remote.origin.url); missing keys are null, not errors.
import { runGit } from './run-git.js';

export async function readConfigValue(cwd: string, key: string): Promise<string | null> {
  const result = await runGit(cwd, ['config', '--get', key], { okExitCodes: [1] });
  const value = result.stdout.trim();
  return result.exitCode === 0 && value.length > 0 ? value : null;
}

/** `refs/heads/dev` exists locally? */
export async function refExists(cwd: string, ref: string): Promise<boolean> {
  const result = await runGit(cwd, ['show-ref', '--verify', '--quiet', ref], { okExitCodes: [1] });
  return result.exitCode === 0;
}

/** Resolves a revision to a full commit hash. */
export async function resolveCommit(cwd: string, revision: string): Promise<string> {
  const result = await runGit(cwd, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]);
  return result.stdout.trim();
}
