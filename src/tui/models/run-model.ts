// An engine run as a reducer, shared by the hotfix wizard and the backport screen: the plan's steps
// as the engine reports them, a pause on a conflict with its three ways on (continue after
// resolving, skip that branch, abort everything), and how it ended. Each attempt (the run, a
// continue, a skip, an abort) is one service call that the screen makes when `attempt.id` changes.
import type { PendingRun } from '../../app/read-pending-run.js';
import type { Plan } from '../../core/plan/plan.js';
import type { EngineEvent } from '../../app/screen-services.js';
import type { AbortResult, EngineRunResult, ErrorReport, SkippedTarget } from '../../app/hotfix-backport-services.js';
import { matchKey, type Keymap } from '../keymap.js';
import type { KeyEvent } from '../use-key-input.js';
import { stepsAfter, type StepLine } from './step-list.js';

export type { StepStatus } from './step-list.js';
type RunStep = StepLine;

type RunPhase = 'running' | 'paused' | 'continuing' | 'skipping' | 'aborting' | 'done' | 'failed' | 'aborted';

/** `resumed`: a run paused or interrupted earlier, shown again; nothing is called until a choice. */
type AttemptKind = 'run' | 'continue' | 'skip' | 'abort' | 'resumed';

export interface Pause {
  /** The conflicted step, e.g. `pick a1b2c3d "fix: …" onto dev`. */
  step: string;
  files: string[];
  /** The branch the conflicted change was going to. */
  target: string | null;
  /** Where to resolve: the repository, or the private worktree of a backport. */
  directory: string;
}

export interface RunState {
  phase: RunPhase;
  steps: RunStep[];
  pause: Pause | null;
  /** Why the last attempt did not go on: a failure, or (while paused) the engine's refusal to continue. */
  error: ErrorReport | null;
  /** What the engine put back after a failure. */
  rollback: { restored: string[]; failures: string[] } | null;
  /** Targets left for later with `skip`, and how to bring the change there later. */
  skipped: SkippedTarget[];
  /** What `abort` put back (and what it could not). */
  /** `finished`: the remote already had the run, so abort finished it instead (steps stay done). */
  undone: { restored: string[]; failures: string[]; notes: string[]; finished?: string } | null;
  attempt: { id: number; kind: AttemptKind; paused: boolean; rolledBack: boolean };
  /** Ctrl-C asked the engine to stop: the step in progress finishes, then what was done is put back. */
  stopping: boolean;
  /** git's and the hooks' output of the last attempt. */
  output: string;
  /** `a` was pressed: abort waits for y (it throws away the resolution work in the conflicted files). */
  confirmAbort?: boolean;
}

export type ConflictChoice = 'continue' | 'skip' | 'abort';

export type RunEvent =
  | { type: 'engine'; event: EngineEvent }
  | { type: 'finished'; result: EngineRunResult }
  | { type: 'aborted'; result: AbortResult }
  | { type: 'choose'; choice: ConflictChoice }
  | { type: 'stop' };

type RunAction = ConflictChoice | 'leave' | 'stop' | 'confirm' | 'cancel';
const CONFLICT_KEYS: Keymap<RunAction> = [
  { keys: ['c'], action: 'continue', description: 'continue (resolved)' },
  { keys: ['s'], action: 'skip', description: 'skip this branch' },
  { keys: ['a'], action: 'abort', description: 'abort all' },
  { keys: ['q', 'escape'], action: 'leave', description: 'leave it paused' },
];
/** Abort asks first: it puts every branch back and the resolution work in the files is lost. */
const CONFIRM_ABORT_KEYS: Keymap<RunAction> = [
  { keys: ['y'], action: 'confirm', description: 'abort: put everything back' },
  { keys: ['n', 'escape', 'q'], action: 'cancel', description: 'keep it paused' },
];
// Ctrl-C while the engine works stops it (the App leaves the program on Ctrl-C otherwise).
const RUNNING_KEYS: Keymap<RunAction> = [
  { keys: ['ctrl+c'], action: 'stop', description: 'stop and put everything back' },
];

export const startRun = (plan: Plan): RunState => ({
  phase: 'running',
  steps: plan.steps.map((step) => ({ description: step.description, status: 'pending' })),
  pause: null,
  error: null,
  rollback: null,
  skipped: [],
  undone: null,
  attempt: { id: 1, kind: 'run', paused: false, rolledBack: false },
  stopping: false,
  output: '',
});

/** A run found waiting (home, a later start of the TUI): its steps as far as they went, and its pause. */
export function resumeRun(pending: PendingRun): RunState {
  const stoppedAt = pending.steps[pending.at]?.description ?? '';
  return {
    phase: 'paused',
    steps: pending.steps.map((step, index) => ({
      description: step.description,
      status: step.done ? 'done' : index === pending.at && pending.pause ? 'paused' : 'pending',
    })),
    pause: pending.pause ? { step: stoppedAt, ...pending.pause } : null,
    error: null,
    rollback: null,
    skipped: [],
    undone: null,
    attempt: { id: 0, kind: 'resumed', paused: true, rolledBack: false },
    stopping: false,
    output: '',
  };
}

export const isRunOver = (run: RunState): boolean =>
  run.phase === 'done' || run.phase === 'failed' || run.phase === 'aborted';
export const isRunBusy = (run: RunState): boolean => !isRunOver(run) && run.phase !== 'paused';

