// git config values: one key (missing keys are null, not errors), the comment string git strips
// from edited messages, and the folder git runs hooks from.
import { isAbsolute, join } from 'node:path';
import { readGit, runGit } from './run-git.js';

/** `scope` reads one config file only: `global` finds e.g. a core.hooksPath that hides repo hooks. */
export async function readConfigValue(cwd: string, key: string, scope?: 'local' | 'global'): Promise<string | null> {
  const result = await runGit(cwd, ['config', ...(scope ? [`--${scope}`] : []), '--get', key], { okExitCodes: [1] });
  const value = result.stdout.trim();
  return result.exitCode === 0 && value.length > 0 ? value : null;
}

/**
 * git 2.45 added core.commentString; both keys set the same value and the last one read wins, so
 * one `--get-regexp` in config order answers for every git version. null when neither is set.
 * The value may be `auto`; see core/lint/comment-char.ts.
 */
export async function readCommentChar(cwd: string): Promise<string | null> {
  const result = await runGit(cwd, ['config', '--get-regexp', '^core\\.comment(char|string)$'], { okExitCodes: [1] });
  if (result.exitCode !== 0) return null;
  const last = result.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .pop();
  if (last === undefined) return null;
  const space = last.indexOf(' ');
  const value = space === -1 ? '' : last.slice(space + 1);
  return value.length > 0 ? value : null;
}

/** The absolute folder git runs hooks from in `root` (core.hooksPath or the common dir's hooks/), as git resolves it. */
export async function readHooksFolder(root: string): Promise<string> {
  const path = (await readGit(root, ['rev-parse', '--git-path', 'hooks'])).trim();
  return isAbsolute(path) ? path : join(root, path);
}
