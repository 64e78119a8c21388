// core.commentChar resolution, including `auto` inferred from the file git wrote.
import { describe, expect, it } from 'vitest';
import { inferAutoCommentChar, resolveCommentChar, SCISSORS } from '../../../src/core/lint/comment-char.js';

describe('resolveCommentChar', () => {
  it.each([
    { configured: null, text: 'feat: a\n', expected: '#' },
    { configured: '', text: 'feat: a\n', expected: '#' },
    { configured: '#', text: 'feat: a\n', expected: '#' },
    { configured: ';', text: 'feat: a\n', expected: ';' },
    { configured: '//', text: 'feat: a\n', expected: '//' },
    { configured: 'auto', text: 'feat: a\n\n# Please enter\n', expected: '#' },
  ])('$configured → $expected', ({ configured, text, expected }) => {
    expect(resolveCommentChar(configured, text)).toBe(expected);
  });
});

describe('inferAutoCommentChar', () => {
  it.each([
    { name: 'git comment block with #', text: 'feat: a\n\n# Please enter the commit message\n#\n', expected: '#' },
    {
      name: 'message uses # so git chose ;',
      text: '#12 fix\n\nbody\n\n; Please enter the commit message\n;\n',
      expected: ';',
    },
    { name: '# and ; used so git chose @', text: '#12 fix\n; x\n\n@ Please enter\n', expected: '@' },
    {
      name: 'scissors names the char even with a diff below',
      text: `#1 fix\n\n; Please\n; ${SCISSORS}\ndiff --git a/x b/x\n+# added\n`,
      expected: ';',
    },
    { name: 'CRLF', text: '#1 fix\r\n\r\n; Please\r\n', expected: ';' },
    { name: 'no comments (git commit -m): git rule on the text', text: 'feat: a\n', expected: '#' },
    { name: 'no comments, # used: next free', text: '#12 fix\n', expected: ';' },
    { name: 'empty file', text: '', expected: '#' },
    {
      name: 'empty message: git block after a leading blank line',
      text: '\n# Please enter the commit message\n#\n',
      expected: '#',
    },
    { name: 'two # lines without the blank line git writes', text: '#12 fix\n#13 more\n', expected: ';' },
  ])('$name → $expected', ({ text, expected }) => {
    expect(inferAutoCommentChar(text)).toBe(expected);
  });
});
