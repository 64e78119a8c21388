// The private worktree of a backport: added detached at the target, its result moved onto the
// target branch (update-branch), then removed. The user's working tree is never involved.
import { environmentError } from '../../core/errors.js';
import type { AddWorktreeStep, RemoveWorktreeStep, UpdateBranchStep } from '../../core/plan/plan.js';
import { readRefValue } from '../../git/read-ref.js';
import { deleteRef, updateRef } from '../../git/write-ref.js';
import { addDetachedWorktree, removeWorktree } from '../../git/write-worktree.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applyAddWorktree(step: AddWorktreeStep, context: StepEnvironment): Promise<Undo> {
  await addDetachedWorktree(context.root, step.path, step.commit);
  return { label: `worktree ${step.path}`, manual: `git worktree remove --force ${step.path}`, run: () => removeWorktree(context.root, step.path) };
}

export async function applyUpdateBranch(step: UpdateBranchStep, context: StepEnvironment): Promise<Undo> {
  const ref = `refs/heads/${step.branch}`;
  const [before, result] = await Promise.all([readRefValue(context.root, ref), readRefValue(step.worktree, 'HEAD')]);
  if (result === null) throw environmentError(`The worktree ${step.worktree} has no commit.`, { code: 'internal-plan', fix: 'this is a bug in shipwright; please report it' });
  if (before !== result) await updateRef(context.root, ref, result);
  return {
    label: before === null ? `branch ${step.branch} deleted` : `${step.branch} back at ${before.slice(0, 7)}`,
    manual: before === null ? `git branch -D ${step.branch}` : `git update-ref ${ref} ${before}`,
    run: async () => {
      if (before === null) await deleteRef(context.root, ref);
      else await updateRef(context.root, ref, before);
    },
  };
}

export async function applyRemoveWorktree(step: RemoveWorktreeStep, context: StepEnvironment): Promise<Undo> {
  await removeWorktree(context.root, step.path);
  return { label: `worktree ${step.path} removed`, run: async () => undefined };
}