/** After everything was put back: the steps that had run read as undone, not done. */
const undoneSteps = (steps: readonly RunStep[]): RunStep[] =>
  steps.map((step) =>
    step.status === 'done' || step.status === 'paused' ? { description: step.description, status: 'undone' } : step,
  );

function onEngine(run: RunState, event: EngineEvent): RunState {
  const steps = stepsAfter(run.steps, event);
  switch (event.type) {
    case 'paused':
      return {
        ...run,
        steps,
        pause: { step: event.step.description, files: event.files, target: event.target, directory: event.directory },
        attempt: { ...run.attempt, paused: true },
      };
    case 'rolled-back':
      return {
        ...run,
        steps: event.failures.length === 0 ? undoneSteps(steps) : steps,
        rollback: { restored: event.restored, failures: event.failures },
        attempt: { ...run.attempt, rolledBack: true },
      };
    case 'interrupted':
      return run;
    default:
      return { ...run, steps };
  }
}

/**
 * How an attempt that did not succeed leaves the run: rolled back → failed; a (new) conflict →
 * paused; a continue that was refused before anything ran (still unresolved, a hook said no) →
 * still paused, with the engine's message; a first run refused before its first step → failed.
 */
function onFailure(run: RunState, error: ErrorReport, output: string): RunState {
  if (run.attempt.rolledBack) return { ...run, phase: 'failed', pause: null, error, output };
  if (run.attempt.paused) return { ...run, phase: 'paused', error: null, output };
  if (run.attempt.kind === 'run') return { ...run, phase: 'failed', error, output };
  return { ...run, phase: 'paused', error, output };
}

function choose(run: RunState, choice: ConflictChoice): RunState {
  if (run.phase !== 'paused') return run;
  // A step that is not one of several targets (production's merge) cannot be left for later.
  if (choice === 'skip' && !run.pause?.target) return run;
  const phase: Record<ConflictChoice, RunPhase> = { continue: 'continuing', skip: 'skipping', abort: 'aborting' };
  return {
    ...run,
    phase: phase[choice],
    error: null,
    stopping: false,
    attempt: { id: run.attempt.id + 1, kind: choice, paused: false, rolledBack: false },
  };
}

export function runReducer(run: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'engine':
      return onEngine(run, event.event);
    case 'finished':
      if (event.result.ok)
        return {
          ...run,
          phase: 'done',
          pause: null,
          error: null,
          skipped: event.result.skipped,
          output: event.result.output,
        };
      return onFailure(run, event.result.error, event.result.output);
    case 'aborted':
      if (!event.result.ok) return { ...run, phase: 'paused', error: event.result.error };
      // What the run did is put back: its steps no longer read as done.
      return {
        ...run,
        phase: 'aborted',
        pause: null,
        error: null,
        steps:
          event.result.failures.length === 0 && event.result.finished === undefined
            ? undoneSteps(run.steps)
            : run.steps,
        undone: {
          restored: event.result.restored,
          failures: event.result.failures,
          notes: event.result.notes,
          ...(event.result.finished === undefined ? {} : { finished: event.result.finished }),
        },
      };
    case 'choose':
      return choose(run, event.choice);
    case 'stop':
      return stoppable(run) ? { ...run, stopping: true } : run;
  }
}

/** The engine is running steps (not settling an abort), so Ctrl-C can stop it. */
const stoppable = (run: RunState): boolean =>
  (run.phase === 'running' || run.phase === 'continuing' || run.phase === 'skipping') && !run.stopping;

/** The run's own keys: the three choices (and leave) while paused, Ctrl-C while the engine works. */
export function runKeymap(run: RunState): Keymap<RunAction> {
  if (run.phase === 'paused' && run.confirmAbort) return CONFIRM_ABORT_KEYS;
  if (run.phase === 'paused')
    return run.pause?.target ? CONFLICT_KEYS : CONFLICT_KEYS.filter((binding) => binding.action !== 'skip');
  return stoppable(run) ? RUNNING_KEYS : [];
}

export const runKey = (run: RunState, event: KeyEvent): RunAction | null =>
  matchKey(runKeymap(run), event.input, event.key);

/** What a key does to the run; null when the run takes no keys now (it is over, or between keys). */
export function onRunKey(run: RunState, event: KeyEvent): { run: RunState; leave: boolean } | null {
  const action = runKey(run, event);
  if (action === 'leave') return { run, leave: true };
  if (action === 'stop') return { run: runReducer(run, { type: 'stop' }), leave: false };
  if (action === 'abort') return { run: { ...run, confirmAbort: true }, leave: false };
  if (action === 'cancel') return { run: { ...run, confirmAbort: false }, leave: false };
  if (action === 'confirm')
    return { run: runReducer({ ...run, confirmAbort: false }, { type: 'choose', choice: 'abort' }), leave: false };
  if (action) return { run: runReducer(run, { type: 'choose', choice: action }), leave: false };
  return isRunOver(run) ? null : { run, leave: false };
}

/** The steps to show in `height` rows: the window that keeps the newest started step in view. */
export function stepWindow(steps: readonly RunStep[], height: number): { start: number; steps: RunStep[] } {
  let current = 0;
  steps.forEach((step, index) => {
    if (step.status !== 'pending') current = index;
  });
  const start = Math.max(0, Math.min(current - Math.floor(height / 2), steps.length - height));
  return { start, steps: steps.slice(start, start + height) };
}
