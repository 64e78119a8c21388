// A run paused on a conflict: conclude the step once the user has resolved it (`continue`), leave
// its target for later (`continue --skip`), or clear the half-done merge or pick before an `abort`.
import { rm } from 'node:fs/promises';
import { checkFailed } from '../core/errors.js';
import { flagWords, shellCommand } from '../core/display-text/shell-words.js';
import type { CherryPickStep, MergeStep, PlanStep } from '../core/plan/plan.js';
import { readOperationHead, readUnmergedPaths } from '../git/read-worktrees.js';
import { readParents } from '../git/read-ancestry.js';
import { hasStagedChanges } from '../git/read-index.js';
import { readHeadMessage } from '../git/read-log.js';
import { readRefValue } from '../git/read-refs.js';
import { readRepoState } from '../git/read-repo.js';
import {
  abortOperation,
  continueOperation,
  skipOperation,
  abortMerge,
  concludeMerge,
  resetKeep,
} from '../git/write-history.js';
import { updateRef } from '../git/write-refs.js';
import { removeWorktree } from '../git/write-worktree.js';
import { nextStep, recordRefs, type Journal, type JournalPause } from './journal.js';
import { engineCommitEnv } from './steps/step-handler.js';

/** How continue settled a paused step: what it became (the note its step-done event carries), or rerun it. */
export type Resolution = { outcome: string } | 'rerun';

async function assertResolved(step: PlanStep, dir: string): Promise<void> {
  const unmerged = await readUnmergedPaths(dir);
  if (unmerged.length === 0) return;
  throw checkFailed(`${step.description} still has conflicts in:\n${unmerged.map((file) => `  ${file}`).join('\n')}`, {
    code: 'conflict',
    fix: `edit those files in ${dir}, \`git add\` them (or \`git rm\` one that should stay deleted), then: shipwright continue   (or shipwright continue --skip, or shipwright abort)`,
  });
}

const refused = (output: string) =>
  checkFailed(`git did not commit the resolved change:\n${output}`, {
    code: 'merge-refused',
    fix: 'fix what the output above names, then: shipwright continue   (or shipwright abort)',
  });

type Operation = 'merge' | 'cherry-pick' | 'revert';
const operationOf = (step: MergeStep | CherryPickStep): Operation =>
  step.kind === 'merge' ? 'merge' : step.revert ? 'revert' : 'cherry-pick';

/**
 * HEAD in `dir` is the step's merge or pick: the merge of `step.source` (its second parent), or a
 * commit whose message names the picked one (`-x` line, or git's "This reverts commit …").
 */
async function stepOnHead(step: MergeStep | CherryPickStep, dir: string): Promise<boolean> {
  if (step.kind === 'merge') {
    const [head, source] = await Promise.all([readRefValue(dir, 'HEAD'), readRefValue(dir, `${step.source}^{commit}`)]);
    const parents = head ? await readParents(dir, head) : [];
    return parents.length > 1 && parents[1] === source;
  }
  const message = (await readHeadMessage(dir)) ?? '';
  return message.includes(
    step.revert ? `This reverts commit ${step.commit}` : `(cherry picked from commit ${step.commit}`,
  );
}

/** A merge or pick that moves a branch itself (a pick in a backport worktree moves a detached HEAD). */
const movesBranch = (step: PlanStep): step is MergeStep | CherryPickStep =>
  step.kind === 'merge' || (step.kind === 'cherry-pick' && !step.worktree);

/** The branch a paused merge or pick moves itself: null otherwise. */
export const pausedStepBranch = (step: PlanStep): string | null =>
  movesBranch(step) ? `refs/heads/${step.into}` : null;

/**
 * Whether the paused merge or pick was committed by hand in `dir`: no MERGE_HEAD / CHERRY_PICK_HEAD
 * / REVERT_HEAD is left and HEAD is that merge or pick. `continue` accepts it as the step's, and
 * `abort` counts it as the run's (its branch is put back like any step's).
 */
async function committedByHand(step: PlanStep, dir: string): Promise<boolean> {
  if (step.kind !== 'merge' && step.kind !== 'cherry-pick') return false;
  return (await readOperationHead(dir, operationOf(step))) === null && (await stepOnHead(step, dir));
}

/**
 * Before an abort: a paused merge or pick the user committed by hand is the run's, as `continue`
 * would count it, so its branch is put back like any step's instead of being left as moved outside
 * the run. Only when the branch is at that commit (HEAD in the pause's `directory`).
 */
export async function recordCommittedPause(journal: Journal, git: string, directory: string | null): Promise<boolean> {
  const pause = journal.paused;
  if (pause === undefined || directory === null) return false;
  const step = journal.plan.steps[pause.index] as PlanStep;
  const branch = pausedStepBranch(step);
  if (branch === null || !(await committedByHand(step, directory))) return false;
  const [value, head] = await Promise.all([readRefValue(git, branch), readRefValue(directory, 'HEAD')]);
  if (value === null || value !== head) return false;
  recordRefs(journal, { [branch]: value });
  return true;
}

/**
 * `continue` on a paused merge or pick: once its conflicts are resolved, the commit git stopped
 * before (a pick whose resolution left nothing to commit is dropped, and says so). One the user
 * committed by hand is accepted; one they abandoned (`git merge --abort`) runs again.
 */
