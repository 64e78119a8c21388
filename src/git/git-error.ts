// Turns git's stderr into typed, fixable errors. Matching needs LANG=C, which run-git sets.
import { existsSync } from 'node:fs';
import type { ErrorCode, ShipwrightError } from '../core/errors.js';
import { environmentError } from '../core/errors.js';
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';

interface KnownFailure {
  pattern: RegExp;
  code: ErrorCode;
  message: (stderr: string, args: readonly string[]) => string;
  fix: string | ((stderr: string) => string);
}

/**
 * The revision as the user typed it: git names the argument it was given, which for an excluded
 * range end is `^BAD` (or `BAD^@`), never what anyone wrote.
 */
const typedRevision = (argument: string): string =>
  argument.replace(/^\^+/, '').replace(/\^(@|!|\{[^}]*\})$/, '') || argument;

/** The lock file git could not create, from "Unable to create '/repo/.git/index.lock': File exists." */
const lockFileIn = (stderr: string): string | undefined =>
  /Unable to create '(.+\.lock)': File exists/.exec(stderr)?.[1];

const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    pattern: /not a git repository/i,
    code: 'not-a-repo',
    message: () => 'This folder is not inside a git repository.',
    fix: 'cd into your repository, or pass --cwd DIR (run `git init` to start a new one)',
  },
  {
    pattern: /does not have any commits yet|bad default revision 'HEAD'|ambiguous argument 'HEAD'/i,
    code: 'no-commits',
    message: () => 'The repository has no commits yet.',
    fix: 'make a first commit: git add -A && git commit -m "chore: initial commit"',
  },
  {
    pattern:
      /unknown revision|bad revision|ambiguous argument '([^']*)'|not a valid object name|Needed a single revision/i,
    code: 'unknown-revision',
    message: (stderr) => {
      const ref = /'([^']+)'/.exec(stderr)?.[1];
      return ref
        ? `git does not know the revision '${typedRevision(ref)}'.`
        : 'git does not know one of the revisions asked for.';
    },
    fix: 'check the name with `git tag --list` or `git branch --all`, or fetch it: git fetch origin --tags',
  },
  {
    // A git process holds the index or a ref, or one crashed and left its lock behind.
    pattern: /Unable to create '.+\.lock': File exists/,
    code: 'git-lock-exists',
    message: (stderr) =>
      `git could not lock the repository: ${lockFileIn(stderr) ?? 'a .lock file'} exists (another git process is running here, or one crashed and left it).`,
    fix: (stderr) =>
      `if no git process is running (check: pgrep -a git), the lock is stale; delete it: rm ${quoteShellWord(lockFileIn(stderr) ?? '.git/index.lock')}   (then run the command again; if git is running, an editor opened by git commit or an IDE, let it finish instead)`,
  },
  {
    pattern: /dubious ownership/i,
    code: 'dubious-ownership',
    message: () => 'git refuses to read this repository because another user owns it.',
    fix: 'git config --global --add safe.directory "$(pwd)"',
  },
];

/** Maps a failed git run to a ShipwrightError; unknown failures keep git's own words. */
export function toGitError(args: readonly string[], stderr: string, exitCode: number | undefined): ShipwrightError {
  for (const failure of KNOWN_FAILURES) {
    if (failure.pattern.test(stderr)) {
      const fix = typeof failure.fix === 'string' ? failure.fix : failure.fix(stderr);
      return environmentError(failure.message(stderr, args), { code: failure.code, fix });
    }
  }
  const detail = stderr.trim() || `exit code ${exitCode ?? 'unknown'}`;
  return environmentError(`git ${args[0] ?? ''} failed: ${detail}`, {
    code: 'git-failed',
    fix: `run \`${shellCommand(['git', ...args])}\` yourself to see the full error`,
  });
}

/** git did not start: the folder it was to run in is gone, or git itself is missing. */
export function gitStartError(cwd: string, cause: unknown): ShipwrightError {
  if (!existsSync(cwd)) {
    return environmentError(`The folder ${cwd} does not exist, so git cannot run there.`, {
      code: 'folder-missing',
      fix: 'cd into your repository (or pass --cwd with a folder that exists), then run the command again',
      cause,
    });
  }
  return gitMissingError(cause);
}

export function gitMissingError(cause: unknown): ShipwrightError {
  return environmentError('git is not installed or not on PATH.', {
    code: 'git-missing',
    fix: 'install git 2.30 or newer (e.g. `apt-get install git`) and make sure `git --version` works',
    cause,
  });
}
