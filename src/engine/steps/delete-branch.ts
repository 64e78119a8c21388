// delete-branch: `git branch -D` of a branch the plan merged; undo recreates it at the same commit.
import { environmentError } from '../../core/errors.js';
import type { DeleteBranchStep } from '../../core/plan/plan.js';
import { readRefValue } from '../../git/read-ref.js';
import { deleteBranch } from '../../git/write-branch.js';
import { updateRef } from '../../git/write-ref.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applyDeleteBranch(step: DeleteBranchStep, context: StepEnvironment): Promise<Undo> {
  const ref = `refs/heads/${step.name}`;
  const at = await readRefValue(context.root, ref);
  if (at === null) throw environmentError(`The branch ${step.name} does not exist, so it cannot be deleted.`, { code: 'branch-missing', fix: 'someone deleted it meanwhile: run the command again' });
  await deleteBranch(context.root, step.name);
  return {
    label: `branch ${step.name}`,
    manual: `git branch ${step.name} ${at}`,
    run: async () => {
      if ((await readRefValue(context.root, ref)) === null) await updateRef(context.root, ref, at);
    },
  };
}
