// commit: `git commit -F -` with the hooks running; a refusal by a hook is a failed step whose
// output (the hook's explanation) is part of the error.
import { checkFailed } from '../../core/errors.js';
import type { CommitStep } from '../../core/plan/plan.js';
import { commitWithMessage } from '../../git/write-history.js';
import { engineCommitEnv, type StepEnvironment, type StepResult } from './step-handler.js';

export async function applyCommit(step: CommitStep, context: StepEnvironment): Promise<StepResult> {
  const outcome = await commitWithMessage(context.root, step.message, engineCommitEnv(step.release));
  if (outcome.output.trim()) context.onOutput?.(outcome.output);
  if (!outcome.ok) {
    throw checkFailed(`git did not make the commit:\n${outcome.output.trim()}`, {
      code: 'commit-refused',
      fix: 'fix what the output above names (a hook refusal explains itself), then commit again',
    });
  }
  return {};
}
