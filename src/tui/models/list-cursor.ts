// A cursor over a list that wraps around, and the window of rows that fits on screen.

export const moveCursor = (index: number, delta: number, length: number): number =>
  length === 0 ? 0 : (index + delta + length * 10) % length;

/** Clamps a scroll offset for `total` lines in a `height`-line viewport. */
export const clampScroll = (offset: number, total: number, height: number): number =>
  Math.max(0, Math.min(offset, Math.max(0, total - height)));
