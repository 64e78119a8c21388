// splitKeys and singleKeys: how bursts of typing and pastes become key events.
import { describe, expect, it } from 'vitest';
import { eraseKey, singleKeys, splitKeys } from '../../src/tui/use-key-input.js';
import { burst, ctrl, NO_KEY, press, text } from './support/keys.js';

const names = (events: ReturnType<typeof splitKeys>) =>
  events.map((event) => (event.key.return ? '⏎' : event.key.tab ? '⇥' : event.key.backspace ? '⌫' : event.input));

describe('splitKeys', () => {
  it('passes a single key through unchanged', () => {
    expect(splitKeys('j', NO_KEY)).toEqual([{ input: 'j', key: NO_KEY }]);
    const enter = press('return');
    expect(splitKeys(enter.input, enter.key)).toEqual([enter]);
  });

  it('splits a burst at Enter, so typing a name and Enter fast still submits', () => {
    expect(names(burst('login form\r'))).toEqual(['login form', '⏎']);
    expect(names(burst('a\rb\nc'))).toEqual(['a', '⏎', 'b', '⏎', 'c']);
  });

  it('treats a pasted CRLF as one Enter', () => {
    expect(names(burst('one\r\ntwo\r\n'))).toEqual(['one', '⏎', 'two', '⏎']);
  });

  it('splits at Tab and Backspace (DEL and BS)', () => {
    expect(names(burst('ab\tc'))).toEqual(['ab', '⇥', 'c']);
    expect(names(burst('ab\u007fc\bd'))).toEqual(['ab', '⌫', 'c', '⌫', 'd']);
  });

  it('keeps a printable run together: a paste is one edit', () => {
    expect(burst('add the export endpoint')).toEqual([text('add the export endpoint')]);
  });

  it('leaves ctrl, meta and escape events alone', () => {
    const c = ctrl('u');
    expect(splitKeys(c.input, c.key)).toEqual([c]);
    const meta = { ...NO_KEY, meta: true };
    expect(splitKeys('ab\r', meta)).toEqual([{ input: 'ab\r', key: meta }]);
  });
});

describe('singleKeys', () => {
  it('turns a run into one event per character (for keymaps outside text fields)', () => {
    expect(singleKeys(text('jjk')).map((event) => event.input)).toEqual(['j', 'j', 'k']);
  });

  it('keeps single keys, special keys and ctrl combinations as they are', () => {
    expect(singleKeys(text('q'))).toEqual([text('q')]);
    expect(singleKeys(press('down'))).toEqual([press('down')]);
    expect(singleKeys(ctrl('s'))).toEqual([ctrl('s')]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(singleKeys(text('é😀')).map((event) => event.input)).toEqual(['é', '😀']);
  });

  it('cuts a Ctrl key typed in the same chunk as text into its own event (Ctrl-U, Ctrl-W)', () => {
    expect(splitKeys('abc\u0015', NO_KEY)).toEqual([
      { input: 'abc', key: NO_KEY },
      { input: 'u', key: { ...NO_KEY, ctrl: true } },
    ]);
    expect(
      splitKeys('x\u0017y', NO_KEY).map((event) => (event.key.ctrl ? `ctrl+${event.input}` : event.input)),
    ).toEqual(['x', 'ctrl+w', 'y']);
  });

  it('tells Backspace (DEL) from Delete (ESC [3~), which Ink reports alike', () => {
    const ink = { ...NO_KEY, delete: true };
    expect(eraseKey(ink, '\u007f')).toMatchObject({ backspace: true, delete: false });
    expect(eraseKey(ink, '\u001b[3~')).toMatchObject({ backspace: false, delete: true });
    expect(eraseKey({ ...NO_KEY, backspace: true }, '\b')).toMatchObject({ backspace: true, delete: false });
    expect(eraseKey(NO_KEY, 'a')).toBe(NO_KEY);
  });
});
