// The composer's files step: the changed files (space stages or unstages one, a stages all) over the
// selected file's staged diff (tab moves the keys to it; it scrolls as the changelog does).
import { matchKey, type Keymap } from '../keymap.js';
import type { KeyEvent } from '../use-key-input.js';
import type { DiffLine } from './diff-view.js';
import { clampScroll, moveCursor } from './list-cursor.js';
import { stagedState, toggleRequest, countUnstaged, type ChangedFile, type StageRequest } from './file-staging.js';

export type FilesAction =
  | 'up'
  | 'down'
  | 'toggle'
  | 'stage'
  | 'diff'
  | 'next'
  | 'quit'
  | 'scroll-up'
  | 'scroll-down'
  | 'page-up'
  | 'page-down'
  | 'top'
  | 'bottom'
  | 'list';

export interface FilesView {
  cursor: number;
  /** Which pane the keys move: the file list or the diff. */
  focus: 'list' | 'diff';
  /** The selected file's staged diff once read, for the path it was read for. */
  diff: { path: string; lines: DiffLine[] } | null;
  scroll: number;
  /** The terminal's height: the diff pages by what fits. */
  rows: number;
  /** What the staging step is doing: everything (`a`) or one file's toggle. */
  request: StageRequest | 'all' | null;
  /** Why the last stage or unstage failed, until the next one. */
  error: string | null;
  /** Counts the index changes: a diff read before the last one is stale and dropped. */
  generation: number;
}

export const initialFilesView = (): FilesView => ({
  cursor: 0,
  focus: 'list',
  diff: null,
  scroll: 0,
  rows: 24,
  request: null,
  error: null,
  generation: 0,
});

/** The frame's title, help bar and margins (4 rows), the status line and the diff's heading. */
const FIXED_ROWS = 6;

/** How the body splits at `rows`: a third for the list (fewer when fewer files), the rest for the diff. */
export function filesLayout(rows: number, count: number): { listRows: number; diffRows: number } {
  const room = Math.max(4, rows - FIXED_ROWS);
  const listRows = Math.max(1, Math.min(count, Math.max(3, Math.floor(room / 3))));
  return { listRows, diffRows: Math.max(1, room - listRows) };
}

const LIST_MOVE = [
  { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
  { keys: ['down', 'j'], action: 'down', description: 'move' },
] as const;
const PAGE_FROM_LIST = [
  { keys: ['pageup'], action: 'page-up', description: 'page the diff up', hidden: true },
  { keys: ['pagedown'], action: 'page-down', description: 'page the diff down', hidden: true },
] as const;
const STAGE_ALL = { keys: ['a'], action: 'stage', description: 'stage all' } as const;
const TO_DIFF = { keys: ['tab'], action: 'diff', description: 'diff' } as const;
const NEXT = { keys: ['return'], action: 'next', description: 'next' } as const;
const CLOSE = { keys: ['escape', 'q'], action: 'quit', description: 'close' } as const;

const DIFF_KEYS: Keymap<FilesAction> = [
  { keys: ['up', 'k'], action: 'scroll-up', description: 'scroll', hidden: true },
  { keys: ['down', 'j'], action: 'scroll-down', description: 'scroll' },
  { keys: ['pageup'], action: 'page-up', description: 'page', hidden: true },
  { keys: ['pagedown', 'space'], action: 'page-down', description: 'page' },
  { keys: ['g'], action: 'top', description: 'top' },
  { keys: ['G'], action: 'bottom', description: 'end' },
  { keys: ['tab', 'escape'], action: 'list', description: 'files' },
];

/** Whether the selected file's diff is longer than its pane: only then do the diff's keys do anything. */
function diffScrolls(files: readonly ChangedFile[], view: FilesView): boolean {
  const selected = files[view.cursor];
  const lines = view.diff !== null && view.diff.path === selected?.path ? view.diff.lines.length : 0;
  return lines > filesLayout(view.rows, files.length).diffRows;
}

/**
 * Only keys that do something now: no toggle without files, no "stage all" with nothing to stage,
 * no diff keys for a diff that fits. Ordered so that at 80 columns, when all of them do not fit,
 * the help bar leaves out "stage all" (still in `?`) rather than the way on.
 */
export function filesKeymap(files: readonly ChangedFile[], view: FilesView): Keymap<FilesAction> {
  if (view.focus === 'diff') return DIFF_KEYS;
  const selected = files[view.cursor];
  const scrolls = diffScrolls(files, view);
  const keys: Keymap<FilesAction>[number][] = [];
  if (files.length > 1) keys.push(...LIST_MOVE);
  // The diff pages from the list too; listed in the `?` overlay only.
  if (scrolls) keys.push(...PAGE_FROM_LIST);
  if (selected)
    keys.push({
      keys: ['space'],
      action: 'toggle',
      description: stagedState(selected) === 'staged' ? 'unstage' : 'stage',
    });
  if (files.some((file) => stagedState(file) !== 'unstaged')) keys.push(NEXT);
  if (scrolls) keys.push(TO_DIFF);
  if (countUnstaged(files) > 0) keys.push(STAGE_ALL);
  keys.push(CLOSE);
  return keys;
}

type FilesOutcome = 'next' | 'quit' | 'stage-all' | StageRequest | null;

/** One key on the files step: the view after it and what the composer must do. */
export function onFilesKey(
  view: FilesView,
  files: readonly ChangedFile[],
  event: KeyEvent,
): { view: FilesView; outcome: FilesOutcome } {
  const action = matchKey(filesKeymap(files, view), event.input, event.key);
  const same = { view, outcome: null };
  const total = view.diff?.lines.length ?? 0;
  const height = filesLayout(view.rows, files.length).diffRows;
  const scrollTo = (offset: number) => ({
    view: { ...view, scroll: clampScroll(offset, total, height) },
    outcome: null,
  });
  const selected = files[view.cursor];
  switch (action) {
    case 'up':
    case 'down': {
      const cursor = moveCursor(view.cursor, action === 'up' ? -1 : 1, files.length);
      return { view: { ...view, cursor, scroll: cursor === view.cursor ? view.scroll : 0 }, outcome: null };
    }
    case 'toggle':
      return selected ? { view, outcome: toggleRequest(selected) } : same;
    case 'stage':
      return { view, outcome: 'stage-all' };
    case 'diff':
      return { view: { ...view, focus: 'diff' }, outcome: null };
    case 'list':
      return { view: { ...view, focus: 'list' }, outcome: null };
    case 'next':
      return { view, outcome: 'next' };
    case 'quit':
      return { view, outcome: 'quit' };
    case 'scroll-up':
      return scrollTo(view.scroll - 1);
    case 'scroll-down':
      return scrollTo(view.scroll + 1);
    case 'page-up':
      return scrollTo(view.scroll - height);
    case 'page-down':
      return scrollTo(view.scroll + height);
    case 'top':
      return scrollTo(0);
    case 'bottom':
      return scrollTo(total);
    default:
      return same;
  }
}
