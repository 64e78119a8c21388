// Key events as Ink hands them to screens, for driving reducers without a terminal.
import type { Key } from 'ink';
import { NO_KEY, splitKeys, type KeyEvent } from '../../../src/tui/use-key-input.js';

export { NO_KEY };

type Special =
  'return' | 'escape' | 'tab' | 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'backspace' | 'delete';
const FLAGS: Record<Special, Partial<Key>> = {
  return: { return: true },
  escape: { escape: true, meta: true },
  tab: { tab: true },
  up: { upArrow: true },
  down: { downArrow: true },
  left: { leftArrow: true },
  right: { rightArrow: true },
  pageup: { pageUp: true },
  pagedown: { pageDown: true },
  backspace: { backspace: true },
  delete: { delete: true },
};

/** A non-printing key, as Ink reports it (empty input). */
export const press = (name: Special, extra: Partial<Key> = {}): KeyEvent => ({
  input: '',
  key: { ...NO_KEY, ...FLAGS[name], ...extra },
});

/** Ctrl plus a letter: Ink reports the letter with ctrl set. */
export const ctrl = (letter: string): KeyEvent => ({ input: letter, key: { ...NO_KEY, ctrl: true } });

/** One printable key or run, as one Ink event. */
export const text = (input: string): KeyEvent => ({ input, key: { ...NO_KEY } });

const SINGLE: Record<string, Special> = { '\r': 'return', '\t': 'tab', '\u007f': 'backspace', '\b': 'backspace' };

/**
 * What a burst of typing (or a paste) becomes after Ink and splitKeys: "login form\r" → text,
 * Enter. Ink names a lone special character itself (input '', key.return); a longer chunk comes
 * as one input string that splitKeys cuts up.
 */
export function burst(input: string): KeyEvent[] {
  const special = SINGLE[input];
  return special ? [press(special)] : splitKeys(input, { ...NO_KEY });
}
