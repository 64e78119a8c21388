// The private worktree of a backport: added detached at the target, its result moved onto the
// target branch (update-branch), then removed. The user's working tree is never involved.
import { checkFailed, environmentError } from '../../core/errors.js';
import type { AddWorktreeStep, RemoveWorktreeStep, UpdateBranchStep } from '../../core/plan/plan.js';
import { quoteShellWord, shellCommand } from '../../core/display-text/shell-words.js';
import { readRefValue } from '../../git/read-refs.js';
import { deleteRef, moveRefIfAt, updateRef } from '../../git/write-refs.js';
import { addDetachedWorktree, removeWorktree } from '../../git/write-worktree.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applyAddWorktree(step: AddWorktreeStep, context: StepEnvironment): Promise<Undo> {
  await addDetachedWorktree(context.root, step.path, step.commit);
  return {
    label: `worktree ${step.path}`,
    manual: `git worktree remove --force ${quoteShellWord(step.path)}`,
    run: () => removeWorktree(context.root, step.path),
  };
}

export async function applyUpdateBranch(step: UpdateBranchStep, context: StepEnvironment): Promise<Undo> {
  const ref = `refs/heads/${step.branch}`;
  const result = await readRefValue(step.worktree, 'HEAD');
  if (result === null)
    throw environmentError(`The worktree ${step.worktree} has no commit.`, {
      code: 'internal-plan',
      fix: 'this is a bug in shipwright; please report it',
    });
  // Compare-and-swap: a commit made on the branch while the picks ran (or a pause waited) is never overwritten.
  if (result !== step.expect && !(await moveRefIfAt(context.root, ref, result, step.expect, 'shipwright: backport'))) {
    throw checkFailed(
      `${step.branch} ${step.expect === null ? 'appeared' : 'moved'} while the backport ran, so the picks were not put on it.`,
      {
        code: 'branch-moved',
        fix: `look at it (${shellCommand(['git', 'log', step.branch])}), then run the backport again`,
      },
    );
  }
  return {
    label: step.expect === null ? `branch ${step.branch} deleted` : `${step.branch} back at ${step.expect.slice(0, 7)}`,
    manual:
      step.expect === null
        ? shellCommand(['git', 'branch', '-D', step.branch])
        : shellCommand(['git', 'update-ref', ref, step.expect]),
    run: async () => {
      if ((await readRefValue(context.root, ref)) !== result) return;
      if (step.expect === null) await deleteRef(context.root, ref);
      else await updateRef(context.root, ref, step.expect);
    },
  };
}

export async function applyRemoveWorktree(step: RemoveWorktreeStep, context: StepEnvironment): Promise<Undo> {
  await removeWorktree(context.root, step.path);
  return { label: `worktree ${step.path} removed`, run: async () => undefined };
}
