// A diff as lines to draw, from data: kinds by position (headers are never added lines) and hostile
// content escaped, never raw.
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/tui/models/diff-view.js';
import { CONTROL_CHARACTER } from '../../../src/core/display-text/control-characters.js';

const DIFF = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1111111..2222222 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -1,2 +1,2 @@',
  ' keep',
  '-old',
  '+new',
  '\\ No newline at end of file',
  '',
].join('\n');

describe('diffLines', () => {
  it('gives each line its kind: the header before the first hunk is meta, +++ and --- included', () => {
    expect(diffLines(DIFF).map((line) => line.kind)).toEqual([
      'meta',
      'meta',
      'meta',
      'meta',
      'hunk',
      'context',
      'removed',
      'added',
      'meta',
    ]);
  });

  it('starts a new header at the next file', () => {
    const two = `${DIFF}diff --git a/b b/b\n--- a/b\n+++ b/b\n@@ -1 +1 @@\n+x\n`;
    expect(
      diffLines(two)
        .slice(9)
        .map((line) => line.kind),
    ).toEqual(['meta', 'meta', 'meta', 'hunk', 'added']);
  });

  it('stops at the limit and says where the rest is', () => {
    const lines = diffLines(`@@ -0,0 +1,5 @@\n+1\n+2\n+3\n+4\n+5\n`, 3);
    expect(lines.map((line) => line.text)).toEqual([
      '@@ -0,0 +1,5 @@',
      '+1',
      '+2',
      '… 3 more lines: git diff --cached shows them all',
    ]);
  });

  it('is empty for no diff', () => {
    expect(diffLines('')).toEqual([]);
  });

  it.each([
    ['an OSC title', '+\u001b]0;pwned\u0007 title', '+\\x1b]0;pwned\\x07 title'],
    ['a screen clear', '+\u001b[2J\u001b[H', '+\\x1b[2J\\x1b[H'],
    ['a C1 CSI', '+\u009b31m red', '+\\x9b31m red'],
    ['a lone CR that would rewrite the line', '+safe\rEVIL', '+safe\\x0dEVIL'],
    ["a CRLF file's line end", '+line\r', '+line'],
    ['a tab, to the next 8-column stop', '+\tx', '+       x'],
  ])('escapes %s', (_name, line, shown) => {
    const [drawn] = diffLines(`@@ -0,0 +1 @@\n${line}\n`).slice(1);
    expect(drawn).toEqual({ kind: 'added', text: shown });
    expect(drawn?.text).not.toMatch(CONTROL_CHARACTER);
  });
});
