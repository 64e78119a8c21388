// commit: `git commit -F -` with the hooks running; a refusal by a hook is a failed step whose
// output (the hook's explanation) is part of the error.
import { checkFailed } from '../../core/errors.js';
import type { CommitStep } from '../../core/plan/plan.js';
import { readRepoState } from '../../git/read-repo.js';
import { commitWithMessage, resetSoft } from '../../git/write-history.js';
import { engineCommitEnv, type StepEnvironment, type Undo } from './step-handler.js';

export async function applyCommit(step: CommitStep, context: StepEnvironment): Promise<Undo> {
  const before = await readRepoState(context.root);
  const outcome = await commitWithMessage(context.root, step.message, engineCommitEnv(step.release));
  if (outcome.output.trim()) context.onOutput?.(outcome.output);
  if (!outcome.ok) {
    throw checkFailed(`git did not make the commit:\n${outcome.output.trim()}`, {
      code: 'commit-refused',
      fix: 'fix what the output above names (a hook refusal explains itself), then commit again',
    });
  }
  return {
    label: 'the commit',
    ...(before.head ? { manual: `git reset --soft ${before.head}` } : {}),
    run: async () => {
      if (before.head) await resetSoft(context.root, before.head);
    },
  };
}
