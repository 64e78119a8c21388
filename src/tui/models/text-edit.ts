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
export function editText(state: TextState, input: string, key: Key, multiline = false): TextState | null {
  const { value, cursor } = state;
  if (key.leftArrow) return { value, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow) return { value, cursor: Math.min(value.length, cursor + 1) };
  if (key.ctrl && input === 'a') return { value, cursor: 0 };
  if (key.ctrl && input === 'e') return { value, cursor: value.length };
  if (key.ctrl && input === 'u') return { value: value.slice(cursor), cursor: 0 };
  // Terminals send DEL (0x7f) for the backspace key and Ink reports it as `delete`: both erase left.
  if (key.backspace || key.delete) {
    if (cursor === 0) return state;
    return { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
  }
  if (key.return) return multiline ? { value: `${value.slice(0, cursor)}\n${value.slice(cursor)}`, cursor: cursor + 1 } : null;
  if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return null;
  if (!input) return null;
  // Pasted text arrives as one input; keep printable characters and newlines (when allowed).
  const clean = input.replace(/\r\n?/g, '\n').replace(multiline ? /[^\P{C}\n]/gu : /\p{C}/gu, '');
  if (!clean) return null;
  return { value: value.slice(0, cursor) + clean + value.slice(cursor), cursor: cursor + clean.length };
}
