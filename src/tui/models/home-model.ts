// Home's menu and keys, which depend on what it found: a run waiting for continue / skip / abort
// adds its line to the menu and its keys, and quitting then asks first.
import type { PendingRun } from '../../app/read-pending-run.js';
import type { Keymap } from '../keymap.js';
import type { ConflictChoice } from './run-model.js';

export type MenuTarget = 'branch' | 'commit' | 'changelog' | 'release' | 'hotfix' | 'backport' | 'paused';

interface MenuItem {
  target: MenuTarget;
  key: string;
  label: string;
}

export const HOME_MENU: readonly MenuItem[] = [
  { target: 'branch', key: 'b', label: 'Start a branch' },
  { target: 'commit', key: 'c', label: 'Commit (composer)' },
  { target: 'changelog', key: 'l', label: 'Changelog preview' },
  { target: 'release', key: 'R', label: 'Release (wizard)' },
  { target: 'hotfix', key: 'h', label: 'Hotfix (start or finish)' },
  { target: 'backport', key: 'p', label: 'Backport fixes (matrix)' },
];

/** A run the user can take up here (not one another process is running). */
export const resumable = (pending: PendingRun | null): pending is PendingRun => pending !== null && !pending.running;

export function homeMenu(pending: PendingRun | null): readonly MenuItem[] {
  if (!resumable(pending)) return HOME_MENU;
  return [
    { target: 'paused', key: 'o', label: `Open the ${pending.pause ? 'paused' : 'interrupted'} run: ${pending.title}` },
    ...HOME_MENU,
  ];
}

type HomeAction = 'up' | 'down' | 'choose' | MenuTarget | ConflictChoice | 'refresh' | 'quit';

const BASE_KEYS: Keymap<HomeAction> = [
  { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
  { keys: ['down', 'j'], action: 'down', description: 'move' },
  { keys: ['return'], action: 'choose', description: 'open' },
  { keys: ['b'], action: 'branch', description: 'branch', group: 'screens' },
  { keys: ['c'], action: 'commit', description: 'commit', group: 'screens' },
  { keys: ['l'], action: 'changelog', description: 'changelog', group: 'screens' },
  // Shift-R, as r refreshes. The bar leaves out what does not fit (? lists it all).
  { keys: ['R'], action: 'release', description: 'release', group: 'screens' },
  { keys: ['h'], action: 'hotfix', description: 'hotfix', group: 'screens' },
  { keys: ['p'], action: 'backport', description: 'backport', group: 'screens' },
  { keys: ['r'], action: 'refresh', description: 'refresh' },
  { keys: ['q', 'escape'], action: 'quit', description: 'quit' },
];

/** Home's keys; a waiting run's are listed on its own line (c is commit here, so continue is u). */
export function homeKeymap(pending: PendingRun | null): Keymap<HomeAction> {
  if (!resumable(pending)) return BASE_KEYS;
  const runKeys: Keymap<HomeAction> = [
    { keys: ['o'], action: 'paused', description: 'open the run', hidden: true },
    { keys: ['u'], action: 'continue', description: 'continue', hidden: true },
    ...(pending.pause?.target
      ? [{ keys: ['s'], action: 'skip', description: `skip ${pending.pause.target}`, hidden: true } as const]
      : []),
    { keys: ['x'], action: 'abort', description: 'abort', hidden: true },
  ];
  return [...BASE_KEYS, ...runKeys];
}

/** "2 of 3: pick d4d1b6d … onto dev" */
export const pendingStep = (pending: PendingRun): string =>
  `step ${pending.at + 1} of ${pending.steps.length}: ${pending.steps[pending.at]?.description ?? ''}`;
