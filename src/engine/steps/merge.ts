// merge: `git merge --no-ff` into the checked-out branch. Conflicts pause the run (StepPaused);
// any other refusal (a hook) fails the step. Undo moves the branch back with `reset --keep`.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { checkFailed, environmentError } from '../../core/errors.js';
import type { MergeStep } from '../../core/plan/plan.js';
import { readOperationHead, readUnmergedPaths } from '../../git/read-worktrees.js';
import { readRefValue } from '../../git/read-refs.js';
import { readRepoState } from '../../git/read-repo.js';
import { abortMerge, mergeNoFastForward, resetKeep } from '../../git/write-history.js';
import { updateRef } from '../../git/write-refs.js';
import { engineCommitEnv, type StepEnvironment, type Undo } from './step-handler.js';
import { StepPaused } from './step-paused.js';

/** Takes a merge back: the branch to `before`, its files too when it is checked out. */
export function undoMerge(root: string, into: string, before: string): Undo {
  return {
    label: `${into} back at ${before.slice(0, 7)}`,
    manual: `${shellCommand(['git', 'switch', into])} && git reset --keep ${before}`,
    run: async () => {
      if ((await readOperationHead(root, 'merge')) !== null) await abortMerge(root);
      const state = await readRepoState(root);
      if (state.branch === into) await resetKeep(root, before);
      else if ((await readRefValue(root, `refs/heads/${into}`)) !== before)
        await updateRef(root, `refs/heads/${into}`, before);
    },
  };
}

export async function applyMerge(step: MergeStep, context: StepEnvironment): Promise<Undo> {
  const state = await readRepoState(context.root);
  if (state.branch !== step.into || state.head === null) {
    throw environmentError(`The merge into ${step.into} found ${state.branch ?? 'a detached HEAD'} checked out.`, {
      code: 'internal-plan',
      fix: 'this is a bug in shipwright; please report it',
    });
  }
  const before = state.head;
  const outcome = await mergeNoFastForward(context.root, step.source, step.message, engineCommitEnv(step.release));
  if (outcome.ok) {
    if (outcome.output) context.onOutput?.(`${outcome.output}\n`);
    return undoMerge(context.root, step.into, before);
  }
  const conflicted =
    (await readOperationHead(context.root, 'merge')) !== null ? await readUnmergedPaths(context.root) : [];
  if (conflicted.length > 0) throw new StepPaused(conflicted, step.target ?? null, context.root);
  // Not a conflict (a hook refused the merge commit, or git could not start): nothing may stay half-merged.
  if ((await readOperationHead(context.root, 'merge')) !== null) await abortMerge(context.root);
  throw checkFailed(`git did not merge ${step.source} into ${step.into}:\n${outcome.output}`, {
    code: 'merge-refused',
    fix: 'fix what the output above names (a hook refusal explains itself), then run the command again',
  });
}
