// Reads a commit message file: the one named, or the COMMIT_EDITMSG git writes for `git commit`.
import { shellCommand } from '../core/display-text/shell-words.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { environmentError, usageError } from '../core/errors.js';
import { readGit } from './run-git.js';

/** `--git-path`, not `.git/…`: in a linked worktree COMMIT_EDITMSG lives under .git/worktrees/NAME. */
export async function locateCommitEditMsg(cwd: string): Promise<string> {
  return resolve(cwd, await readGit(cwd, ['rev-parse', '--git-path', 'COMMIT_EDITMSG']));
}

/** Reads the file as UTF-8; `explicit` says whether the user named it (usage error) or git should have written it. */
export async function readMessageFile(path: string, options: { explicit: boolean }): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.explicit) {
      if (code === 'ENOENT')
        throw usageError(
          `There is no file ${path}.`,
          'pass the file git gives the commit-msg hook, or - to read the message from stdin',
        );
      throw environmentError(`Cannot read ${path}: ${code ?? (error as Error).message}.`, {
        code: 'message-unreadable',
        fix: `check the file's permissions: ${shellCommand(['ls', '-l', path])}`,
      });
    }
    throw environmentError(
      `There is no commit message to check: ${path} does not exist (no \`git commit\` has run here yet).`,
      {
        code: 'no-commit-editmsg',
        fix: 'name a file (shipwright lint-msg FILE), pipe one (… | shipwright lint-msg -), or check commits: shipwright lint-msg --from REF',
        cause: error,
      },
    );
  }
}
