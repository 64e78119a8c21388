// Index writes: stage and unstage paths. Called by the engine only.
import { runGit } from './run-git.js';

export async function stagePaths(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await runGit(cwd, ['add', '--all', '--', ...paths]);
}

/** Puts the index entries of `paths` back to HEAD's (or removes them when there is no HEAD). */
export async function unstagePaths(cwd: string, paths: readonly string[], hasHead: boolean): Promise<void> {
  if (paths.length === 0) return;
  if (hasHead) await runGit(cwd, ['reset', '-q', 'HEAD', '--', ...paths]);
  else await runGit(cwd, ['rm', '-q', '--cached', '-r', '--ignore-unmatch', '--', ...paths]);
}
