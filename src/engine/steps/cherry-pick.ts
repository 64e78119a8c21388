// cherry-pick: one commit with -x (or its revert) onto the checked-out branch or into a private
// worktree. Conflicts pause the run (StepPaused); an empty pick (the change is already there) is
// dropped and reported.
import { checkFailed, environmentError } from '../../core/errors.js';
import type { CherryPickStep } from '../../core/plan/plan.js';
import { hasStagedChanges } from '../../git/read-index.js';
import { readOperationHead, readUnmergedPaths } from '../../git/read-worktrees.js';
import { readRefValue } from '../../git/read-refs.js';
import { readRepoState } from '../../git/read-repo.js';
import { abortOperation, applyCommitChange, skipOperation } from '../../git/write-history.js';
import { undoMerge } from './merge.js';
import { engineCommitEnv, type StepEnvironment, type Undo } from './step-handler.js';
import { StepPaused } from './step-paused.js';

export async function applyCherryPick(step: CherryPickStep, context: StepEnvironment): Promise<Undo> {
  const dir = step.worktree ?? context.root;
  if (!step.worktree) {
    const state = await readRepoState(context.root);
    if (state.branch !== step.into) {
      throw environmentError(`The pick onto ${step.into} found ${state.branch ?? 'a detached HEAD'} checked out.`, {
        code: 'internal-plan',
        fix: 'this is a bug in shipwright; please report it',
      });
    }
  }
  const before = await readRefValue(dir, 'HEAD');
  if (before === null)
    throw environmentError(`No commit checked out in ${dir}.`, {
      code: 'internal-plan',
      fix: 'this is a bug in shipwright; please report it',
    });
  const undo: Undo = step.worktree
    ? // The worktree is removed by the plan (or the rollback); its detached HEAD needs no undo.
      { label: `pick of ${step.commit.slice(0, 7)}`, run: async () => undefined }
    : undoMerge(context.root, step.into, before);

  const op = step.revert ? 'revert' : 'cherry-pick';
  const outcome = await applyCommitChange(dir, op, step.commit, {
    ...(step.mainline ? { mainline: step.mainline } : {}),
    ...(step.release ? { env: engineCommitEnv(true) ?? {} } : {}),
  });
  if (outcome.ok) return undo;
  if ((await readOperationHead(dir, op)) !== null) {
    const conflicted = await readUnmergedPaths(dir);
    if (conflicted.length > 0) throw new StepPaused(conflicted, step.target ?? null, dir);
    if (!(await hasStagedChanges(dir))) {
      await skipOperation(dir, op);
      return {
        ...undo,
        outcome: step.revert
          ? `already undone on ${step.into}: nothing to revert`
          : `already on ${step.into}: nothing to pick`,
      };
    }
    await abortOperation(dir, op);
  }
  throw checkFailed(
    `git did not ${step.revert ? 'revert' : 'pick'} ${step.commit.slice(0, 7)} on ${step.into}:\n${outcome.output}`,
    {
      code: 'pick-refused',
      fix: 'fix what the output above names (a hook refusal explains itself), then run the command again',
    },
  );
}
