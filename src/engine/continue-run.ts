// `shipwright continue`: finishes an interrupted or paused run from its journal — the steps after
// the last recorded one; a step that completed just before a crash is recognised and not repeated;
// a merge paused on conflicts is concluded once they are resolved (or its target skipped).
import { existsSync } from 'node:fs';
import { ShipwrightError } from '../core/errors.js';
import type { PlanStep } from '../core/plan/plan.js';
import { readHeadMessage } from '../git/read-log.js';
import { hasStagedChanges } from '../git/read-index.js';
import { readRefValue, readRefValues } from '../git/read-refs.js';
import { readRepoState } from '../git/read-repo.js';
import { stepEnvironment, type ExecuteOptions } from './execute-plan.js';
import {
  journalStillNeeded,
  nextStep,
  recordRefs,
  recordUserValues,
  removeJournal,
  writeJournal,
  type Journal,
  type SkippedTarget,
} from './journal.js';
import {
  clearInterruptedOperation,
  concludePaused,
  pausedStepBranch,
  skipPausedTarget,
  type Resolution,
} from './resume-paused.js';
import { readPushState, recordLandedPush } from './push-landed.js';
import { continueRoot, updateRunPlace, withPendingRun, type PendingRun } from './run-worktree.js';
import { runSteps, type EngineEvent } from './run-steps.js';

async function alreadyDone(root: string, journal: Journal, step: PlanStep): Promise<string | null> {
  switch (step.kind) {
    case 'commit': {
      const message = await readHeadMessage(root);
      return message === step.message.trim() && !(await hasStagedChanges(root)) ? 'the commit was already made' : null;
    }
    case 'tag': {
      const [tagged, head] = await Promise.all([
        readRefValue(root, `refs/tags/${step.name}^{commit}`),
        readRefValue(root, 'HEAD'),
      ]);
      return tagged !== null && tagged === head ? `tag ${step.name} already on HEAD` : null;
    }
    case 'create-branch':
      return (await readRepoState(root)).branch === step.name ? `already on ${step.name}` : null;
    case 'switch':
      return (await readRepoState(root)).branch === step.branch ? `already on ${step.branch}` : null;
    case 'delete-branch':
      return (await readRefValue(root, `refs/heads/${step.name}`)) === null ? `${step.name} already deleted` : null;
    case 'push':
      // Only a push the journal says started can have landed; then the tracking refs follow.
      if (journal.pushStarted !== true || (await readPushState(root, step)) !== 'landed') return null;
      await recordLandedPush(root, step);
      return `${step.remote} already has it`;
    case 'add-worktree':
      return existsSync(step.path) ? 'the worktree is already there' : null;
    case 'remove-worktree':
      return existsSync(step.path) ? null : 'the worktree is already gone';
    default:
      return null;
  }
}

interface ContinueOptions extends ExecuteOptions {
  /** Leave the paused step's target for later instead of concluding it. */
  skip?: boolean;
}

interface ContinueOutcome {
  /** null when there was no journal. */
  journal: Journal | null;
  /** Targets left for later (with --skip, in this or an earlier continue). */
  skipped: SkippedTarget[];
}

/** `continue --skip` with no conflict waiting: say what the journal is waiting for instead. */
function nothingToSkip(journal: Journal): ShipwrightError {
  const incomplete = journal.restoreIncomplete === true;
  return new ShipwrightError(
    'usage',
    incomplete
      ? `\`${journal.command}\` failed and could not put everything back; it is not paused on a conflict, so there is nothing to skip.`
      : `The last run (\`${journal.command}\`) was interrupted, not paused on a conflict: there is nothing to skip.`,
    {
      code: 'nothing-to-skip',
      fix: incomplete
        ? 'shipwright abort   (finish putting the repository back as it was before that run)'
        : 'shipwright continue   (finish it)   or   shipwright abort   (undo it)',
    },
  );
}

/**
 * Settles a paused step and returns the index to resume from. A step concluded here is reported
 * done (with what became of it: "pick committed", …); only a target left for later with --skip is
 * reported skipped — the TUI and --json show the two differently.
 */
async function settlePause(
  root: string,
  journal: Journal,
  commonDir: string,
  skip: boolean,
  emit: (event: EngineEvent) => void,
): Promise<number> {
  const pause = journal.paused;
  if (!pause) {
    // Refused before anything is written: a crashed run has no target to leave for later, and
    // going on without skipping anything is not what was asked.
    if (skip) throw nothingToSkip(journal);
    // A merge or pick killed half-way is made again from the start.
    await clearInterruptedOperation(journal, root);
    return nextStep(journal);
  }
  const step = journal.plan.steps[pause.index] as PlanStep;
  let resolution: Resolution | 'skipped';
  if (skip) {
    await skipPausedTarget(root, journal, pause);
    resolution = 'skipped';
  } else {
    resolution = await concludePaused(step, pause);
    // The merge or pick concluded now (or committed by hand, and accepted) is the run's: undoing
    // the run later puts its branch back, as for any step's.
    const into = pausedStepBranch(step);
    if (resolution !== 'rerun' && into !== null) recordRefs(journal, { [into]: await readRefValue(root, into) });
  }
  delete journal.paused;
  if (resolution !== 'rerun') journal.done.push(pause.index);
  await writeJournal(commonDir, journal);
  if (resolution === 'rerun') return pause.index;
  if (resolution === 'skipped')
    emit({ type: 'step-skipped', index: pause.index, step, reason: `${pause.target} left for later` });
  else emit({ type: 'step-done', index: pause.index, step, outcome: resolution.outcome });
  return pause.index + 1;
}

export async function continueRun(cwd: string, options: ContinueOptions = {}): Promise<ContinueOutcome> {
  const journal = await withPendingRun(cwd, 'shipwright continue', async (run) => {
    await finishRun(run, options);
    return run.journal;
  });
  return { journal, skipped: journal?.skipped ?? [] };
}

/**
 * Runs what is left of the journal's run (the caller holds the engine lock): `continue`, and
 * `abort` of a run the remote already has. The journal is removed unless the run still waits
 * (a conflict, a restore that could not finish, a push whose outcome is unknown).
 */
export async function finishRun({ state, journal, place }: PendingRun, options: ContinueOptions = {}): Promise<void> {
  const emit = options.onEvent ?? (() => undefined);
  // Kept while the run still waits on a conflict (unresolved now, or a later step conflicted).
  let keepJournal = true;
  let finished = false;
  try {
    journal.pid = process.pid;
    const root = continueRoot(journal, place, state);
    updateRunPlace(journal, place);
    // A ref the user moved while the run waited is theirs, not the run's (JournalRef.user).
    recordUserValues(journal, await readRefValues(root, Object.keys(journal.refs)));
    const start = await settlePause(root, journal, state.commonDir, options.skip === true, emit);
    keepJournal = false;
    await runSteps({
      commonDir: state.commonDir,
      journal,
      start,
      context: stepEnvironment(root, options),
      emit,
      alreadyDone: (step) => alreadyDone(root, journal, step),
      ...(options.abort ? { abort: options.abort } : {}),
    });
    finished = true;
  } finally {
    // Otherwise the run finished, or failed and was rolled back from the journal: it is no longer needed.
    if (!keepJournal && !journalStillNeeded(journal, finished)) await removeJournal(state.commonDir, journal);
  }
}
