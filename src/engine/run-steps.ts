// The step loop shared by a fresh run and `shipwright continue`: applies steps from `start`,
// records each in the journal, traps SIGINT/SIGTERM, and on failure rolls back from the journal
// (restore-journal.ts undoRun, as `abort` does) and reports.
import { ShipwrightError, checkFailed, environmentError, isShipwrightError } from '../core/errors.js';
import type { PlanStep } from '../core/plan/plan.js';
import { stepTarget } from '../core/plan/plan-touches.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { readRefValues } from '../git/read-refs.js';
import { applyStep } from './apply-step.js';
import { injectFault } from './fault-injection.js';
import { readPushState, recordLandedPush } from './push-landed.js';
import { recordRefs, refsOfStep, writeJournal, type Journal, type JournalPause } from './journal.js';
import { describeRestoreFailure, runningIn, undoRun } from './restore-journal.js';
import { isStepPaused } from './steps/step-paused.js';
import type { StepEnvironment } from './steps/step-handler.js';

export type EngineEvent =
  | { type: 'step-started'; index: number; step: PlanStep }
  | { type: 'step-done'; index: number; step: PlanStep; outcome?: string }
  | { type: 'step-skipped'; index: number; step: PlanStep; reason: string }
  | { type: 'step-failed'; index: number; step: PlanStep; error: string }
  | { type: 'paused'; index: number; step: PlanStep; files: string[]; target: string | null; directory: string }
  | { type: 'interrupted'; signal: string }
  | { type: 'rolled-back'; restored: string[]; failures: string[] };

interface RunStepsOptions {
  /** Where the journal is written: RepoState.commonDir. */
  commonDir: string;
  journal: Journal;
  start: number;
  context: StepEnvironment;
  emit: (event: EngineEvent) => void;
  /** A resumed step that had completed before a crash, though not recorded (e.g. the tag exists): why, or null. */
  alreadyDone?: (step: PlanStep) => Promise<string | null>;
  /** Stops the run as SIGINT does (the TUI's Ctrl-C, which raw mode delivers as a key, not a signal). */
  abort?: AbortSignal;
}

let runsTrappingSignals = 0;

/** True while a run turns SIGINT/SIGTERM into "stop and put back" (the TUI then must not die of them). */
export const runTrapsSignals = (): boolean => runsTrappingSignals > 0;

