// stage: `git add` of the listed paths, and of the files inside the repository that a symlinked one
// leads to (write-file wrote there).
import type { StageStep } from '../../core/plan/plan.js';
import { stagePaths } from '../../git/write-index.js';
import type { StepEnvironment, StepResult } from './step-handler.js';
import { repoPath } from './write-file.js';

export async function applyStage(step: StageStep, context: StepEnvironment): Promise<StepResult> {
  const targets = await Promise.all(step.paths.map(async (path) => (await repoPath(context.root, path)).path));
  await stagePaths(context.root, [...new Set([...step.paths, ...targets])]);
  return {};
}
