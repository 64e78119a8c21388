// unstage: the listed paths' index entries back to HEAD's (`git reset -- paths`), or out of the
// index before the first commit; the working tree keeps every change.
import type { UnstageStep } from '../../core/plan/plan.js';
import { readRepoState } from '../../git/read-repo.js';
import { unstagePaths } from '../../git/write-index.js';
import type { StepEnvironment, StepResult } from './step-handler.js';

export async function applyUnstage(step: UnstageStep, context: StepEnvironment): Promise<StepResult> {
  const { head } = await readRepoState(context.root);
  await unstagePaths(context.root, step.paths, head !== null);
  return {};
}
