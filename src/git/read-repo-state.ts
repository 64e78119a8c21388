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

export async function readRepoState(cwd: string): Promise<RepoState> {
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
