// git's strip/scissors cleanup of an edited message, table-driven.
import { describe, expect, it } from 'vitest';
import { cleanMessage, headerOf } from '../../../src/core/lint/clean-message.js';
import { SCISSORS } from '../../../src/core/lint/comment-char.js';
import { named } from '../../helpers/named.js';

const cases: { name: string; text: string; commentChar: string | null; cleaned: string }[] = [
  { name: 'plain header', text: 'feat: add x\n', commentChar: '#', cleaned: 'feat: add x' },
  { name: 'empty', text: '', commentChar: '#', cleaned: '' },
  { name: 'blank lines only', text: '\n \n\t\n', commentChar: '#', cleaned: '' },
  {
    name: 'comments only',
    text: '# Please enter the commit message\n#\n# On branch main\n',
    commentChar: '#',
    cleaned: '',
  },
  {
    name: 'message then git comment block',
    text: 'fix: y\n\nbody\n\n# Please enter\n# On branch main\n',
    commentChar: '#',
    cleaned: 'fix: y\n\nbody',
  },
  {
    name: 'comment between header and body',
    text: 'fix: y\n# note\n\nbody\n',
    commentChar: '#',
    cleaned: 'fix: y\n\nbody',
  },
  {
    name: 'CRLF line endings',
    text: 'feat: a\r\n\r\nbody line\r\n# c\r\n',
    commentChar: '#',
    cleaned: 'feat: a\n\nbody line',
  },
  { name: 'trailing whitespace and CR stripped', text: 'feat: a  \t\r\n', commentChar: '#', cleaned: 'feat: a' },
  {
    name: 'runs of blank lines collapse',
    text: '\n\nfeat: a\n\n\n\nbody\n\n\n',
    commentChar: '#',
    cleaned: 'feat: a\n\nbody',
  },
  {
    name: 'scissors cut the diff',
    text: `feat: a\n\n# ${SCISSORS}\n# Do not modify\ndiff --git a/x b/x\n+line\n`,
    commentChar: '#',
    cleaned: 'feat: a',
  },
  { name: 'scissors with CRLF', text: `feat: a\r\n# ${SCISSORS}\r\n+x\r\n`, commentChar: '#', cleaned: 'feat: a' },
  {
    name: 'scissors of another comment char are text',
    text: `feat: a\n; ${SCISSORS}\n+x\n`,
    commentChar: '#',
    cleaned: `feat: a\n; ${SCISSORS}\n+x`,
  },
  { name: 'scissors on the first line: empty', text: `# ${SCISSORS}\nfeat: a\n`, commentChar: '#', cleaned: '' },
  {
    name: 'custom comment char ;',
    text: 'feat: a\n# not a comment\n; a comment\n',
    commentChar: ';',
    cleaned: 'feat: a\n# not a comment',
  },
  { name: 'custom scissors ;', text: `feat: a\n; ${SCISSORS}\ndiff\n`, commentChar: ';', cleaned: 'feat: a' },
  {
    name: 'multi-character comment string',
    text: 'feat: a\n// note\n/ kept\n',
    commentChar: '//',
    cleaned: 'feat: a\n/ kept',
  },
  {
    name: 'history: comment lines are content',
    text: '# heading\n\nbody\n',
    commentChar: null,
    cleaned: '# heading\n\nbody',
  },
  {
    name: 'history: scissors are content',
    text: `feat: a\n# ${SCISSORS}\n`,
    commentChar: null,
    cleaned: `feat: a\n# ${SCISSORS}`,
  },
  {
    name: 'indented comment char is not a comment',
    text: 'feat: a\n\n  # indented\n',
    commentChar: '#',
    cleaned: 'feat: a\n\n  # indented',
  },
  {
    name: 'unicode kept',
    text: 'feat: prise en charge des accents — é ✓\n',
    commentChar: '#',
    cleaned: 'feat: prise en charge des accents — é ✓',
  },
];

describe('cleanMessage', () => {
  it.each(named(cases))('%s', (_name, { text, commentChar, cleaned }) => {
    expect(cleanMessage(text, { commentChar })).toBe(cleaned);
  });
});

describe('headerOf', () => {
  it.each([
    ['feat: a\n\nbody', 'feat: a'],
    ['feat: a', 'feat: a'],
    ['', null],
  ] as const)('%j → %j', (cleaned, header) => {
    expect(headerOf(cleaned)).toBe(header);
  });
});
