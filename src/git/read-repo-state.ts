// Where we are: repository root, git dir, current branch, HEAD commit, shallow or not.
import { environmentError } from '../core/errors.js';
import { readGit, runGit } from './run-git.js';

export interface RepoState {
  root: string;
  gitDir: string;
  /** Short branch name; null when HEAD is detached. */
  branch: string | null;
  /** null when the repository has no commits yet. */
  head: string | null;
  shallow: boolean;
}

/**
 * One git process in the usual case (a branch with commits): rev-parse prints the paths, the shallow
 * flag, HEAD's commit and then — `--symbolic-full-name` applies to what follows — HEAD's ref. An
 * unborn branch makes it fail; then three separate questions answer it.
 */
export async function readRepoState(cwd: string): Promise<RepoState> {
  const combined = await runGit(cwd, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository', 'HEAD', '--symbolic-full-name', 'HEAD'], { okExitCodes: [128] });
  const lines = combined.stdout.split('\n');
  if (combined.exitCode === 0 && lines.length >= 5) {
    const [root = cwd, gitDir = '', shallow = 'false', head = '', ref = ''] = lines;
    return { root, gitDir, branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null, head: head.trim() || null, shallow: shallow.trim() === 'true' };
  }
  const [paths, symbolic, head] = await Promise.all([
    readGit(cwd, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository']),
    runGit(cwd, ['symbolic-ref', '-q', '--short', 'HEAD'], { okExitCodes: [1] }),
    runGit(cwd, ['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { okExitCodes: [1] }),
  ]);
  const [root = cwd, gitDir = '', shallow = 'false'] = paths.split('\n');
  return {
    root,
    gitDir,
    branch: symbolic.exitCode === 0 ? symbolic.stdout.trim() : null,
    head: head.exitCode === 0 ? head.stdout.trim() : null,
    shallow: shallow.trim() === 'true',
  };
}

/** A shallow clone hides tags and commits: any version or changelog from it would be wrong. */
export function assertNotShallow(state: RepoState): void {
  if (!state.shallow) return;
  throw environmentError('This is a shallow clone: the history and tags needed for versions and changelogs are missing.', {
    code: 'shallow-clone',
    fix: 'git fetch --unshallow --tags   (in CI: actions/checkout with fetch-depth: 0)',
  });
}

export function assertHasCommits(state: RepoState): asserts state is RepoState & { head: string } {
  if (state.head !== null) return;
  throw environmentError('The repository has no commits yet, so there is nothing to version or describe.', {
    code: 'no-commits',
    fix: 'make a first commit: git add -A && git commit -m "chore: initial commit"',
  });
}
