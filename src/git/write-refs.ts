// Ref writes for the engine's undo: move, delete, re-point HEAD. Never touches the working tree.
import { runGit } from './run-git.js';

/** `git update-ref REF VALUE`: moves (or creates) a ref. */
export async function updateRef(cwd: string, ref: string, value: string): Promise<void> {
  await runGit(cwd, ['update-ref', '-m', 'shipwright: restore', ref, value]);
}

/** The null object name: as the old value of update-ref, "the ref must not exist". */
const ABSENT = '0'.repeat(40);

/** `git update-ref REF NEW OLD`: moves the ref only if it is still at OLD (null: only if absent); false when it is not. */
export async function moveRefIfAt(
  cwd: string,
  ref: string,
  value: string,
  expected: string | null,
  reason: string,
): Promise<boolean> {
  const result = await runGit(cwd, ['update-ref', '-m', reason, ref, value, expected ?? ABSENT], {
    okExitCodes: [128],
  });
  return result.exitCode === 0;
}

/** `git update-ref -d REF`: deletes a ref (a branch or tag the engine created). */
export async function deleteRef(cwd: string, ref: string): Promise<void> {
  await runGit(cwd, ['update-ref', '-d', ref]);
}

/** `git update-ref -d REF OLD`: deletes the ref only if it is still at OLD; false when it is not. */
export async function deleteRefIfAt(cwd: string, ref: string, expected: string, reason: string): Promise<boolean> {
  const result = await runGit(cwd, ['update-ref', '-m', reason, '-d', ref, expected], { okExitCodes: [128] });
  return result.exitCode === 0;
}

/** Puts HEAD back on a branch without checking anything out (its files are restored separately). */
export async function pointHeadAt(cwd: string, branch: string): Promise<void> {
  await runGit(cwd, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
}

/** Detached HEAD back at a commit, without checking anything out. */
export async function detachHeadAt(cwd: string, commit: string): Promise<void> {
  await runGit(cwd, ['update-ref', '--no-deref', 'HEAD', commit]);
}
