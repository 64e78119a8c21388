// Editing a text field from key presses, as a pure function (the field component only draws).
import type { Key } from 'ink';

export interface TextState {
  value: string;
  /** Index into value where typing inserts. */
  cursor: number;
}

export const textState = (value = ''): TextState => ({ value, cursor: value.length });

/**
 * Returns the new state, or null when the key is not an edit (navigation, submit) and belongs to
 * the screen. `multiline` lets return insert a newline.
 */
/** Where the line holding `cursor` starts and ends in `value`. */
function lineAround(value: string, cursor: number): { start: number; end: number } {
  const start = value.lastIndexOf('\n', cursor - 1) + 1;
  const end = value.indexOf('\n', cursor);
  return { start, end: end === -1 ? value.length : end };
}

/** The cursor one line up or down, at the same column (or the line's end); null past the first or last line. */
function verticalMove(value: string, cursor: number, direction: -1 | 1): number | null {
  const { start, end } = lineAround(value, cursor);
  const column = cursor - start;
  if (direction === -1) {
    if (start === 0) return null;
    const above = lineAround(value, start - 1);
    return Math.min(above.start + column, above.end);
  }
  if (end === value.length) return null;
  const below = lineAround(value, end + 1);
  return Math.min(below.start + column, below.end);
}

/** Readline's Ctrl-W: the word left of the cursor and the spaces after it. */
function wordStart(value: string, cursor: number): number {
  let at = cursor;
  while (at > 0 && /\s/.test(value[at - 1]!)) at--;
  while (at > 0 && !/\s/.test(value[at - 1]!)) at--;
  return at;
}

/** Readline's M-f and M-d: past the spaces right of the cursor and the word after them. */
function wordEnd(value: string, cursor: number): number {
  let at = cursor;
  while (at < value.length && /\s/.test(value[at]!)) at++;
  while (at < value.length && !/\s/.test(value[at]!)) at++;
  return at;
}

/** value without [from, to), the cursor at from. */
const cut = (value: string, from: number, to: number): TextState => ({
  value: value.slice(0, from) + value.slice(to),
  cursor: from,
});

/**
 * Returns the new state, or null when the key is not an edit (navigation, submit) and belongs to
 * the screen. `multiline` lets return insert a newline, and ↑/↓ move between lines (null past the
 * first or last, for the screen). Backspace erases left, Delete right (useKeyInput tells them apart);
 * with Ctrl or Alt they erase a word, as ←/→ with Ctrl or Alt (and Alt-B / Alt-F) move by one.
 */
export function editText(state: TextState, input: string, key: Key, multiline = false): TextState | null {
  const { value, cursor } = state;
  const byWord = key.ctrl || key.meta;
  if ((key.leftArrow && byWord) || (key.meta && input === 'b')) return { value, cursor: wordStart(value, cursor) };
  if ((key.rightArrow && byWord) || (key.meta && input === 'f')) return { value, cursor: wordEnd(value, cursor) };
  if (key.leftArrow || (key.ctrl && input === 'b')) return { value, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow || (key.ctrl && input === 'f')) return { value, cursor: Math.min(value.length, cursor + 1) };
  const line = multiline ? lineAround(value, cursor) : { start: 0, end: value.length };
  if ((key.ctrl && input === 'a') || key.home) return { value, cursor: line.start };
  if ((key.ctrl && input === 'e') || key.end) return { value, cursor: line.end };
  if (key.ctrl && input === 'u') return cut(value, line.start, cursor);
  if (key.ctrl && input === 'k') return cut(value, cursor, line.end);
  if ((key.ctrl && input === 'w') || (key.backspace && byWord)) return cut(value, wordStart(value, cursor), cursor);
  if ((key.delete && byWord) || (key.meta && input === 'd')) return cut(value, cursor, wordEnd(value, cursor));
  if (key.backspace) {
    if (cursor === 0) return state;
    return { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
  }
  if (key.delete) {
    if (cursor === value.length) return state;
    return { value: value.slice(0, cursor) + value.slice(cursor + 1), cursor };
  }
  if (multiline && (key.upArrow || key.downArrow)) {
    const moved = verticalMove(value, cursor, key.upArrow ? -1 : 1);
    return moved === null ? null : { value, cursor: moved };
  }
  if (key.return)
    return multiline ? { value: `${value.slice(0, cursor)}\n${value.slice(cursor)}`, cursor: cursor + 1 } : null;
  if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown)
    return null;
  if (!input) return null;
  // Pasted text arrives as one input; keep printable characters and newlines (when allowed).
  const clean = input.replace(/\r\n?/g, '\n').replace(multiline ? /[^\P{C}\n]/gu : /\p{C}/gu, '');
  if (!clean) return null;
  return { value: value.slice(0, cursor) + clean + value.slice(cursor), cursor: cursor + clean.length };
}
