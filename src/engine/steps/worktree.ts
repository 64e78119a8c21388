// The private worktree of a backport: added detached at the target, its result moved onto the
// target branch (update-branch), then removed. The user's working tree is never involved.
import { checkFailed, environmentError } from '../../core/errors.js';
import type { AddWorktreeStep, RemoveWorktreeStep, UpdateBranchStep } from '../../core/plan/plan.js';
import { shellCommand } from '../../core/display-text/shell-words.js';
import { readRefValue } from '../../git/read-refs.js';
import { moveRefIfAt } from '../../git/write-refs.js';
import { addDetachedWorktree, removeWorktree } from '../../git/write-worktree.js';
import type { StepEnvironment, StepResult } from './step-handler.js';

export async function applyAddWorktree(step: AddWorktreeStep, context: StepEnvironment): Promise<StepResult> {
  await addDetachedWorktree(context.root, step.path, step.commit);
  return {};
}

export async function applyUpdateBranch(step: UpdateBranchStep, context: StepEnvironment): Promise<StepResult> {
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
  return {};
}

export async function applyRemoveWorktree(step: RemoveWorktreeStep, context: StepEnvironment): Promise<StepResult> {
  await removeWorktree(context.root, step.path);
  return {};
}
