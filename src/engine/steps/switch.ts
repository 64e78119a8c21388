// switch: `git switch BRANCH` (the tree is clean, so nothing is carried along).
import type { SwitchStep } from '../../core/plan/plan.js';
import { switchTo } from '../../git/write-refs.js';
import type { StepEnvironment, StepResult } from './step-handler.js';

export async function applySwitch(step: SwitchStep, context: StepEnvironment): Promise<StepResult> {
  await switchTo(context.root, step.branch);
  return {};
}
