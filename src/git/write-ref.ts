// Ref writes for the engine's undo: move, delete, re-point HEAD. Never touches the working tree.
import { runGit } from './run-git.js';

/** `git update-ref REF VALUE`: moves (or creates) a ref. */
export async function updateRef(cwd: string, ref: string, value: string): Promise<void> {
  await runGit(cwd, ['update-ref', '-m', 'shipwright: restore', ref, value]);
}

/** `git update-ref -d REF`: deletes a ref (a branch or tag the engine created). */
export async function deleteRef(cwd: string, ref: string): Promise<void> {
  await runGit(cwd, ['update-ref', '-d', ref]);
}

/** Puts HEAD back on a branch without checking anything out (its files are restored separately). */
export async function pointHeadAt(cwd: string, branch: string): Promise<void> {
  await runGit(cwd, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
}

/** Detached HEAD back at a commit, without checking anything out. */
export async function detachHeadAt(cwd: string, commit: string): Promise<void> {
  await runGit(cwd, ['update-ref', '--no-deref', 'HEAD', commit]);
}
