// The branch wizard as a reducer: key events and service answers in, the next state out.
// Async work is requested by the step it leaves the state in ('planning', 'creating'); the screen's
// effects carry it out and dispatch the answer.
import type { BranchPlan, BranchTypeChoice } from '../../app/plan-branch.js';
import { branchName } from '../../core/branch/branch-name.js';
import { parseIssueList } from '../../core/commit-composer/compose-message.js';
import { matchKey, type Keymap } from '../keymap.js';
import { singleKeys, type KeyEvent } from '../use-key-input.js';
import {
  FILTER_BINDING,
  FILTERING_KEYS,
  filterKey,
  keepCursorVisible,
  moveVisible,
  noFilter,
  visibleRows,
  type ListFilter,
} from './list-filter.js';
import { editText, textState, type TextState } from './text-edit.js';

type BranchStep =
  'loading' | 'type' | 'name' | 'issue' | 'planning' | 'confirm' | 'creating' | 'done' | 'failed' | 'closed';

export interface BranchState {
  step: BranchStep;
  types: BranchTypeChoice[];
  /** Into `types`; -1 when the filter lets none through. */
  typeIndex: number;
  /** `/` on the type list. */
  filter: ListFilter;
  name: TextState;
  issue: TextState;
  /** Why the current name cannot be used (checked live). */
  refusal: string | null;
  plan: BranchPlan | null;
  message: string;
}

export type BranchEvent =
  | { type: 'loaded'; types: BranchTypeChoice[]; preferred?: string }
  | { type: 'load-failed'; message: string }
  | ({ type: 'key' } & KeyEvent)
  | { type: 'refusal'; name: string; refusal: string | null }
  | { type: 'planned'; plan: BranchPlan }
  | { type: 'plan-refused'; message: string }
  | { type: 'created'; ok: boolean; message: string };

