// The engine: the only code that writes to a repository. Runs a Plan under a repo lock with an
// on-disk journal (.git/shipwright/, in the git dir all worktrees share) and, if a step fails or the run is interrupted, puts back
// what the earlier steps changed before reporting the failure.
import { existsSync } from 'node:fs';
import { ShipwrightError } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import { localStepAfterPush } from '../core/plan/plan-touches.js';
import { readRepoState } from '../git/read-repo.js';
import { acquireEngineLock } from './engine-lock.js';
import { assertPlanBasis } from './plan-basis.js';
import {
  createJournal,
  journalStillNeeded,
  removeEmptyShipwrightDirs,
  removeJournal,
  shipwrightDir,
  writeJournal,
  type Journal,
} from './journal.js';
import { runSteps, type EngineEvent } from './run-steps.js';
import type { StepEnvironment } from './steps/step-handler.js';

export type { EngineEvent } from './run-steps.js';

export interface ExecuteOptions {
  onEvent?: (event: EngineEvent) => void;
  onOutput?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  /** The command line recorded in the journal and the lock (default: the plan's title). */
  command?: string;
  /** Stops the run like SIGINT: the step in progress finishes, then what was done is put back. */
  abort?: AbortSignal;
}

export const stepEnvironment = (root: string, options: ExecuteOptions): StepEnvironment => ({
  root,
  env: options.env ?? process.env,
  ...(options.onOutput ? { onOutput: options.onOutput } : {}),
});

export async function executePlan(root: string, plan: Plan, options: ExecuteOptions = {}): Promise<void> {
  if (plan.steps.length === 0) return;
  const misplaced = localStepAfterPush(plan.steps);
  if (misplaced !== -1) {
    throw new ShipwrightError(
      'internal',
      `Plan step ${misplaced + 1} (${plan.steps[misplaced]?.description}) comes after a push.`,
      { code: 'internal-plan', fix: 'this is a bug in shipwright; please report it' },
    );
  }
  const state = await readRepoState(root);
  const dirExisted = existsSync(shipwrightDir(state.commonDir));
  const command = options.command ?? plan.title;
  const releaseLock = acquireEngineLock(state.commonDir, command);
  let journal: Journal | null = null;
  let finished = false;
  try {
    // An edit made while the confirmation waited is never overwritten with content planned before it.
    if (plan.basis) await assertPlanBasis(state, plan.basis);
    journal = await createJournal(state, plan, command);
    await writeJournal(state.commonDir, journal);
    await runSteps({
      commonDir: state.commonDir,
      journal,
      start: 0,
      context: stepEnvironment(root, options),
      emit: options.onEvent ?? (() => undefined),
      ...(options.abort ? { abort: options.abort } : {}),
    });
    finished = true;
  } finally {
    // A run paused on a conflict keeps its journal for `shipwright continue` or `abort`, and so does
    // one that failed after its push started without the remote saying it has nothing.
    const paused = journal !== null && journalStillNeeded(journal, finished);
    if (!paused) await removeJournal(state.commonDir, journal);
    releaseLock();
    // Leave no empty .git/shipwright behind when this run created it.
    if (!paused) await removeEmptyShipwrightDirs(state.commonDir, !dirExisted);
  }
}
