// create-branch: `git switch -c NAME FROM`.
import type { CreateBranchStep } from '../../core/plan/plan.js';
import { createAndSwitch } from '../../git/write-refs.js';
import type { StepEnvironment, StepResult } from './step-handler.js';

export async function applyCreateBranch(step: CreateBranchStep, context: StepEnvironment): Promise<StepResult> {
  await createAndSwitch(context.root, step.name, step.from);
  return {};
}
