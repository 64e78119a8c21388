// Where we are: repository root, git dirs, current branch, HEAD commit, shallow or not; the installed
// git's version.
import { resolve } from 'node:path';
import { environmentError } from '../core/errors.js';
import { readGit, runGit } from './run-git.js';

export interface RepoState {
  /** The working tree we are in (a linked worktree's own root when in one). */
  root: string;
  /** This worktree's git dir: HEAD, index, MERGE_HEAD and friends (`.git/worktrees/NAME` in a linked one). */
  gitDir: string;
  /**
   * The git dir every worktree of the repository shares (refs, config, objects): where state that
   * belongs to the repository rather than to one working tree lives. Equals gitDir outside linked
   * worktrees.
   */
  commonDir: string;
  /** Short branch name; null when HEAD is detached. */
  branch: string | null;
  /** null when the repository has no commits yet. */
  head: string | null;
  shallow: boolean;
}

const PATHS = ['--show-toplevel', '--absolute-git-dir', '--git-common-dir', '--is-shallow-repository'];

/** `--git-common-dir` is relative to the directory git ran in unless it is elsewhere (`--path-format` needs git 2.31). */
function parsePaths(cwd: string, lines: string[]): Pick<RepoState, 'root' | 'gitDir' | 'commonDir' | 'shallow'> {
  const [root = cwd, gitDir = '', commonDir = gitDir, shallow = 'false'] = lines;
  return { root, gitDir, commonDir: resolve(cwd, commonDir), shallow: shallow.trim() === 'true' };
}

/**
 * One git process in the usual case (a branch with commits): rev-parse prints the paths, the shallow
 * flag, HEAD's commit and then — `--symbolic-full-name` applies to what follows — HEAD's ref. An
 * unborn branch makes it fail; then three separate questions answer it.
 */
export async function readRepoState(cwd: string): Promise<RepoState> {
  const combined = await runGit(cwd, ['rev-parse', ...PATHS, 'HEAD', '--symbolic-full-name', 'HEAD'], {
    okExitCodes: [128],
  });
  const lines = combined.stdout.split('\n');
  if (combined.exitCode === 0 && lines.length >= PATHS.length + 2) {
    const [head = '', ref = ''] = lines.slice(PATHS.length);
    return {
      ...parsePaths(cwd, lines),
      branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null,
      head: head.trim() || null,
    };
  }
  const [paths, symbolic, head] = await Promise.all([
    readGit(cwd, ['rev-parse', ...PATHS]),
    runGit(cwd, ['symbolic-ref', '-q', '--short', 'HEAD'], { okExitCodes: [1] }),
    runGit(cwd, ['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { okExitCodes: [1] }),
  ]);
  return {
    ...parsePaths(cwd, paths.split('\n')),
    branch: symbolic.exitCode === 0 ? symbolic.stdout.trim() : null,
    head: head.exitCode === 0 ? head.stdout.trim() : null,
  };
}

/** A shallow clone hides tags and commits: any version or changelog from it would be wrong. */
export function assertNotShallow(state: RepoState): void {
  if (!state.shallow) return;
  throw environmentError(
    'This is a shallow clone: the history and tags needed for versions and changelogs are missing.',
    {
      code: 'shallow-clone',
      fix: 'git fetch --unshallow --tags   (in CI: actions/checkout with fetch-depth: 0)',
    },
  );
}

export function assertHasCommits(state: RepoState): asserts state is RepoState & { head: string } {
  if (state.head !== null) return;
  throw environmentError('The repository has no commits yet, so there is nothing to version or describe.', {
    code: 'no-commits',
    fix: 'make a first commit: git add -A && git commit -m "chore: initial commit"',
  });
}

export async function readGitVersion(cwd: string): Promise<string> {
  const out = await readGit(cwd, ['--version']);
  return /(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? out;
}

export interface RepoLocation {
  root: string;
  gitDir: string;
}

export async function locateRepo(cwd: string): Promise<RepoLocation> {
  const [root = cwd, gitDir = ''] = (await readGit(cwd, ['rev-parse', '--show-toplevel', '--absolute-git-dir'])).split(
    '\n',
  );
  return { root, gitDir };
}
