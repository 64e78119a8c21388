// Reads one git config value (e.g. remote.origin.url); missing keys are null, not errors.
import { runGit } from './run-git.js';

/** `scope` reads one config file only: `global` finds e.g. a core.hooksPath that hides repo hooks. */
export async function readConfigValue(cwd: string, key: string, scope?: 'local' | 'global'): Promise<string | null> {
  const result = await runGit(cwd, ['config', ...(scope ? [`--${scope}`] : []), '--get', key], { okExitCodes: [1] });
  const value = result.stdout.trim();
  return result.exitCode === 0 && value.length > 0 ? value : null;
}

/** `refs/heads/dev` exists locally? */
export async function refExists(cwd: string, ref: string): Promise<boolean> {
  const result = await runGit(cwd, ['show-ref', '--verify', '--quiet', ref], { okExitCodes: [1] });
  return result.exitCode === 0;
}

/** Whether any of these full ref names exists, in one `git show-ref` (it matches whole trailing components). */
export async function anyRefExists(cwd: string, refs: readonly string[]): Promise<boolean> {
  const result = await runGit(cwd, ['show-ref', '--', ...refs], { okExitCodes: [1] });
  return result.stdout.split('\n').some((line) => refs.includes(line.split(' ')[1] ?? ''));
}

/** Resolves a revision to a full commit hash. */
export async function resolveCommit(cwd: string, revision: string): Promise<string> {
  const result = await runGit(cwd, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]);
  return result.stdout.trim();
}
