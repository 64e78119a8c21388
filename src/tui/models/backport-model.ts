// The backport screen as a reducer: a cursor over commits × branches, space marks a missing cell,
// enter plans the marked cells (backport-selection.ts), confirm, then the engine run with its
// conflict choices (run-model.ts). Async work is asked for by the step the state is left in
// ('loading', 'planning') and by the run's attempt; the screen's effects carry it out.
import type { PreparedBackport } from '../../app/prepare-backport.js';
import type { Answer, BackportMatrixView, ErrorReport } from '../../app/hotfix-backport-services.js';
import { matchKey, type Keymap } from '../keymap.js';
import { singleKeys, type KeyEvent } from '../use-key-input.js';
import { backportRequests, cellKey, mergeBackports } from './backport-selection.js';
import { follow, type Viewport } from './matrix-layout.js';
import { FILTER_BINDING, FILTERING_KEYS, filterKey, noFilter, visibleRows, type ListFilter } from './list-filter.js';
import { isRunOver, onRunKey, runKeymap, runReducer, startRun, type RunEvent, type RunState } from './run-model.js';

type BackportStep = 'loading' | 'matrix' | 'planning' | 'confirm' | 'run' | 'failed' | 'closed';

export interface BackportState {
  step: BackportStep;
  matrix: BackportMatrixView | null;
  cursor: { row: number; col: number };
  /** First row and first branch column on screen. */
  top: number;
  left: number;
  viewport: Viewport;
  /** `/` on the rows (matched by hash and header); the cursor stays on a row it lets through. */
  filter: ListFilter;
  /** Marked cells, `row:col`. */
  selected: string[];
  /** A one-line answer to the last key (why a cell cannot be marked, what enter needs). */
  notice: string | null;
  prepared: PreparedBackport | null;
  /** First plan step shown on the confirm view. */
  planTop: number;
  error: ErrorReport | null;
  run: RunState | null;
}

export type BackportEvent =
  | { type: 'loaded'; answer: Answer<BackportMatrixView> }
  | { type: 'viewport'; viewport: Viewport }
  | ({ type: 'key' } & KeyEvent)
  | { type: 'planned'; answers: Answer<PreparedBackport>[] }
  | { type: 'run'; event: RunEvent };

type Action = 'up' | 'down' | 'left' | 'right' | 'toggle' | 'column' | 'next' | 'back' | 'refresh' | 'close' | 'filter';
const MOVE: Keymap<Action> = [
  { keys: ['up', 'k'], action: 'up', description: 'move' },
  { keys: ['down', 'j'], action: 'down', description: 'move', hidden: true },
  { keys: ['left', 'h'], action: 'left', description: 'move', hidden: true },
  { keys: ['right', 'l'], action: 'right', description: 'move', hidden: true },
];
const BACKPORT_KEYS: Record<'matrix' | 'confirm' | 'failed' | 'over', Keymap<Action>> = {
  matrix: [
    ...MOVE,
    { keys: ['space'], action: 'toggle', description: 'select' },
    { keys: ['a'], action: 'column', description: 'whole branch' },
    { keys: ['return'], action: 'next', description: 'backport' },
    FILTER_BINDING,
    { keys: ['r'], action: 'refresh', description: 'refresh' },
    { keys: ['q', 'escape'], action: 'close', description: 'back' },
  ],
  confirm: [
    { keys: ['up', 'k'], action: 'up', description: 'scroll', hidden: true },
    { keys: ['down', 'j'], action: 'down', description: 'scroll', hidden: true },
    { keys: ['return', 'y'], action: 'next', description: 'backport' },
    { keys: ['escape', 'n'], action: 'back', description: 'back to the matrix' },
  ],
  failed: [
    { keys: ['return', 'escape'], action: 'back', description: 'back to the matrix' },
    { keys: ['r'], action: 'refresh', description: 'read again' },
    { keys: ['q'], action: 'close', description: 'close' },
  ],
  over: [
    { keys: ['return', 'r'], action: 'refresh', description: 'back to the matrix' },
    { keys: ['q', 'escape'], action: 'close', description: 'close' },
  ],
};

export const initialBackport = (viewport: Viewport = { rows: 12, cols: 5 }): BackportState => ({
  step: 'loading',
  matrix: null,
  cursor: { row: 0, col: 0 },
  top: 0,
  left: 0,
  viewport,
  filter: noFilter(),
  selected: [],
  notice: null,
  prepared: null,
  planTop: 0,
  error: null,
  run: null,
});

const PRESENCE_WORDS = {
  reachable: 'already in its history',
  'same-patch': 'the same change is already there',
  picked: 'already cherry-picked there',
} as const;

