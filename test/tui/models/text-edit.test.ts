// editText: key presses in, the field's text and cursor out.
import { describe, expect, it } from 'vitest';
import { editText, textState, type TextState } from '../../../src/tui/models/text-edit.js';
import type { KeyEvent } from '../../../src/tui/use-key-input.js';
import { ctrl, press, text } from '../support/keys.js';

const apply = (state: TextState, events: KeyEvent[], multiline = false): TextState =>
  events.reduce((current, event) => editText(current, event.input, event.key, multiline) ?? current, state);

describe('editText', () => {
  it('inserts at the cursor and moves it', () => {
    const state = apply(textState('lgin'), [press('left'), press('left'), press('left'), text('o')]);
    expect(state).toEqual({ value: 'login', cursor: 2 });
  });

  it('keeps the cursor inside the text', () => {
    expect(apply(textState('ab'), [press('right'), press('right')])).toEqual({ value: 'ab', cursor: 2 });
    expect(apply(textState('ab'), [press('left'), press('left'), press('left')])).toEqual({ value: 'ab', cursor: 0 });
  });

  it('erases left of the cursor with backspace and with DEL (what terminals send for backspace)', () => {
    expect(apply(textState('abc'), [press('backspace')])).toEqual({ value: 'ab', cursor: 2 });
    expect(apply(textState('abc'), [press('delete')])).toEqual({ value: 'ab', cursor: 2 });
    expect(apply(textState('abc'), [press('left'), press('left'), press('left'), press('backspace')])).toEqual({ value: 'abc', cursor: 0 });
  });

  it('has the readline basics: ctrl+a, ctrl+e, ctrl+u', () => {
    expect(apply(textState('hello'), [ctrl('a')])).toEqual({ value: 'hello', cursor: 0 });
    expect(apply(textState('hello'), [ctrl('a'), ctrl('e')])).toEqual({ value: 'hello', cursor: 5 });
    expect(apply(textState('hello world'), [press('left'), press('left'), press('left'), press('left'), press('left'), ctrl('u')])).toEqual({ value: 'world', cursor: 0 });
  });

  it('leaves Enter to the screen in a one-line field and inserts a newline in a multi-line one', () => {
    expect(editText(textState('a'), '', press('return').key)).toBeNull();
    expect(editText(textState('a'), '', press('return').key, true)).toEqual({ value: 'a\n', cursor: 2 });
  });

  it('leaves navigation and other control keys to the screen', () => {
    for (const event of [press('tab'), press('escape'), press('up'), press('down'), press('pageup'), press('pagedown'), ctrl('s')]) {
      expect(editText(textState('a'), event.input, event.key)).toBeNull();
    }
    expect(editText(textState('a'), '', text('').key)).toBeNull();
  });

  it('takes a paste as one edit, dropping control characters a one-line field cannot hold', () => {
    expect(apply(textState('fix '), [text('the\u0007 bug\nnow')])).toEqual({ value: 'fix the bugnow', cursor: 14 });
  });

  it('keeps newlines of a paste in a multi-line field, CRLF as one newline', () => {
    expect(apply(textState(''), [text('one\r\ntwo\rthree\u001b')], true)).toEqual({ value: 'one\ntwo\nthree', cursor: 13 });
  });

  it('does nothing for a paste of only control characters', () => {
    expect(editText(textState('a'), '\u0001\u0002', text('').key)).toBeNull();
  });
});
