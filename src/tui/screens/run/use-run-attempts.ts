// Carries out each attempt a run asks for (run-model.ts): the plan, continue, skip or abort, with
// the engine's events dispatched as they come; holds the program's Ctrl-C while the engine works
// and turns it into a stop (the engine puts back what it did).
import { useEffect, useLayoutEffect } from 'react';
import type { Plan } from '../../../core/plan/plan.js';
import type { ErrorReport, TuiServices } from '../../../app/screen-services.js';
import { isRunBusy, type RunEvent, type RunState } from '../../models/run-model.js';

const unexpected = (reason: unknown): ErrorReport => ({
  code: 'internal',
  message: `shipwright failed unexpectedly: ${reason instanceof Error ? reason.message : String(reason)}`,
  fix: 'this is a bug in shipwright; please report it with the steps that led here',
});

/** `holdExit(true)` while the engine works, so the App lets this screen have Ctrl-C. */
export function useRunAttempts(
  services: TuiServices,
  run: RunState | null,
  plan: Plan | null,
  dispatch: (event: RunEvent) => void,
  holdExit?: (held: boolean) => void,
): void {
  const attempt = run ? run.attempt.id : 0;
  const busy = run !== null && isRunBusy(run);
  // A layout effect: set in the same commit that shows the run, before the next key can arrive.
  useLayoutEffect(() => {
    holdExit?.(busy);
    return () => holdExit?.(false);
  }, [busy]);
  useEffect(() => {
    if (run?.stopping) services.stopRun();
  }, [run?.stopping]);
  useEffect(() => {
    if (!run) return;
    const onEvent: Parameters<TuiServices['runPlanWithEvents']>[1] = (event) => dispatch({ type: 'engine', event });
    const failed = (reason: unknown) =>
      dispatch({ type: 'finished', result: { ok: false, error: unexpected(reason), output: '' } });
    const finished = (result: Awaited<ReturnType<TuiServices['continueRun']>>) =>
      dispatch({ type: 'finished', result });
    switch (run.attempt.kind) {
      case 'run':
        if (plan) services.runPlanWithEvents(plan, onEvent).then(finished, failed);
        break;
      case 'resumed':
        break;
      case 'continue':
      case 'skip':
        services.continueRun({ skip: run.attempt.kind === 'skip' }, onEvent).then(finished, failed);
        break;
      case 'abort':
        services.abortRun().then(
          (result) => dispatch({ type: 'aborted', result }),
          (reason: unknown) => dispatch({ type: 'aborted', result: { ok: false, error: unexpected(reason) } }),
        );
        break;
    }
    // One call per attempt: the attempt's id (and a new run) is what changes.
  }, [attempt, run !== null]);
}
