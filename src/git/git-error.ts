// Turns git's stderr into typed, fixable errors. Matching needs LANG=C, which run-git sets.
import type { ErrorCode, ShipwrightError } from '../core/errors.js';
import { environmentError } from '../core/errors.js';

interface KnownFailure {
  pattern: RegExp;
  code: ErrorCode;
  message: (stderr: string, args: readonly string[]) => string;
  fix: string;
}

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
      return ref ? `git does not know the revision '${ref}'.` : 'git does not know one of the revisions asked for.';
    },
    fix: 'check the name with `git tag --list` or `git branch --all`, or fetch it: git fetch origin --tags',
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
      return environmentError(failure.message(stderr, args), { code: failure.code, fix: failure.fix });
    }
  }
  const detail = stderr.trim() || `exit code ${exitCode ?? 'unknown'}`;
  return environmentError(`git ${args[0] ?? ''} failed: ${detail}`, {
    code: 'git-failed',
    fix: `run \`git ${args.join(' ')}\` yourself to see the full error`,
  });
}

export function gitMissingError(cause: unknown): ShipwrightError {
  return environmentError('git is not installed or not on PATH.', {
    code: 'git-missing',
    fix: 'install git 2.30 or newer (e.g. `apt-get install git`) and make sure `git --version` works',
    cause,
  });
}
