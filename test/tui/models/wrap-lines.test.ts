// Wrapping the scrolled texts: at spaces, list items hanging under their text, long words split.
import { describe, expect, it } from 'vitest';
import { wrapLine, wrapLines } from '../../../src/tui/models/wrap-lines.js';

describe('wrapLine', () => {
  it('keeps a line that fits', () => {
    expect(wrapLine('* **export:** keep zeros', 40)).toEqual(['* **export:** keep zeros']);
  });

  it('wraps a changelog item at spaces, the rest under its text, so the closes part shows', () => {
    const line = '* **search:** filter by label ([a1b2c3d](https://example.com/commit/a1b2c3d)), closes #42 #43';
    const lines = wrapLine(line, 60);
    expect(lines).toEqual([
      '* **search:** filter by label',
      '  ([a1b2c3d](https://example.com/commit/a1b2c3d)), closes',
      '  #42 #43',
    ]);
    for (const wrapped of lines) expect([...wrapped].length).toBeLessThanOrEqual(60);
  });

  it('splits a word longer than the width', () => {
    expect(wrapLine('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('indents the plan steps’ continuation under their text', () => {
    expect(wrapLine('  1. push main and v1.4.0 to origin in one atomic push', 30)).toEqual([
      '  1. push main and v1.4.0 to',
      '     origin in one atomic push',
    ]);
  });
});

describe('wrapLines', () => {
  it('keeps each source line’s style on its wrapped lines; null width leaves them', () => {
    const lines = [{ text: 'Plan: release v1.4.0 with a long title', style: 'heading' as const }, { text: '' }];
    expect(wrapLines(lines, 20)).toEqual([
      { text: 'Plan: release v1.4.0', style: 'heading' },
      { text: 'with a long title', style: 'heading' },
      { text: '' },
    ]);
    expect(wrapLines(lines, null)).toEqual(lines);
  });
});
