// How the backport matrix fits a terminal: column widths, the window of rows and branches on screen,
// names cut with an ellipsis, and the "more this way" hints. Pure, so any size can be tested.
import { plural } from '../../core/display-text/plural.js';

/** Each branch column: up to 9 characters of its name and a space. */
const CELL_WIDTH = 10;
/** The commit column (short hash and header) never gets narrower than this. */
const MIN_LABEL_WIDTH = 28;

export interface Viewport {
  /** Commit rows that fit. */
  rows: number;
  /** Branch columns that fit. */
  cols: number;
}

/** Rows and columns for a terminal of `width` × `height`, leaving `chromeRows` to the frame and the lines around the grid. */
export function matrixViewport(width: number, height: number, chromeRows: number): Viewport {
  return {
    rows: Math.max(3, height - chromeRows),
    cols: Math.max(1, Math.floor((width - MIN_LABEL_WIDTH) / CELL_WIDTH)),
  };
}

/** Branch columns widen to show whole names when the terminal has the room (never past 24). */
export function columnWidth(names: readonly string[], width: number): number {
  const longest = Math.max(0, ...names.map((name) => [...name].length));
  const room = Math.floor((width - 1 - MIN_LABEL_WIDTH) / Math.max(1, names.length));
  return Math.max(CELL_WIDTH, Math.min(longest + 1, room, 24));
}

/** The label column gets what the visible branch columns leave (one column of slack for the cursor). */
export const labelWidth = (width: number, visibleCols: number, cellWidth = CELL_WIDTH): number =>
  Math.max(MIN_LABEL_WIDTH, width - 1 - visibleCols * cellWidth);

/** `release/1.3.0` in 9 → `release/…`; shorter text is padded to `width`. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** The first index to show so that `index` stays within `size` items (the offset moves only as needed). */
export function follow(index: number, offset: number, size: number, total: number): number {
  let next = offset;
  if (index < next) next = index;
  if (index >= next + size) next = index - size + 1;
  return Math.max(0, Math.min(next, Math.max(0, total - size)));
}

/** `↑ 2 more rows · ↓ 5 more rows · ← 1 more branch · 3 more branches →`, or '' when all of it shows. */
export function scrollHints(
  top: number,
  left: number,
  viewport: Viewport,
  totalRows: number,
  totalCols: number,
): string {
  const hints: string[] = [];
  const below = totalRows - top - viewport.rows;
  const right = totalCols - left - viewport.cols;
  if (top > 0) hints.push(`↑ ${plural(top, 'more row', 'more rows')}`);
  if (below > 0) hints.push(`↓ ${plural(below, 'more row', 'more rows')}`);
  if (left > 0) hints.push(`← ${plural(left, 'more branch', 'more branches')}`);
  if (right > 0) hints.push(`${plural(right, 'more branch', 'more branches')} →`);
  return hints.join(' · ');
}
