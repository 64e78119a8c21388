// Long lines wrapped to the terminal's width, for the texts the TUI scrolls through (changelog
// preview, release review): at spaces, a list item's continuation under its text, a word longer
// than the width split. Scrolling counts these lines, so nothing ends in "…" out of reach.

/** `  * ` or `1. `: the indent a wrapped list item's next lines get. */
const HANGING = /^(\s*(?:[*+-]|\d+\.|·)\s+|\s+)/;

export function wrapLine(text: string, width: number): string[] {
  const chars = [...text];
  if (width < 8 || chars.length <= width) return [text];
  const indent = ' '.repeat([...(HANGING.exec(text)?.[0] ?? '')].length);
  const room = Math.max(4, width - indent.length);
  const lines: string[] = [];
  let rest = text;
  let first = true;
  while ([...rest].length > (first ? width : room)) {
    const limit = first ? width : room;
    const head = [...rest].slice(0, limit + 1).join('');
    // The last space that keeps the line within the limit, past the indent (else split the word).
    const cut = head.lastIndexOf(' ', limit);
    const at = cut > (first ? indent.length : 0) ? cut : [...rest].slice(0, limit).join('').length;
    lines.push((first ? '' : indent) + rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
    first = false;
  }
  if (rest) lines.push((first ? '' : indent) + rest);
  return lines;
}

/** Every line wrapped; each visual line keeps what its source line carried (its style). */
export function wrapLines<T extends { text: string }>(lines: readonly T[], width: number | null): T[] {
  if (width === null) return [...lines];
  return lines.flatMap((line) => wrapLine(line.text, width).map((text) => ({ ...line, text })));
}
