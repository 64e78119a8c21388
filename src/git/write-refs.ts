// Ref writes for the engine: branches (create, switch, delete), annotated tags, and moving, deleting or
// re-pointing refs and HEAD for undo. Called by the engine only.
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

/** `git switch -c NAME FROM`: local changes come along when they do not conflict with FROM. */
export async function createAndSwitch(cwd: string, name: string, from: string): Promise<void> {
  await runGit(cwd, ['switch', '--no-guess', '-c', name, '--end-of-options', from]);
}

export async function switchTo(cwd: string, name: string): Promise<void> {
  // A tag or a file with the same name never wins: switch takes only a branch, and no option.
  await runGit(cwd, ['switch', '--no-guess', '--end-of-options', name]);
}

export async function createAnnotatedTag(cwd: string, name: string, message: string): Promise<void> {
  // --cleanup=verbatim: release notes are Markdown, whose `#` headings git would strip as comments.
  await runGit(cwd, ['tag', '-a', '--cleanup=verbatim', '-F', '-', name, 'HEAD'], { input: message });
}
