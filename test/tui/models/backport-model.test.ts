// The backport screen's reducer: cursor, scrolling window, marking cells, planning, confirm, run.
import { describe, expect, it } from 'vitest';
import {
  backportKeymap,
  backportReducer,
  cursorLine,
  initialBackport,
  plannedRequests,
  visibleMatrixRows,
  type BackportEvent,
  type BackportState,
} from '../../../src/tui/models/backport-model.js';
import type { BackportMatrixView } from '../../../src/app/hotfix-backport-services.js';
import { cellKey } from '../../../src/tui/models/backport-selection.js';
import { helpText } from '../../../src/tui/keymap.js';
import type { KeyEvent } from '../../../src/tui/use-key-input.js';
import { aMatrix, aPreparedBackport, aWideMatrix, FIX_EXPORT } from '../support/fix-data.js';
import { press, text } from '../support/keys.js';

const keys = (...events: KeyEvent[]): BackportEvent[] => events.map((event) => ({ type: 'key', ...event }));
const apply = (state: BackportState, events: BackportEvent[]): BackportState => events.reduce(backportReducer, state);
const loaded = (matrix = aMatrix(), viewport = { rows: 12, cols: 5 }) =>
  backportReducer(initialBackport(viewport), { type: 'loaded', answer: { ok: true, value: matrix } });

describe('backportReducer', () => {
  it('shows the matrix once read, or the refusal with its fix', () => {
    expect(loaded()).toMatchObject({ step: 'matrix', cursor: { row: 0, col: 0 }, selected: [] });
    const error = {
      code: 'branch-missing',
      message: 'main is not a local branch',
      fix: 'git branch main origin/main',
    } as const;
    expect(backportReducer(initialBackport(), { type: 'loaded', answer: { ok: false, error } })).toMatchObject({
      step: 'failed',
      error,
    });
  });

  it('starts the cursor on the first cell with something to pick', () => {
    const [exportFix, loginFix] = aMatrix().rows;
    const everywhere = { ...exportFix!, cells: ['reachable', 'picked'] as BackportMatrixView['rows'][number]['cells'] };
    const onlyRelease = {
      ...loginFix!,
      cells: ['same-patch', 'missing'] as BackportMatrixView['rows'][number]['cells'],
    };
    expect(loaded(aMatrix({ rows: [everywhere, onlyRelease] })).cursor).toEqual({ row: 1, col: 1 });
    expect(loaded(aMatrix({ rows: [everywhere] })).cursor).toEqual({ row: 0, col: 0 });
  });

  it('moves the cursor with arrows and hjkl, stopping at the edges', () => {
    expect(apply(loaded(), keys(press('down'), text('j'), text('j'), press('right'), text('l'))).cursor).toEqual({
      row: 2,
      col: 1,
    });
    expect(apply(loaded(), keys(text('k'), text('h'))).cursor).toEqual({ row: 0, col: 0 });
    expect(apply(loaded(), keys(text('jjl'))).cursor).toEqual({ row: 2, col: 1 });
  });

  it('marks and unmarks a missing cell with space', () => {
    const marked = apply(loaded(), keys(press('down'), text(' ')));
    expect(marked.selected).toEqual([cellKey(1, 0)]);
    expect(cursorLine(marked)).toBe('b2b2b2b on dev: missing, selected');
    expect(apply(marked, keys(text(' '))).selected).toEqual([]);
  });

  it('refuses to mark a cell whose fix is already there, and says why', () => {
    const state = apply(loaded(), keys(press('down'), press('right'), text(' ')));
    expect(state.selected).toEqual([]);
    expect(state.notice).toBe('Nothing to pick there: already cherry-picked there.');
    expect(cursorLine(state)).toBe('b2b2b2b on release/1.3.0: already cherry-picked there');
  });

  it('marks every missing cell of a branch with a, and clears them with a again', () => {
    const state = apply(loaded(), keys(press('right'), text('a')));
    expect(state.selected).toEqual([cellKey(0, 1), cellKey(2, 1)]);
    expect(apply(state, keys(text('a'))).selected).toEqual([]);
  });

  it('asks for a mark before planning, then plans per distinct commit set', () => {
    expect(apply(loaded(), keys(press('return')))).toMatchObject({
      step: 'matrix',
      notice: 'Select at least one missing cell (·) with space first.',
    });
    const planning = apply(loaded(), keys(text(' '), press('return')));
    expect(planning.step).toBe('planning');
    expect(plannedRequests(planning)).toEqual([{ commits: [FIX_EXPORT], targets: ['dev'] }]);
  });

  it('confirms the joined plan, runs it, and goes back to a fresh matrix after', () => {
    const planning = apply(loaded(), keys(text(' '), press('return')));
    const prepared = aPreparedBackport(aMatrix(), [FIX_EXPORT], ['dev']);
    const confirm = backportReducer(planning, { type: 'planned', answers: [{ ok: true, value: prepared }] });
    expect(confirm.step).toBe('confirm');
    expect(confirm.prepared?.plan.steps).toEqual(prepared.plan.steps);
    expect(apply(confirm, keys(press('escape')))).toMatchObject({ step: 'matrix', selected: [cellKey(0, 0)] });
    const running = apply(confirm, keys(text('y')));
    expect(running).toMatchObject({ step: 'run', run: { phase: 'running' } });
    expect(apply(running, keys(text('q')))).toBe(running);
    const done = backportReducer(running, {
      type: 'run',
      event: { type: 'finished', result: { ok: true, output: '', skipped: [] } },
    });
    expect(helpText(backportKeymap(done))).toBe('⏎/r back to the matrix · q/esc close');
    expect(apply(done, keys(press('return')))).toMatchObject({ step: 'loading', selected: [], run: null });
  });

  it('shows a refused plan and goes back to the matrix with the marks kept', () => {
    const planning = apply(loaded(), keys(text(' '), press('return')));
    const error = {
      code: 'target-checked-out',
      message: 'dev is checked out here',
      fix: 'switch to another branch first',
    } as const;
    const failed = backportReducer(planning, { type: 'planned', answers: [{ ok: false, error }] });
    expect(failed).toMatchObject({ step: 'failed', error });
    expect(apply(failed, keys(press('return')))).toMatchObject({
      step: 'matrix',
      selected: [cellKey(0, 0)],
      error: null,
    });
  });

  it('scrolls the window to follow the cursor across many rows and branches', () => {
    const matrix = aWideMatrix(30, ['dev', 'release/1.1', 'release/1.2', 'release/1.3', '1.x', '2.x', '3.x', '4.x']);
    const state = apply(
      loaded(matrix, { rows: 5, cols: 3 }),
      keys(...Array.from({ length: 7 }, () => press('down')), ...Array.from({ length: 4 }, () => press('right'))),
    );
    expect(state).toMatchObject({ cursor: { row: 7, col: 4 }, top: 3, left: 2 });
    expect(backportReducer(state, { type: 'viewport', viewport: { rows: 20, cols: 8 } })).toMatchObject({
      top: 3,
      left: 0,
    });
  });

  it('draws its help bar from the matrix keymap', () => {
    expect(helpText(backportKeymap(loaded()))).toBe(
      '↑↓←→/kjhl move · space select · a whole branch · ⏎ backport · / filter · r refresh · q/esc back',
    );
    // Only the keys that act where the cursor is: nothing to pick in the cell, or in the whole branch.
    const [exportFix, loginFix] = aMatrix().rows;
    type Cells = BackportMatrixView['rows'][number]['cells'];
    const rows = [
      { ...exportFix!, cells: ['missing', 'picked'] as Cells },
      { ...loginFix!, cells: ['missing', 'reachable'] as Cells },
    ];
    expect(helpText(backportKeymap(apply(loaded(aMatrix({ rows })), keys(press('right')))))).toBe(
      '↑↓←→/kjhl move · ⏎ backport · / filter · r refresh · q/esc back',
    );
    expect(helpText(backportKeymap(loaded(aMatrix({ rows: [] }))))).toBe('r refresh · q/esc back');
  });
});

