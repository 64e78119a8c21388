// `/` filters a list, as in less and lazygit: typing narrows it (case-insensitive, anywhere in the
// row), Enter keeps the filter and gives the keys back to the list, Esc clears it (a kept one too).
import { matchKey, type KeyBinding, type Keymap } from '../keymap.js';
import type { KeyEvent } from '../use-key-input.js';
import { moveCursor } from './list-cursor.js';
import { editText, textState, type TextState } from './text-edit.js';

export interface ListFilter {
  query: TextState;
  /** The query line has the keys (after `/`, until Enter or Esc). */
  editing: boolean;
}

export const noFilter = (): ListFilter => ({ query: textState(), editing: false });

type FilterAction = 'filter' | 'keep' | 'clear';
/** For a list's keymap (and help bar). */
export const FILTER_BINDING: KeyBinding<'filter'> = { keys: ['/'], action: 'filter', description: 'filter' };
/** While typing the filter: the help bar shows these instead of the list's keys. */
export const FILTERING_KEYS: Keymap<FilterAction> = [
  { keys: ['return'], action: 'keep', description: 'keep filter' },
  { keys: ['escape'], action: 'clear', description: 'clear filter' },
];

/** The rows (indexes into `texts`) the filter lets through, in their order. */
export function visibleRows(texts: readonly string[], filter: ListFilter): number[] {
  const query = filter.query.value.trim().toLowerCase();
  return texts.flatMap((text, index) => (query === '' || text.toLowerCase().includes(query) ? [index] : []));
}

/** The filter after a key, or null when the key is not the filter's (the list handles it). */
export function filterKey(filter: ListFilter, event: KeyEvent): ListFilter | null {
  if (!filter.editing) {
    if (matchKey([FILTER_BINDING], event.input, event.key)) return { ...filter, editing: true };
    // A kept filter: Esc clears it first (the next Esc is the list's own, usually back).
    if (filter.query.value !== '' && event.key.escape) return noFilter();
    return null;
  }
  const action = matchKey(FILTERING_KEYS, event.input, event.key);
  if (action === 'keep') return { ...filter, editing: false };
  if (action === 'clear') return noFilter();
  return { ...filter, query: editText(filter.query, event.input, event.key) ?? filter.query };
}

/** The cursor on a visible row: kept when it still shows, else the first visible row (-1: none). */
export function keepCursorVisible(cursor: number, visible: readonly number[]): number {
  return visible.includes(cursor) ? cursor : (visible[0] ?? -1);
}

/** Moves the cursor by `delta` among the visible rows only. */
export function moveVisible(cursor: number, delta: number, visible: readonly number[]): number {
  const at = visible.indexOf(cursor);
  if (visible.length === 0) return cursor;
  return visible[moveCursor(at === -1 ? 0 : at, at === -1 ? 0 : delta, visible.length)] ?? cursor;
}
