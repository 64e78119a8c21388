// The repository root and git dir in one git call: all a commit-msg hook needs to know.
import { readGit } from './run-git.js';

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
