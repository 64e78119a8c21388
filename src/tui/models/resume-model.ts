// The screen for a run found waiting (opened from home): it reads the run, shows its pause or
// interruption with the run's own keys (continue, skip, abort, leave), and how the choice ended.
import type { PendingRun } from '../../app/read-pending-run.js';
import { matchKey, type Keymap } from '../keymap.js';
import type { KeyEvent } from '../use-key-input.js';
import {
  isRunOver,
  onRunKey,
  resumeRun,
  runKeymap,
  runReducer,
  type ConflictChoice,
  type RunEvent,
  type RunState,
} from './run-model.js';

interface ResumeState {
  step: 'loading' | 'run' | 'none' | 'closed';
  pending: PendingRun | null;
  run: RunState | null;
  /** A choice made on home, applied once the run is read. */
  choice: ConflictChoice | null;
}

type ResumeEvent =
  { type: 'loaded'; pending: PendingRun | null } | { type: 'run'; event: RunEvent } | ({ type: 'key' } & KeyEvent);

type DoneAction = 'back';
const DONE_KEYS: Keymap<DoneAction> = [{ keys: ['return', 'q', 'escape'], action: 'back', description: 'back' }];

export const initialResume = (choice: ConflictChoice | null = null): ResumeState => ({
  step: 'loading',
  pending: null,
  run: null,
  choice,
});

export function resumeReducer(state: ResumeState, event: ResumeEvent): ResumeState {
  switch (event.type) {
    case 'loaded': {
      if (event.pending === null || event.pending.running) return { ...state, step: 'none', pending: event.pending };
      const run = resumeRun(event.pending);
      // Abort chosen on home still asks for y here, as the conflict screen's own a does.
      const chosen =
        state.choice === 'abort'
          ? { ...run, confirmAbort: true }
          : state.choice
            ? runReducer(run, { type: 'choose', choice: state.choice })
            : run;
      return { ...state, step: 'run', pending: event.pending, run: chosen, choice: null };
    }
    case 'run':
      return state.run ? { ...state, run: runReducer(state.run, event.event) } : state;
    case 'key': {
      if (state.step === 'none')
        return matchKey(DONE_KEYS, event.input, event.key) ? { ...state, step: 'closed' } : state;
      if (state.step !== 'run' || !state.run) return state;
      if (isRunOver(state.run))
        return matchKey(DONE_KEYS, event.input, event.key) ? { ...state, step: 'closed' } : state;
      const byRun = onRunKey(state.run, event);
      if (!byRun) return state;
      return byRun.leave ? { ...state, step: 'closed' } : { ...state, run: byRun.run };
    }
  }
}

export function resumeKeymap(state: ResumeState): Keymap<string> {
  if (state.step === 'run' && state.run && !isRunOver(state.run)) return runKeymap(state.run);
  return state.step === 'loading' ? [] : DONE_KEYS;
}
