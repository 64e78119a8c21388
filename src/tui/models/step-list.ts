// A plan's step list as the engine's events move it: shared by the release wizard and the run
// screens (hotfix, backport, branch, commit), which differ only in what else an event changes.
import type { EngineEvent } from '../../app/screen-services.js';

/** `undone`: it had run, and abort (or a rollback) put back what it did. */
export type StepStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed' | 'paused' | 'undone';

export interface StepLine {
  description: string;
  status: StepStatus;
  /** The engine's outcome, skip reason or error. */
  note?: string;
}

function changeOf(event: EngineEvent): { status: StepStatus; note?: string | undefined } | null {
  switch (event.type) {
    case 'step-started':
      return { status: 'running' };
    case 'step-done':
      return { status: 'done', note: event.outcome };
    case 'step-skipped':
      // Only a step passed over (its target left for later) is skipped; `continue` reports a step
      // whose conflict it settled as done, with what became of it ("pick committed").
      return { status: 'skipped', note: event.reason };
    case 'step-failed':
      return { status: 'failed', note: event.error };
    case 'paused':
      return { status: 'paused' };
    default:
      return null;
  }
}

/** The steps after `event`; the same list for events about no single step. */
export function stepsAfter(steps: readonly StepLine[], event: EngineEvent): StepLine[] {
  const change = changeOf(event);
  if (!change || !('index' in event)) return [...steps];
  const { status, note } = change;
  return steps.map((step, at) =>
    at === event.index ? { description: step.description, status, ...(note ? { note } : {}) } : step,
  );
}
