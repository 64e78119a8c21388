// stage: `git add` of the listed paths; undo unstages exactly those paths.
import type { StageStep } from '../../core/plan/plan.js';
import { readRepoState } from '../../git/read-repo.js';
import { stagePaths, unstagePaths } from '../../git/write-index.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applyStage(step: StageStep, context: StepEnvironment): Promise<Undo> {
  const { head } = await readRepoState(context.root);
  await stagePaths(context.root, step.paths);
  return {
    label: `staging of ${step.paths.length} file${step.paths.length === 1 ? '' : 's'}`,
    run: () => unstagePaths(context.root, step.paths, head !== null),
  };
}