/** What the cell under the cursor is, in words (also shows names the grid had to cut). */
export function cursorLine(state: BackportState): string {
  const row = state.matrix?.rows[state.cursor.row];
  const target = state.matrix?.targets[state.cursor.col];
  if (!row || !target) return '';
  const presence = row.cells[state.cursor.col];
  if (presence === 'missing')
    return `${row.shortHash} on ${target}: missing${state.selected.includes(cellKey(state.cursor.row, state.cursor.col)) ? ', selected' : ' — space selects it'}`;
  return `${row.shortHash} on ${target}: ${presence ? PRESENCE_WORDS[presence] : ''}`;
}

/** The rows the filter lets through (indexes into `matrix.rows`), in their order. */
export const visibleMatrixRows = (state: BackportState, filter: ListFilter = state.filter): number[] =>
  visibleRows(
    (state.matrix?.rows ?? []).map((row) => `${row.shortHash} ${row.header}`),
    filter,
  );

function scrolled(state: BackportState): BackportState {
  const visible = visibleMatrixRows(state);
  const cols = state.matrix?.targets.length ?? 0;
  return {
    ...state,
    // `top` counts visible rows.
    top: follow(Math.max(0, visible.indexOf(state.cursor.row)), state.top, state.viewport.rows, visible.length),
    left: follow(state.cursor.col, state.left, state.viewport.cols, cols),
  };
}

function move(state: BackportState, drow: number, dcol: number): BackportState {
  const visible = visibleMatrixRows(state);
  const cols = state.matrix?.targets.length ?? 0;
  const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
  const at = visible.indexOf(state.cursor.row);
  const row = at === -1 ? state.cursor.row : (visible[clamp(at + drow, visible.length)] ?? state.cursor.row);
  return scrolled({
    ...state,
    cursor: { row, col: clamp(state.cursor.col + dcol, cols) },
    notice: null,
  });
}

function toggle(state: BackportState): BackportState {
  const { row, col } = state.cursor;
  const presence = state.matrix?.rows[row]?.cells[col];
  if (presence !== 'missing')
    return {
      ...state,
      notice: presence ? `Nothing to pick there: ${cursorLine(state).replace(/^[^:]*: /, '')}.` : null,
    };
  const key = cellKey(row, col);
  return {
    ...state,
    notice: null,
    selected: state.selected.includes(key) ? state.selected.filter((cell) => cell !== key) : [...state.selected, key],
  };
}

/** Marks every missing cell of the cursor's branch (in the rows the filter shows), or clears them when all are marked. */
function toggleColumn(state: BackportState): BackportState {
  const col = state.cursor.col;
  const rows = state.matrix?.rows ?? [];
  const missing = visibleMatrixRows(state).flatMap((index) =>
    rows[index]?.cells[col] === 'missing' ? [cellKey(index, col)] : [],
  );
  const all = missing.every((key) => state.selected.includes(key));
  const others = state.selected.filter((key) => !missing.includes(key));
  return { ...state, notice: null, selected: all ? others : [...others, ...missing] };
}

/** Where the cursor starts: the first cell with something to pick (row by row), else the top left. */
function firstPickable(matrix: BackportMatrixView): { row: number; col: number } {
  for (const [row, entry] of matrix.rows.entries()) {
    const col = entry.cells.indexOf('missing');
    if (col >= 0) return { row, col };
  }
  return { row: 0, col: 0 };
}

const reload = (state: BackportState): BackportState => ({ ...initialBackport(state.viewport), step: 'loading' });

/** The cursor after the filter changed: on its row when it still shows, else the first row shown (on its column). */
function filtered(state: BackportState, filter: ListFilter): BackportState {
  const visible = visibleMatrixRows(state, filter);
  const row = visible.includes(state.cursor.row) ? state.cursor.row : (visible[0] ?? -1);
  return scrolled({ ...state, filter, notice: null, cursor: { ...state.cursor, row } });
}

