// switch: `git switch BRANCH`; undo switches back to the branch (or detached commit) it left.
import { shellCommand } from '../../core/display-text/shell-words.js';
import type { SwitchStep } from '../../core/plan/plan.js';
import { readRepoState } from '../../git/read-repo.js';
import { detachAt, switchTo } from '../../git/write-refs.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applySwitch(step: SwitchStep, context: StepEnvironment): Promise<Undo> {
  const before = await readRepoState(context.root);
  await switchTo(context.root, step.branch);
  return {
    label: `back on ${before.branch ?? 'the detached HEAD'}`,
    manual: before.branch ? shellCommand(['git', 'switch', before.branch]) : `git switch --detach ${before.head}`,
    run: async () => {
      if (before.branch) await switchTo(context.root, before.branch);
      else if (before.head) await detachAt(context.root, before.head);
    },
  };
}
