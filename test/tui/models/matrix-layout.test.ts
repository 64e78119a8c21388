// The backport matrix at any terminal size: what fits, names cut with an ellipsis, the window that
// follows the cursor, and the hints for what is off screen.
import { describe, expect, it } from 'vitest';
import {
  columnWidth,
  fit,
  follow,
  labelWidth,
  matrixViewport,
  scrollHints,
} from '../../../src/tui/models/matrix-layout.js';

describe('matrix layout', () => {
  it.each([
    [80, 24, 10, { rows: 14, cols: 5 }],
    [120, 40, 10, { rows: 30, cols: 9 }],
    [40, 10, 10, { rows: 3, cols: 1 }],
  ])('%i×%i leaves room for rows and branch columns', (width, height, chrome, viewport) => {
    expect(matrixViewport(width, height, chrome)).toEqual(viewport);
  });

  it('gives the commit column what the branch columns leave', () => {
    expect(labelWidth(80, 5)).toBe(29);
    expect(labelWidth(80, 2)).toBe(59);
  });

  it('widens branch columns to whole names when there is room, never below the minimum', () => {
    expect(columnWidth(['dev', 'release/1.3.0'], 80)).toBe(14);
    expect(columnWidth(['dev'], 80)).toBe(10);
    expect(columnWidth(['release/1.1.0', 'release/1.2.0', 'release/1.3.0', 'maintenance/1.x', '2.x'], 80)).toBe(10);
    expect(labelWidth(80, 2, 14)).toBe(51);
  });

  it('cuts long names with an ellipsis and pads short ones', () => {
    expect(fit('release/1.3.0', 9)).toBe('release/…');
    expect(fit('dev', 9)).toBe('dev      ');
    expect(fit('main', 4)).toBe('main');
  });

  it('moves the window only as far as the cursor needs', () => {
    expect(follow(0, 0, 5, 20)).toBe(0);
    expect(follow(5, 0, 5, 20)).toBe(1);
    expect(follow(2, 1, 5, 20)).toBe(1);
    expect(follow(0, 4, 5, 20)).toBe(0);
    expect(follow(3, 0, 5, 3)).toBe(0);
  });

  it('says what is off screen in each direction', () => {
    expect(scrollHints(0, 0, { rows: 5, cols: 3 }, 5, 3)).toBe('');
    expect(scrollHints(2, 1, { rows: 5, cols: 3 }, 8, 7)).toBe(
      '↑ 2 more rows · ↓ 1 more row · ← 1 more branch · 3 more branches →',
    );
  });
});
