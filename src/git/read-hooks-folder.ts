// Where git looks for hooks (core.hooksPath or the common dir's hooks/) and which files there are
// committed: init chains a team's committed hooks and refuses to drop uncommitted ones silently.
import { isAbsolute, join } from 'node:path';
import { readGit } from './run-git.js';

/** The absolute folder git runs hooks from in `root`, as git itself resolves it. */
export async function readHooksFolder(root: string): Promise<string> {
  const path = (await readGit(root, ['rev-parse', '--git-path', 'hooks'])).trim();
  return isAbsolute(path) ? path : join(root, path);
}

/** The repository-relative paths under `dir` that are in the index. */
export async function readTrackedPaths(root: string, dir: string): Promise<Set<string>> {
  const out = await readGit(root, ['ls-files', '-z', '--cached', '--', dir]);
  return new Set(out.split('\0').filter((path) => path.length > 0));
}
