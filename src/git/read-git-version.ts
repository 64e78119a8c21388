// The installed git's version, e.g. "2.39.5".
import { readGit, runGit } from './run-git.js';

export async function readGitVersion(cwd: string): Promise<string> {
  const out = await readGit(cwd, ['--version']);
  return /(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? out;
}

/** A setting from the user's global config only (e.g. a core.hooksPath that hides repo hooks). */
export async function readGlobalConfigValue(cwd: string, key: string): Promise<string | null> {
  const result = await runGit(cwd, ['config', '--global', '--get', key], { okExitCodes: [1] });
  return result.exitCode === 0 ? result.stdout.trim() || null : null;
}

export async function readLocalConfigValue(cwd: string, key: string): Promise<string | null> {
  const result = await runGit(cwd, ['config', '--local', '--get', key], { okExitCodes: [1] });
  return result.exitCode === 0 ? result.stdout.trim() || null : null;
}