type Action = 'up' | 'down' | 'next' | 'back' | 'filter';
export const BRANCH_KEYS: Record<'list' | 'field' | 'confirm' | 'end', Keymap<Action>> = {
  list: [
    { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
    { keys: ['down', 'j'], action: 'down', description: 'move' },
    { keys: ['return'], action: 'next', description: 'choose' },
    FILTER_BINDING,
    { keys: ['escape', 'q'], action: 'back', description: 'back' },
  ],
  field: [
    { keys: ['return'], action: 'next', description: 'next' },
    { keys: ['escape'], action: 'back', description: 'back' },
  ],
  confirm: [
    { keys: ['return', 'y'], action: 'next', description: 'create' },
    { keys: ['escape', 'n'], action: 'back', description: 'back' },
  ],
  end: [{ keys: ['return', 'q', 'escape'], action: 'back', description: 'done' }],
};

/** The keys of a step, the filter aside. */
const keysFor = (step: BranchStep): Keymap<Action> =>
  step === 'type'
    ? BRANCH_KEYS.list
    : step === 'name' || step === 'issue'
      ? BRANCH_KEYS.field
      : step === 'confirm'
        ? BRANCH_KEYS.confirm
        : BRANCH_KEYS.end;

/** `filtering`: the type list's filter is being typed, and has the keys. */
export const branchKeymap = (step: BranchStep, filtering = false): Keymap<string> =>
  step === 'type' && filtering ? FILTERING_KEYS : keysFor(step);

export const initialBranch = (): BranchState => ({
  step: 'loading',
  types: [],
  typeIndex: 0,
  filter: noFilter(),
  name: textState(),
  issue: textState(),
  refusal: null,
  plan: null,
  message: '',
});

export const selectedType = (state: BranchState): BranchTypeChoice | undefined => state.types[state.typeIndex];

/** What the filter matches a type by: its name, prefix, base and description. */
const typeText = (type: BranchTypeChoice): string =>
  `${type.name} ${type.prefix} ${type.baseBranch} ${type.description}`;

/** The types the filter lets through (indexes into `types`). */
export const visibleTypes = (state: BranchState): number[] => visibleRows(state.types.map(typeText), state.filter);
export const issueNumber = (state: BranchState): number | null => parseIssueList(state.issue.value)[0] ?? null;

/**
 * The branch the inputs make, e.g. feature/42-login-form. A hotfix is the hotfix flow's:
 * hotfix/X.Y.Z-login-crash, X.Y.Z being the next patch of the release it fixes (the plan names it).
 */
export function previewName(state: BranchState): string {
  const type = selectedType(state);
  if (!type) return '';
  const name = branchName(type, state.name.value, issueNumber(state));
  if (type.name !== 'hotfix' || !name.startsWith(type.prefix)) return name;
  const slug = name.slice(type.prefix.length);
  return /^\d+\.\d+\.\d+$/.test(slug) || slug === '' ? name : `${type.prefix}X.Y.Z-${slug}`;
}

const BACK: Partial<Record<BranchStep, BranchStep>> = {
  type: 'closed',
  name: 'type',
  issue: 'name',
  confirm: 'issue',
  done: 'closed',
  failed: 'closed',
};

const BUSY: readonly BranchStep[] = ['loading', 'planning', 'creating', 'closed'];

/** A run of characters is text in a field and one key per character elsewhere ("jj" moves twice). */
function onKeys(state: BranchState, event: KeyEvent): BranchState {
  if (state.step === 'name' || state.step === 'issue') return onKey(state, event);
  return singleKeys(event).reduce(
    (current, single) => (BUSY.includes(current.step) ? current : onKey(current, single)),
    state,
  );
}

function onKey(state: BranchState, event: KeyEvent): BranchState {
  if (state.step === 'name' || state.step === 'issue') {
    const field = state.step;
    const edited = editText(state[field], event.input, event.key);
    if (edited) return { ...state, [field]: edited, ...(field === 'name' ? { refusal: null } : {}) };
  }
  if (state.step === 'type') {
    const filter = filterKey(state.filter, event);
    if (filter)
      return {
        ...state,
        filter,
        typeIndex: keepCursorVisible(state.typeIndex, visibleRows(state.types.map(typeText), filter)),
      };
  }
  const action = matchKey(keysFor(state.step), event.input, event.key);
  switch (action) {
    case 'up':
    case 'down':
      return { ...state, typeIndex: moveVisible(state.typeIndex, action === 'up' ? -1 : 1, visibleTypes(state)) };
    case 'back':
      return BACK[state.step] ? { ...state, step: BACK[state.step] as BranchStep } : state;
    case 'next':
      if (state.step === 'type') return selectedType(state) ? { ...state, step: 'name' } : state;
      if (state.step === 'name') return state.name.value.trim() && !state.refusal ? { ...state, step: 'issue' } : state;
      if (state.step === 'issue') return { ...state, step: 'planning' };
      if (state.step === 'confirm') return { ...state, step: 'creating' };
      return state;
    default:
      return state;
  }
}

export function branchReducer(state: BranchState, event: BranchEvent): BranchState {
  switch (event.type) {
    case 'loaded':
      return {
        ...state,
        step: 'type',
        types: event.types,
        typeIndex: Math.max(
          0,
          event.types.findIndex((type) => type.name === event.preferred),
        ),
      };
    case 'load-failed':
      return { ...state, step: 'failed', message: event.message };
    case 'key':
      return BUSY.includes(state.step) ? state : onKeys(state, event);
    case 'refusal':
      return event.name === previewName(state) ? { ...state, refusal: event.refusal } : state;
    case 'planned':
      return state.step === 'planning' ? { ...state, step: 'confirm', plan: event.plan } : state;
    case 'plan-refused':
      return { ...state, step: 'name', refusal: event.message };
    case 'created':
      return { ...state, step: event.ok ? 'done' : 'failed', message: event.message };
  }
}