function onKey(state: BackportState, event: KeyEvent): BackportState {
  const byRun = state.step === 'run' && state.run ? onRunKey(state.run, event) : null;
  if (byRun)
    return byRun.leave ? { ...state, step: 'closed' } : byRun.run === state.run ? state : { ...state, run: byRun.run };
  if (state.step === 'matrix' && (state.matrix?.rows.length ?? 0) > 0) {
    const filter = filterKey(state.filter, event);
    if (filter) return filtered(state, filter);
  }
  switch (matchKey(stepKeymap(state), event.input, event.key)) {
    case 'up':
      return state.step === 'confirm' ? { ...state, planTop: Math.max(0, state.planTop - 1) } : move(state, -1, 0);
    case 'down':
      return state.step === 'confirm'
        ? { ...state, planTop: Math.min(Math.max(0, (state.prepared?.plan.steps.length ?? 0) - 1), state.planTop + 1) }
        : move(state, 1, 0);
    case 'left':
      return move(state, 0, -1);
    case 'right':
      return move(state, 0, 1);
    case 'toggle':
      return toggle(state);
    case 'column':
      return toggleColumn(state);
    case 'next':
      if (state.step === 'matrix')
        return state.selected.length > 0
          ? { ...state, step: 'planning', notice: null }
          : { ...state, notice: 'Select at least one missing cell (·) with space first.' };
      if (state.step === 'confirm' && state.prepared) {
        return state.prepared.plan.steps.length > 0
          ? { ...state, step: 'run', run: startRun(state.prepared.plan) }
          : { ...state, step: 'matrix' };
      }
      return state;
    case 'back':
      return state.matrix ? { ...state, step: 'matrix', error: null } : { ...state, step: 'closed' };
    case 'refresh':
      return reload(state);
    case 'close':
      return { ...state, step: 'closed' };
    default:
      return state;
  }
}

/** The matrix keys that act where the cursor is: space on a missing cell, a on a branch that lacks something. */
function matrixKeymap(state: BackportState): Keymap<Action> {
  const rows = state.matrix?.rows ?? [];
  const col = state.cursor.col;
  const here = rows[state.cursor.row]?.cells[col] === 'missing';
  const column = visibleMatrixRows(state).some((index) => rows[index]?.cells[col] === 'missing');
  return BACKPORT_KEYS.matrix.filter((binding) => {
    if (binding.action === 'toggle') return here;
    if (binding.action === 'column') return column;
    if (binding.action === 'filter') return rows.length > 0;
    if (binding.action === 'next') return rows.length > 0;
    if (MOVE.includes(binding)) return rows.length > 0;
    return true;
  });
}

function stepKeymap(state: BackportState): Keymap<Action> {
  if (state.step === 'matrix') return BACKPORT_KEYS.matrix;
  if (state.step === 'confirm') return BACKPORT_KEYS.confirm;
  if (state.step === 'failed') return BACKPORT_KEYS.failed;
  if (state.step === 'run' && state.run && isRunOver(state.run)) return BACKPORT_KEYS.over;
  return [];
}

/** What the help bar shows: the run's keys while it runs or waits on a conflict, else the step's. */
export const backportKeymap = (state: BackportState): Keymap<string> => {
  if (state.step === 'run' && state.run && !isRunOver(state.run)) return runKeymap(state.run);
  if (state.step === 'matrix' && state.filter.editing) return FILTERING_KEYS;
  // Space on a cell with nothing to pick still answers why (the reducer keeps it); the bar leaves it out.
  return state.step === 'matrix' ? matrixKeymap(state) : stepKeymap(state);
};

function planned(state: BackportState, answers: readonly Answer<PreparedBackport>[]): BackportState {
  if (state.step !== 'planning') return state;
  const refused = answers.find((answer) => !answer.ok);
  if (refused && !refused.ok) return { ...state, step: 'failed', error: refused.error };
  const prepared = mergeBackports(answers.flatMap((answer) => (answer.ok ? [answer.value] : [])));
  return { ...state, step: 'confirm', prepared, planTop: 0 };
}

const BUSY: readonly BackportStep[] = ['loading', 'planning', 'closed'];

export function backportReducer(state: BackportState, event: BackportEvent): BackportState {
  switch (event.type) {
    case 'loaded':
      if (state.step !== 'loading') return state;
      if (!event.answer.ok) return { ...state, step: 'failed', error: event.answer.error };
      return scrolled({
        ...state,
        step: 'matrix',
        matrix: event.answer.value,
        cursor: firstPickable(event.answer.value),
        top: 0,
        left: 0,
        selected: [],
        error: null,
      });
    case 'viewport':
      return scrolled({ ...state, viewport: event.viewport });
    case 'key':
      // The filter being typed takes a run of characters as text.
      if (state.step === 'matrix' && state.filter.editing) return onKey(state, event);
      return singleKeys(event).reduce(
        (current, single) => (BUSY.includes(current.step) ? current : onKey(current, single)),
        state,
      );
    case 'planned':
      return planned(state, event.answers);
    case 'run':
      return state.run ? { ...state, run: runReducer(state.run, event.event) } : state;
  }
}

/** What the screen asks prepareBackport for, once per distinct set of commits. */
export const plannedRequests = (state: BackportState) =>
  state.matrix ? backportRequests(state.matrix, state.selected) : [];
