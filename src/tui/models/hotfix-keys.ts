// The hotfix wizard's keymaps, one per step: data the reducer matches and the help bar draws.
import type { Keymap } from '../keymap.js';
import { FILTER_BINDING, FILTERING_KEYS } from './list-filter.js';
import type { HotfixState } from './hotfix-model.js';
import { isRunOver, runKeymap } from './run-model.js';

export type HotfixAction = 'up' | 'down' | 'toggle' | 'push' | 'next' | 'back' | 'retry' | 'close' | 'filter';

const SCROLL: Keymap<HotfixAction> = [
  { keys: ['up', 'k'], action: 'up', description: 'scroll', hidden: true },
  { keys: ['down', 'j'], action: 'down', description: 'scroll', hidden: true },
];

const HOTFIX_KEYS = {
  base: [
    { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
    { keys: ['down', 'j'], action: 'down', description: 'move' },
    { keys: ['return'], action: 'next', description: 'fix this release' },
    FILTER_BINDING,
    { keys: ['escape', 'q'], action: 'close', description: 'back' },
  ],
  name: [
    { keys: ['return'], action: 'next', description: 'next' },
    { keys: ['escape'], action: 'back', description: 'back' },
  ],
  review: [
    { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
    { keys: ['down', 'j'], action: 'down', description: 'move', hidden: true },
    { keys: ['space'], action: 'toggle', description: 'take / leave branch' },
    { keys: ['p'], action: 'push', description: 'push on/off' },
    { keys: ['return'], action: 'next', description: 'plan' },
    { keys: ['escape', 'q'], action: 'close', description: 'back' },
  ],
  confirm: [
    ...SCROLL,
    { keys: ['return', 'y'], action: 'next', description: 'run it' },
    { keys: ['escape', 'n'], action: 'back', description: 'back' },
  ],
  failed: [
    { keys: ['return', 'escape'], action: 'back', description: 'back' },
    { keys: ['r'], action: 'retry', description: 'try again' },
    { keys: ['q'], action: 'close', description: 'close' },
  ],
  over: [{ keys: ['return', 'q', 'escape'], action: 'close', description: 'close' }],
} satisfies Record<string, Keymap<HotfixAction>>;

/** The wizard's own keys at its step (the run's keys are matched first, by run-model). */
export function hotfixStepKeymap(state: HotfixState): Keymap<HotfixAction> {
  switch (state.step) {
    case 'base':
    case 'name':
    case 'review':
    case 'confirm':
    case 'failed':
      return HOTFIX_KEYS[state.step];
    case 'run':
      return state.run && isRunOver(state.run) ? HOTFIX_KEYS.over : [];
    default:
      return [];
  }
}

/** What the help bar shows: the run's keys while it runs or waits on a conflict, else the step's. */
export const hotfixKeymap = (state: HotfixState): Keymap<string> => {
  if (state.step === 'run' && state.run && !isRunOver(state.run)) return runKeymap(state.run);
  return state.step === 'base' && state.baseFilter.editing ? FILTERING_KEYS : hotfixStepKeymap(state);
};