describe('backportReducer: / filters the rows', () => {
  it('narrows the rows by hash or header, moves among them only, and Esc shows them all again', () => {
    const filtering = apply(loaded(), keys(text('/'), text('auth')));
    expect(filtering.filter).toMatchObject({ editing: true, query: { value: 'auth' } });
    expect(visibleMatrixRows(filtering)).toEqual([1]);
    // The cursor goes to the one row shown, on its column.
    expect(filtering.cursor).toEqual({ row: 1, col: 0 });
    expect(helpText(backportKeymap(filtering))).toBe('⏎ keep filter · esc clear filter');

    const kept = apply(filtering, keys(press('return'), text('j'), text(' ')));
    expect(kept.cursor.row).toBe(1);
    expect(kept.selected).toEqual([cellKey(1, 0)]);
    expect(helpText(backportKeymap(kept))).toContain('/ filter');

    // `a` marks the branch's missing cells among the rows shown only.
    const column = apply(kept, keys(text('a')));
    expect(column.selected).toEqual([]);
    const all = apply(column, keys(text('a')));
    expect(all.selected).toEqual([cellKey(1, 0)]);

    const cleared = apply(all, keys(press('escape')));
    expect(cleared.step).toBe('matrix');
    expect(visibleMatrixRows(cleared)).toEqual([0, 1, 2]);
    expect(apply(cleared, keys(press('escape'))).step).toBe('closed');
  });

  it('with nothing matching: no row under the cursor, space does nothing, the keys that need a row are hidden', () => {
    const none = apply(loaded(), keys(text('/'), text('nothing-like-this'), press('return')));
    expect(visibleMatrixRows(none)).toEqual([]);
    expect(cursorLine(none)).toBe('');
    expect(apply(none, keys(text(' '))).selected).toEqual([]);
    const bar = helpText(backportKeymap(none));
    expect(bar).not.toContain('select');
    expect(bar).not.toContain('whole branch');
    expect(bar).toContain('/ filter');
  });

  it('scrolls the window over the rows shown', () => {
    const wide = loaded(aWideMatrix(30, ['dev']), { rows: 5, cols: 5 });
    const filtered = apply(wide, keys(text('/'), text('1'), press('return')));
    // f000001, f000010 … f000019, f000021
    expect(visibleMatrixRows(filtered)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21]);
    const down = apply(filtered, keys(...Array.from({ length: 7 }, () => text('j'))));
    expect(down.cursor.row).toBe(16);
    expect(down.top).toBe(3);
  });
});
