// Dispatches one plan step to its implementation in ./steps.
import type { PlanStep } from '../core/plan/plan.js';
import { applyCherryPick } from './steps/cherry-pick.js';
import { applyCommit } from './steps/commit.js';
import { applyCreateBranch } from './steps/create-branch.js';
import { applyDeleteBranch } from './steps/delete-branch.js';
import { applyInstallHusky } from './steps/install-husky.js';
import { applyMerge } from './steps/merge.js';
import { applyPush } from './steps/push.js';
import { applyRunCommand } from './steps/run-command.js';
import { applyStage } from './steps/stage.js';
import type { StepEnvironment, StepResult } from './steps/step-handler.js';
import { applySwitch } from './steps/switch.js';
import { applyTag } from './steps/tag.js';
import { applyUnstage } from './steps/unstage.js';
import { applyAddWorktree, applyRemoveWorktree, applyUpdateBranch } from './steps/worktree.js';
import { applyWriteFile } from './steps/write-file.js';

export function applyStep(step: PlanStep, context: StepEnvironment): Promise<StepResult> {
  switch (step.kind) {
    case 'write-file':
      return applyWriteFile(step, context);
    case 'run-command':
      return applyRunCommand(step, context);
    case 'install-husky':
      return applyInstallHusky(step, context);
    case 'create-branch':
      return applyCreateBranch(step, context);
    case 'switch':
      return applySwitch(step, context);
    case 'commit':
      return applyCommit(step, context);
    case 'merge':
      return applyMerge(step, context);
    case 'cherry-pick':
      return applyCherryPick(step, context);
    case 'add-worktree':
      return applyAddWorktree(step, context);
    case 'update-branch':
      return applyUpdateBranch(step, context);
    case 'remove-worktree':
      return applyRemoveWorktree(step, context);
    case 'delete-branch':
      return applyDeleteBranch(step, context);
    case 'stage':
      return applyStage(step, context);
    case 'unstage':
      return applyUnstage(step, context);
    case 'tag':
      return applyTag(step, context);
    case 'push':
      return applyPush(step, context);
  }
}
