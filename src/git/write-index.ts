// Index writes: stage and unstage paths. Called by the engine only.
// `--literal-pathspecs`: a path is a file's name, never a pattern (a file named `*.js` or `:!x`
// stages that file alone, not every match).
import { runGit } from './run-git.js';

export async function stagePaths(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await runGit(cwd, ['--literal-pathspecs', 'add', '--all', '--', ...paths]);
}

/** Puts the index entries of `paths` back to HEAD's (or removes them when there is no HEAD). */
export async function unstagePaths(cwd: string, paths: readonly string[], hasHead: boolean): Promise<void> {
  if (paths.length === 0) return;
  if (hasHead) await runGit(cwd, ['--literal-pathspecs', 'reset', '-q', 'HEAD', '--', ...paths]);
  else await runGit(cwd, ['--literal-pathspecs', 'rm', '-q', '--cached', '-r', '--ignore-unmatch', '--', ...paths]);
}