export async function concludePaused(step: PlanStep, pause: JournalPause): Promise<Resolution> {
  if (step.kind !== 'merge' && step.kind !== 'cherry-pick') return 'rerun';
  const dir = pause.directory;
  const op = operationOf(step);
  const committed = { outcome: `conflicts resolved, ${op === 'cherry-pick' ? 'pick' : op} committed` };
  if ((await readOperationHead(dir, op)) === null) return (await stepOnHead(step, dir)) ? committed : 'rerun';
  await assertResolved(step, dir);
  if (op !== 'merge' && !(await hasStagedChanges(dir))) {
    await skipOperation(dir, op);
    return { outcome: `conflicts resolved to no change: nothing ${op === 'revert' ? 'reverted' : 'picked'}` };
  }
  const env = engineCommitEnv(step.release);
  const outcome = op === 'merge' ? await concludeMerge(dir, env) : await continueOperation(dir, op, env);
  if (!outcome.ok) throw refused(outcome.output);
  return committed;
}

/** Stops a half-done merge or pick in `dir`, if there is one. */
async function clearOperation(dir: string): Promise<void> {
  if ((await readOperationHead(dir, 'merge')) !== null) await abortMerge(dir);
  if ((await readOperationHead(dir, 'cherry-pick')) !== null) await abortOperation(dir, 'cherry-pick');
  if ((await readOperationHead(dir, 'revert')) !== null) await abortOperation(dir, 'revert');
}

/**
 * Leaves the paused step's target for later: the merge or pick is abandoned, the target branch is
 * put back where it was before the run (earlier picks onto it included), its later steps are passed
 * over and it is not pushed.
 */
export async function skipPausedTarget(root: string, journal: Journal, pause: JournalPause): Promise<void> {
  const target = pause.target;
  const step = journal.plan.steps[pause.index] as PlanStep;
  if (target === null) {
    throw checkFailed(
      `${step.description} is not one of several targets: the run cannot go on without it, so it cannot be skipped.`,
      {
        code: 'not-skippable',
        fix: 'resolve the conflicts and `git add` the files, then: shipwright continue   (or shipwright abort to undo the whole run)',
      },
    );
  }
  await clearOperation(pause.directory);
  const targetRef = `refs/heads/${target}`;
  const original = journal.refs[targetRef]?.before;
  if (original) {
    const state = await readRepoState(root);
    if (state.branch === target) await resetKeep(root, original);
    else if ((await readRefValue(root, targetRef)) !== original) await updateRef(root, targetRef, original);
    recordRefs(journal, { [targetRef]: original });
  }
  journal.skipped = [...(journal.skipped ?? []), { target, command: await laterCommand(root, journal, step, target) }];
  for (const planned of journal.plan.steps) {
    if (planned.kind !== 'push') continue;
    planned.refspecs = planned.refspecs.filter((refspec) => refspec.split(':')[0] !== targetRef);
    planned.description = `push ${planned.refspecs.map((refspec) => refspec.replace(/^.*:/, '').replace(/^refs\/(heads|tags)\//, '')).join(', ') || 'nothing'} to ${planned.remote}`;
  }
}

/**
 * What brings a skipped target up to date by hand: the merge of the commit the source was at (the
 * source branch may be deleted by the run), or a backport of every pick planned for the target.
 */
async function laterCommand(root: string, journal: Journal, step: PlanStep, target: string): Promise<string> {
  if (step.kind === 'merge') {
    const commit = (await readRefValue(root, `${step.source}^{commit}`)) ?? step.source;
    return `${shellCommand(['git', 'switch', target])} && git merge --no-ff ${commit.slice(0, 12)}`;
  }
  const picks = journal.plan.steps
    .filter((planned) => planned.kind === 'cherry-pick' && planned.target === target)
    .map((planned) => (planned.kind === 'cherry-pick' ? planned.commit.slice(0, 12) : ''));
  return `shipwright backport ${picks.join(' ')} ${flagWords('--to', target)}`;
}

/**
 * A merge or pick the run was making when it was killed (kill -9 inside `git merge`: MERGE_HEAD
 * left, no pause recorded): the step after the last one done. Cleared like a paused one, so the
 * branch can be switched back (abort) or the step run again (continue). The preflight saw a clean
 * tree with no operation in progress, so such an operation is the run's own.
 */
export async function clearInterruptedOperation(journal: Journal, root: string | null): Promise<boolean> {
  if (journal.paused !== undefined || root === null) return false;
  const step = journal.plan.steps[nextStep(journal)];
  if (step === undefined || !movesBranch(step)) return false;
  if ((await readOperationHead(root, operationOf(step))) === null) return false;
  await clearOperation(root);
  return true;
}

/**
 * Before an abort or a rollback: a merge or pick stopped half-way in `directory` (null: none, or
 * its worktree is gone) would block switching branches; the plan's `worktrees` go (git runs in `git`).
 */
export async function clearPausedWork(
  git: string,
  directory: string | null,
  worktrees: readonly string[],
): Promise<void> {
  if (directory !== null) await clearOperation(directory);
  for (const path of worktrees) {
    await removeWorktree(git, path);
    // A kill -9 inside `git worktree add` leaves a folder git may not list yet: the plan's own, under .git/shipwright.
    await rm(path, { recursive: true, force: true });
  }
}
