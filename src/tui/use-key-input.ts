// Ink delivers fast typing and pastes as one input string ("j\r" arrives together). Screens get
// one event per key instead, so Enter inside a burst still means Enter.
import { useInput, useStdin, type Key } from 'ink';
import { useContext, useEffect, useRef } from 'react';
import { HelpContext } from './help-overlay.js';

export interface KeyEvent {
  input: string;
  key: Key;
}

/** A key event with no modifier or special key set (a plain character). */
export const NO_KEY: Key = {
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

/**
 * Splits a burst at Enter, Tab and Backspace; printable runs stay together (a paste is one edit).
 * A pasted CRLF is one Enter, not two.
 */
export function splitKeys(input: string, key: Key): KeyEvent[] {
  if (input.length <= 1 || key.ctrl || key.meta || key.escape) return [{ input, key }];
  const events: KeyEvent[] = [];
  let run = '';
  const flush = () => {
    if (run) events.push({ input: run, key: NO_KEY });
    run = '';
  };
  let previous = '';
  for (const char of input) {
    const crlf = previous === '\r' && char === '\n';
    previous = char;
    if (crlf) continue;
    if (char === '\r' || char === '\n') {
      flush();
      events.push({ input: '', key: { ...NO_KEY, return: true } });
    } else if (char === '\t') {
      flush();
      events.push({ input: '', key: { ...NO_KEY, tab: true } });
    } else if (char === '\x7f' || char === '\b') {
      flush();
      events.push({ input: '', key: { ...NO_KEY, backspace: true } });
    } else if (char >= '\x01' && char <= '\x1a') {
      // Ctrl+letter typed in the same chunk as text (Ctrl-U right after typing): a key of its own.
      flush();
      events.push({ input: String.fromCharCode(char.charCodeAt(0) + 96), key: { ...NO_KEY, ctrl: true } });
    } else run += char;
  }
  flush();
  return events;
}

/**
 * One event per character of a printable run, for keymaps outside text fields: "jj" typed fast
 * (or a held key) arrives as one run and must move twice.
 */
export function singleKeys(event: KeyEvent): KeyEvent[] {
  const chars = [...event.input];
  if (chars.length <= 1 || event.key.ctrl || event.key.meta) return [event];
  return chars.map((input) => ({ input, key: event.key }));
}

/**
 * Ink reports both the Backspace key (DEL, 0x7f) and the Delete key (ESC [3~) as `key.delete`; the
 * raw sequence tells them apart: Backspace becomes `backspace`, only Delete stays `delete`.
 */
export function eraseKey(key: Key, raw: string): Key {
  if (!key.delete && !key.backspace) return key;
  const forward = raw.startsWith('\u001b[3');
  return { ...key, backspace: !forward, delete: forward };
}

export function useKeyInput(handler: (event: KeyEvent) => void, options?: { isActive?: boolean }): void {
  // Ink's own stream of raw key sequences: this listener is added before useInput's, so it has
  // seen the sequence by the time the handler runs.
  const { internal_eventEmitter: keys } = useStdin();
  const raw = useRef('');
  const help = useContext(HelpContext);
  useEffect(() => {
    const remember = (data: unknown) => void (raw.current = String(data));
    keys?.on('input', remember);
    return () => void keys?.off('input', remember);
  }, [keys]);
  useInput((input, key) => {
    // The `?` overlay has the keys while it shows.
    if (help.open) return;
    for (const event of splitKeys(input, eraseKey(key, raw.current))) handler(event);
  }, options);
}
