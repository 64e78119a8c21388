// The release wizard's keymaps, one per phase: what each key does there, and the help bar.
import type { Keymap } from '../keymap.js';
import type { ConflictChoice } from './run-model.js';

export type ReleasePhase =
  | 'preflight'
  | 'packages'
  | 'refused'
  | 'choose'
  | 'custom'
  | 'preparing'
  | 'switching'
  | 'review'
  | 'checklist'
  | 'confirm'
  | 'running'
  | 'done'
  | 'failed'
  | 'paused'
  | 'closed';

type ReleaseAction =
  | 'up'
  | 'down'
  | 'pageup'
  | 'pagedown'
  | 'next'
  | 'back'
  | 'close'
  | 'retry'
  | 'stop'
  | 'decline'
  | 'switch'
  | ConflictChoice;

const CLOSE = { keys: ['q', 'escape'], action: 'close', description: 'close' } as const;
const END: Keymap<ReleaseAction> = [{ keys: ['return', 'q', 'escape'], action: 'close', description: 'close' }];

const RELEASE_KEYS: Partial<Record<ReleasePhase, Keymap<ReleaseAction>>> = {
  preflight: [CLOSE],
  refused: [{ keys: ['r'], action: 'retry', description: 'check again' }, CLOSE],
  // The package list's own keys (move, in / out, bump) are PACKAGE_KEYS, shown under the list.
  packages: [{ keys: ['return'], action: 'next', description: 'release these' }, CLOSE],
  choose: [
    { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
    { keys: ['down', 'j'], action: 'down', description: 'move' },
    { keys: ['return'], action: 'next', description: 'choose' },
    CLOSE,
  ],
  custom: [
    { keys: ['return'], action: 'next', description: 'use this version' },
    { keys: ['escape'], action: 'back', description: 'back' },
  ],
  review: [
    { keys: ['return'], action: 'next', description: 'continue' },
    { keys: ['up', 'k'], action: 'up', description: 'scroll', hidden: true },
    { keys: ['down', 'j'], action: 'down', description: 'scroll' },
    { keys: ['pageup'], action: 'pageup', description: 'page', hidden: true },
    { keys: ['pagedown', 'space'], action: 'pagedown', description: 'page' },
    { keys: ['escape'], action: 'back', description: 'back' },
    { keys: ['q'], action: 'close', description: 'close' },
  ],
  // A checklist confirmation is a person's word: Enter is not a yes.
  checklist: [
    { keys: ['y'], action: 'next', description: 'done' },
    { keys: ['n'], action: 'decline', description: 'not done: stop the release' },
    { keys: ['escape'], action: 'back', description: 'back' },
  ],
  confirm: [
    { keys: ['y', 'return'], action: 'next', description: 'release' },
    { keys: ['n', 'escape'], action: 'back', description: 'back' },
  ],
  // Ctrl-C here stops the engine (which puts back what it did) instead of leaving the program.
  running: [{ keys: ['ctrl+c'], action: 'stop', description: 'stop and put everything back' }],
  done: END,
  failed: END,
  // The resume screen takes the run on (the conflict's files, continue, skip, abort); q leaves it paused.
  paused: [
    { keys: ['c'], action: 'continue', description: 'continue (resolved)' },
    { keys: ['s'], action: 'skip', description: 'skip this branch' },
    { keys: ['a'], action: 'abort', description: 'abort all' },
    { keys: ['return', 'q', 'escape'], action: 'close', description: 'close (it stays paused)' },
  ],
};

export interface KeymapContext {
  /** The conflict a paused run stopped on: skip is offered only when it names a branch to leave. */
  pause?: { target: string | null } | null;
  /** A refusal a switch fixes: s switches to this branch and checks again (finishing the release there). */
  switchTo?: { branch: string; finish: boolean } | null;
}

export function releaseKeymap(phase: ReleasePhase, context: KeymapContext = {}): Keymap<ReleaseAction> {
  const keys = RELEASE_KEYS[phase] ?? [];
  if (phase === 'paused' && !context.pause?.target) return keys.filter((binding) => binding.action !== 'skip');
  if (phase === 'refused' && context.switchTo)
    return [
      {
        keys: ['s'],
        action: 'switch',
        description: `switch to ${context.switchTo.branch}, ${context.switchTo.finish ? 'finish it' : 'check again'}`,
      },
      ...keys,
    ];
  return keys;
}
