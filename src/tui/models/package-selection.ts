// The release wizard's package list as a pure reducer: which packages go into the run and with
// which bump. Rows come from the same plan `shipwright release` makes (src/app/package-rows.ts).
import type { PackageRow, RowBump } from '../../app/package-rows.js';
import type { Keymap } from '../keymap.js';
import { moveCursor } from './list-cursor.js';

export type { PackageRow, RowBump } from '../../app/package-rows.js';

export interface PackageSelection {
  rows: PackageRow[];
  cursor: number;
  /** Names in the run, in row order. */
  selected: string[];
  /** A bump chosen by hand for a package, instead of its suggestion. */
  overrides: Record<string, RowBump>;
}

export type PackageAction = 'up' | 'down' | 'toggle' | 'all' | 'bump';

export const PACKAGE_KEYS: Keymap<PackageAction> = [
  { keys: ['up', 'k'], action: 'up', description: 'move' },
  { keys: ['down', 'j'], action: 'down', description: 'move', hidden: true },
  { keys: ['space'], action: 'toggle', description: 'in / out' },
  { keys: ['a'], action: 'all', description: 'all / none' },
  { keys: ['b'], action: 'bump', description: 'patch → minor → major → suggested' },
];

/** Every package with a pending release starts selected, each with its suggestion. */
export const createPackageSelection = (rows: readonly PackageRow[]): PackageSelection => ({
  rows: [...rows],
  cursor: 0,
  selected: rows.map((row) => row.name),
  overrides: {},
});

const CYCLE: RowBump[] = ['patch', 'minor', 'major'];

export function reducePackageSelection(state: PackageSelection, action: PackageAction): PackageSelection {
  const row = state.rows[state.cursor];
  switch (action) {
    case 'up':
      return { ...state, cursor: moveCursor(state.cursor, -1, state.rows.length) };
    case 'down':
      return { ...state, cursor: moveCursor(state.cursor, 1, state.rows.length) };
    case 'toggle': {
      if (!row) return state;
      const inRun = state.selected.includes(row.name);
      const names = new Set(inRun ? state.selected.filter((name) => name !== row.name) : [...state.selected, row.name]);
      return {
        ...state,
        selected: state.rows.filter((candidate) => names.has(candidate.name)).map((candidate) => candidate.name),
      };
    }
    case 'all':
      return {
        ...state,
        selected: state.selected.length === state.rows.length ? [] : state.rows.map((candidate) => candidate.name),
      };
    case 'bump': {
      if (!row) return state;
      // The override cycles through the bumps, then back to no override (the suggestion).
      const current = state.overrides[row.name];
      const next = current === undefined ? CYCLE[0] : CYCLE[CYCLE.indexOf(current) + 1];
      const overrides = { ...state.overrides };
      if (next === undefined) delete overrides[row.name];
      else overrides[row.name] = next;
      return { ...state, overrides };
    }
  }
}

/** The bump a row will get: the hand-picked one, else the suggestion. */
export const bumpOf = (state: PackageSelection, row: PackageRow): RowBump | null =>
  state.overrides[row.name] ?? row.bump;

/** What the run is asked for: `--package` names and per-package bumps chosen by hand. */
export function selectionRequest(state: PackageSelection): { packages: string[]; bumps: Record<string, RowBump> } {
  const bumps: Record<string, RowBump> = {};
  for (const name of state.selected) {
    const chosen = state.overrides[name];
    if (chosen) bumps[name] = chosen;
  }
  return { packages: [...state.selected], bumps };
}