/** SIGINT/SIGTERM during a run: finish the step in progress, then roll back instead of dying half-way. */
function trapSignals(onSignal: (signal: string) => void): () => void {
  const handler = (signal: NodeJS.Signals) => onSignal(signal);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  runsTrappingSignals += 1;
  return () => {
    runsTrappingSignals -= 1;
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
}

const interruptedError = (signal: string) =>
  environmentError(`interrupted by ${signal}`, {
    code: 'interrupted',
    fix: 'nothing to fix: run the command again when you are ready',
  });

/** A step of a target left for later with `continue --skip` is passed over. */
function skippedTarget(journal: Journal, step: PlanStep): string | null {
  const target = stepTarget(step);
  return target !== undefined && journal.skipped?.some((entry) => entry.target === target)
    ? `${target} left for later`
    : null;
}

/** The run stops, keeping its journal, until the user has resolved the conflicts. */
function pausedError(step: PlanStep, pause: JournalPause, root: string): ShipwrightError {
  const files = pause.files.map((file) => `  ${file}`).join('\n');
  const elsewhere = pause.directory !== root;
  const where = elsewhere
    ? `in the private worktree ${pause.directory} (your own working tree is untouched)`
    : `in ${pause.directory}`;
  const resolve = elsewhere
    ? `cd ${quoteShellWord(pause.directory)}, resolve the conflicts and \`git add\` the files (\`git rm\` one that should stay deleted), then back in ${root}: shipwright continue`
    : 'resolve the conflicts and `git add` the files (`git rm` one that should stay deleted), then: shipwright continue';
  const skip = pause.target === null ? '' : `\n  or: shipwright continue --skip   (leave ${pause.target} for later)`;
  return checkFailed(
    `${step.description}: stopped on conflicts in\n${files}\n${where}. The steps before it are done and recorded; nothing has been pushed.`,
    {
      code: 'conflict',
      fix: `${resolve}${skip}\n  or: shipwright abort   (put every branch, tag and file back as before the run)`,
    },
  );
}

/** A failed or interrupted run (a fresh one, or one `continue` resumed) is undone from its journal, as `abort` would. */
async function rollBack(root: string, journal: Journal): Promise<{ restored: string[]; failures: string[] }> {
  const report = await undoRun(runningIn(root), journal).catch((error: Error) => ({
    restored: [],
    failures: [{ what: 'refs', error: error.message, manual: 'git reflog' }],
  }));
  return { restored: report.restored, failures: report.failures.map(describeRestoreFailure) };
}

export async function runSteps(options: RunStepsOptions): Promise<void> {
  const { journal, emit } = options;
  // A step that would destroy what a ref holds compares it with where the run last left it.
  const context: StepEnvironment = { ...options.context, runValue: (ref) => journal.refs[ref]?.last };
  const steps = journal.plan.steps;
  let interrupted: string | null = null;
  const interrupt = (signal: string) => {
    interrupted ??= signal;
    emit({ type: 'interrupted', signal });
  };
  const untrap = trapSignals(interrupt);
  const onAbort = () => interrupt('Ctrl-C');
  if (options.abort?.aborted) onAbort();
  else options.abort?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let index = options.start; index < steps.length; index++) {
      const step = steps[index] as PlanStep;
      emit({ type: 'step-started', index, step });
      try {
        if (interrupted) throw interruptedError(interrupted);
        const leftForLater = skippedTarget(journal, step);
        const completed = leftForLater === null && options.alreadyDone ? await options.alreadyDone(step) : null;
        const skipped = leftForLater ?? completed;
        let outcome: string | undefined;
        if (skipped) emit({ type: 'step-skipped', index, step, reason: skipped });
        else {
          if (step.kind === 'push' && journal.pushStarted !== true) {
            // Before the push may reach the remote: from here on, a failure asks the remote first.
            journal.pushStarted = true;
            await writeJournal(options.commonDir, journal);
          }
          outcome = (await applyStep(step, context)).outcome;
        }
        // Where the step left the refs it can move (one recognised as done just before a crash
        // included): the run's. Re-read only after a step that can move refs.
        const moved = leftForLater === null ? refsOfStep(journal, index) : [];
        if (moved.length > 0) recordRefs(journal, await readRefValues(context.root, moved));
        journal.done.push(index);
        await writeJournal(options.commonDir, journal);
        if (!skipped) emit({ type: 'step-done', index, step, ...(outcome ? { outcome } : {}) });
        await injectFault(context.env, index);
        if (interrupted && index < steps.length - 1) throw interruptedError(interrupted);
      } catch (error) {
        if (isStepPaused(error)) {
          journal.paused = { index, files: error.files, target: error.target, directory: error.directory };
          await writeJournal(options.commonDir, journal);
          emit({ type: 'paused', index, step, files: error.files, target: error.target, directory: error.directory });
          throw pausedError(step, journal.paused, context.root);
        }
        const message = (error as Error).message;
        if (journal.pushStarted === true) {
          const settled = await settleStartedPush(options, step, index, message, interrupted);
          if (settled === 'done') {
            if (index === steps.length - 1) return;
            continue;
          }
        }
        emit({ type: 'step-failed', index, step, error: message });
        const { restored, failures } = await rollBack(context.root, journal);
        emit({ type: 'rolled-back', restored, failures });
        if (failures.length > 0) {
          // Kept for `shipwright abort`, which restores from it again (what is already right is left alone).
          journal.restoreIncomplete = true;
          await writeJournal(options.commonDir, journal).catch(() => undefined);
        }
        const restoredLine =
          restored.length > 0 ? `\nRestored: ${restored.join(', ')}.` : '\nNothing had been changed yet.';
        const failureLine =
          failures.length > 0
            ? `\nCould not restore (fix by hand, then run shipwright abort to check the rest): ${failures.join('; ')}`
            : '';
        // A refusal (a check command or a hook said no) stays a check failure (exit 1); the rest is environment (3).
        const kind = isShipwrightError(error) && error.kind === 'check' ? 'check' : 'environment';
        throw new ShipwrightError(
          kind,
          `Step ${index + 1} (${step.description}) failed: ${message}${restoredLine}${failureLine}`,
          {
            code: isShipwrightError(error) ? error.code : 'step-failed',
            fix:
              isShipwrightError(error) && error.fix
                ? error.fix
                : 'fix the cause above (permissions, disk space) and run the command again',
            cause: error,
          },
        );
      }
    }
  } finally {
    untrap();
    options.abort?.removeEventListener('abort', onAbort);
  }
}

/**
 * A step failed after the push started (a rejection, Ctrl-C of the process group killing git
 * push, a dropped connection): the remote is asked what it has. Landed: the step is done (the
 * remote-tracking refs updated) and the run goes on. Not there, and no earlier push done: nothing
 * is published, so the caller rolls back. Otherwise nothing is rolled back and the journal stays.
 */
async function settleStartedPush(
  options: RunStepsOptions,
  step: PlanStep,
  index: number,
  message: string,
  interrupted: string | null,
): Promise<'done' | 'rollback'> {
  const { journal, emit, context } = options;
  const recorded = journal.done.includes(index);
  const state = recorded ? 'landed' : step.kind === 'push' ? await readPushState(context.root, step) : 'absent';
  if (step.kind === 'push' && state === 'landed' && !recorded) {
    await recordLandedPush(context.root, step);
    journal.done.push(index);
    await writeJournal(options.commonDir, journal);
    emit({ type: 'step-done', index, step, outcome: `${step.remote} has it: the push landed` });
    if (interrupted === null || index === journal.plan.steps.length - 1) return 'done';
  }
  const pushedBefore = journal.done.some((done) => done !== index && journal.plan.steps[done]?.kind === 'push');
  if (state === 'absent' && !pushedBefore) {
    journal.pushStarted = false;
    return 'rollback';
  }
  emit({ type: 'step-failed', index, step, error: message });
  const why =
    state === 'unknown'
      ? `${step.kind === 'push' ? step.remote : 'the remote'} did not answer, so whether the push reached it is unknown`
      : 'part of the run is already on the remote';
  throw environmentError(
    `Step ${index + 1} (${step.description}) failed: ${message}\n${why}; nothing was rolled back (the journal is kept).`,
    {
      code: 'push-unsettled',
      fix: 'when the remote is reachable: shipwright continue   (recognises what the remote has and pushes the rest)',
    },
  );
}
