// editText: key presses in, the field's text and cursor out.
import { describe, expect, it } from 'vitest';
import { editText, textState, type TextState } from '../../../src/tui/models/text-edit.js';
import type { KeyEvent } from '../../../src/tui/use-key-input.js';
import { ctrl, NO_KEY, press, text } from '../support/keys.js';

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

  it('erases left of the cursor with Backspace, right of it with Delete', () => {
    expect(apply(textState('abc'), [press('backspace')])).toEqual({ value: 'ab', cursor: 2 });
    expect(apply(textState('abc'), [press('left'), press('left'), press('left'), press('backspace')])).toEqual({
      value: 'abc',
      cursor: 0,
    });
    expect(apply(textState('abc'), [press('left'), press('left'), press('delete')])).toEqual({
      value: 'ac',
      cursor: 1,
    });
    expect(apply(textState('abc'), [press('delete')])).toEqual({ value: 'abc', cursor: 3 });
  });

  it('erases the word left of the cursor with Ctrl-W, as readline does', () => {
    expect(apply(textState('add the csv export'), [ctrl('w')])).toEqual({ value: 'add the csv ', cursor: 12 });
    expect(apply(textState('add the csv   '), [ctrl('w')])).toEqual({ value: 'add the ', cursor: 8 });
    expect(apply(textState('word'), [ctrl('w'), ctrl('w')])).toEqual({ value: '', cursor: 0 });
  });

  it('erases and moves by word with Ctrl or Alt, and kills to the end of the line with Ctrl-K, as readline does', () => {
    const alt = (input: string): KeyEvent => ({ input, key: { ...NO_KEY, meta: true } });
    const line = { value: 'add the csv export', cursor: 8 };
    expect(apply(line, [press('backspace', { meta: true })])).toEqual({ value: 'add csv export', cursor: 4 });
    expect(apply(line, [press('backspace', { ctrl: true })])).toEqual({ value: 'add csv export', cursor: 4 });
    expect(apply(line, [press('delete', { ctrl: true })])).toEqual({ value: 'add the  export', cursor: 8 });
    expect(apply(line, [alt('d')])).toEqual({ value: 'add the  export', cursor: 8 });
    expect(apply(line, [press('left', { ctrl: true })])).toEqual({ ...line, cursor: 4 });
    expect(apply(line, [alt('b')])).toEqual({ ...line, cursor: 4 });
    expect(apply(line, [press('right', { meta: true })])).toEqual({ ...line, cursor: 11 });
    expect(apply(line, [alt('f')])).toEqual({ ...line, cursor: 11 });
    expect(apply(line, [ctrl('b'), ctrl('f'), ctrl('f')])).toEqual({ ...line, cursor: 9 });
    expect(apply(line, [ctrl('k')])).toEqual({ value: 'add the ', cursor: 8 });
    expect(apply({ value: 'one two\nthree', cursor: 4 }, [ctrl('k')], true)).toEqual({
      value: 'one \nthree',
      cursor: 4,
    });
  });

  it('goes to the start and end with Home and End (of the line, in a multi-line field)', () => {
    expect(apply(textState('hello'), [press('left'), { input: '', key: { ...NO_KEY, home: true } }])).toEqual({
      value: 'hello',
      cursor: 0,
    });
    expect(apply({ value: 'hello', cursor: 1 }, [{ input: '', key: { ...NO_KEY, end: true } }])).toEqual({
      value: 'hello',
      cursor: 5,
    });
    expect(
      apply({ value: 'one\ntwo\nthree', cursor: 5 }, [{ input: '', key: { ...NO_KEY, home: true } }], true),
    ).toEqual({ value: 'one\ntwo\nthree', cursor: 4 });
    expect(
      apply({ value: 'one\ntwo\nthree', cursor: 5 }, [{ input: '', key: { ...NO_KEY, end: true } }], true),
    ).toEqual({ value: 'one\ntwo\nthree', cursor: 7 });
  });

  it("moves between lines with ↑/↓ in a multi-line field, keeping the column; past the ends it is the screen's key", () => {
    const body = { value: 'first line\nab\nthird line', cursor: 8 };
    const down = editText(body, '', { ...NO_KEY, downArrow: true }, true);
    expect(down).toEqual({ ...body, cursor: 13 });
    expect(editText(down!, '', { ...NO_KEY, downArrow: true }, true)).toEqual({ ...body, cursor: 16 });
    expect(editText({ ...body, cursor: 22 }, '', { ...NO_KEY, upArrow: true }, true)).toEqual({ ...body, cursor: 13 });
    expect(editText({ ...body, cursor: 3 }, '', { ...NO_KEY, upArrow: true }, true)).toBeNull();
    expect(editText({ ...body, cursor: 22 }, '', { ...NO_KEY, downArrow: true }, true)).toBeNull();
    expect(editText(body, '', { ...NO_KEY, downArrow: true }, false)).toBeNull();
  });

  it('has the readline basics: ctrl+a, ctrl+e, ctrl+u', () => {
    expect(apply(textState('hello'), [ctrl('a')])).toEqual({ value: 'hello', cursor: 0 });
    expect(apply(textState('hello'), [ctrl('a'), ctrl('e')])).toEqual({ value: 'hello', cursor: 5 });
    expect(
      apply(textState('hello world'), [
        press('left'),
        press('left'),
        press('left'),
        press('left'),
        press('left'),
        ctrl('u'),
      ]),
    ).toEqual({ value: 'world', cursor: 0 });
  });

  it('leaves Enter to the screen in a one-line field and inserts a newline in a multi-line one', () => {
    expect(editText(textState('a'), '', press('return').key)).toBeNull();
    expect(editText(textState('a'), '', press('return').key, true)).toEqual({ value: 'a\n', cursor: 2 });
  });

  it('leaves navigation and other control keys to the screen', () => {
    for (const event of [
      press('tab'),
      press('escape'),
      press('up'),
      press('down'),
      press('pageup'),
      press('pagedown'),
      ctrl('s'),
    ]) {
      expect(editText(textState('a'), event.input, event.key)).toBeNull();
    }
    expect(editText(textState('a'), '', text('').key)).toBeNull();
  });

  it('takes a paste as one edit, dropping control characters a one-line field cannot hold', () => {
    expect(apply(textState('fix '), [text('the\u0007 bug\nnow')])).toEqual({ value: 'fix the bugnow', cursor: 14 });
  });

  it('keeps newlines of a paste in a multi-line field, CRLF as one newline', () => {
    expect(apply(textState(''), [text('one\r\ntwo\rthree\u001b')], true)).toEqual({
      value: 'one\ntwo\nthree',
      cursor: 13,
    });
  });

  it('does nothing for a paste of only control characters', () => {
    expect(editText(textState('a'), '\u0001\u0002', text('').key)).toBeNull();
  });
});
