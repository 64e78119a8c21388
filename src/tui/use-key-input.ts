// Ink delivers fast typing and pastes as one input string ("j\r" arrives together). Screens get
// one event per key instead, so Enter inside a burst still means Enter.
import { useInput, type Key } from 'ink';

export interface KeyEvent {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Splits a burst at Enter, Tab and Backspace; printable runs stay together (a paste is one edit). */
export function splitKeys(input: string, key: Key): KeyEvent[] {
  if (input.length <= 1 || key.ctrl || key.meta || key.escape) return [{ input, key }];
  const events: KeyEvent[] = [];
  let run = '';
  const flush = () => {
    if (run) events.push({ input: run, key: NO_KEY });
    run = '';
  };
  for (const char of input) {
    if (char === '\r' || char === '\n') {
      flush();
      events.push({ input: '', key: { ...NO_KEY, return: true } });
    } else if (char === '\t') {
      flush();
      events.push({ input: '', key: { ...NO_KEY, tab: true } });
    } else if (char === '\x7f' || char === '\b') {
      flush();
      events.push({ input: '', key: { ...NO_KEY, backspace: true } });
    } else run += char;
  }
  flush();
  return events;
}

export function useKeyInput(handler: (event: KeyEvent) => void, options?: { isActive?: boolean }): void {
  useInput((input, key) => {
    for (const event of splitKeys(input, key)) handler(event);
  }, options);
}
