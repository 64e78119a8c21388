// A cursor over a list that wraps around, and the window of rows that fits on screen.

export const moveCursor = (index: number, delta: number, length: number): number => (length === 0 ? 0 : (index + delta + length * 10) % length);

/** First row to show so that `index` stays visible in `height` rows. */
export function scrollTop(index: number, top: number, height: number): number {
  if (index < top) return index;
  if (index >= top + height) return index - height + 1;
  return top;
}

/** Clamps a scroll offset for `total` lines in a `height`-line viewport. */
export const clampScroll = (offset: number, total: number, height: number): number => Math.max(0, Math.min(offset, Math.max(0, total - height)));
