// create-branch: `git switch -c`; undo returns to where HEAD was and deletes the new branch.
import type { CreateBranchStep } from '../../core/plan/plan.js';
import { readRepoState } from '../../git/read-repo.js';
import { createAndSwitch, deleteBranch, detachAt, switchTo } from '../../git/write-refs.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applyCreateBranch(step: CreateBranchStep, context: StepEnvironment): Promise<Undo> {
  const before = await readRepoState(context.root);
  await createAndSwitch(context.root, step.name, step.from);
  return {
    label: `branch ${step.name}`,
    run: async () => {
      if (before.branch) await switchTo(context.root, before.branch);
      else if (before.head) await detachAt(context.root, before.head);
      await deleteBranch(context.root, step.name);
    },
  };
}
