// Writes to the repository's git config; called by the engine only (and its undo).
import { runGit } from './run-git.js';

export async function setConfigValue(cwd: string, key: string, value: string): Promise<void> {
  await runGit(cwd, ['config', '--local', key, value]);
}

/** Removes a local setting; a setting that is not there is fine (exit 5). */
export async function unsetConfigValue(cwd: string, key: string): Promise<void> {
  await runGit(cwd, ['config', '--local', '--unset-all', key], { okExitCodes: [5] });
}
