// A diff as lines to draw: each line's kind (for its colour) and its text made safe for the terminal.
// File content is data: an escape sequence in a changed line is shown as `\x1b[…`, never sent raw.
import { escapeControls } from '../../core/display-text/control-characters.js';

export type DiffLineKind = 'added' | 'removed' | 'hunk' | 'meta' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

const TAB_WIDTH = 8;
/** More lines than anyone scrolls through in a composer; the rest is left to git. */
const MAX_DIFF_LINES = 5000;

/** Tabs to spaces at 8-column stops: a raw tab's width is the terminal's guess, not Ink's. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const char of line) {
    if (char === '\t') out += ' '.repeat(TAB_WIDTH - ([...out].length % TAB_WIDTH));
    else out += char;
  }
  return out;
}

function kindOf(line: string, inHunk: boolean): DiffLineKind {
  if (line.startsWith('@@')) return 'hunk';
  if (!inHunk) return 'meta';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  if (line.startsWith(' ')) return 'context';
  return 'meta';
}

/**
 * `git diff` output as lines: the header lines before the first hunk are meta (so a `+++ b/x` is
 * not an added line), a CRLF file's CR is dropped, and every other control character is escaped.
 */
export function diffLines(text: string, limit = MAX_DIFF_LINES): DiffLine[] {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return [];
  let inHunk = false;
  const shown: DiffLine[] = lines.slice(0, limit).map((raw) => {
    if (raw.startsWith('diff --git ')) inHunk = false;
    const kind = kindOf(raw, inHunk);
    if (kind === 'hunk') inHunk = true;
    return { kind, text: escapeControls(expandTabs(raw.replace(/\r$/, ''))) };
  });
  if (lines.length > limit)
    shown.push({ kind: 'meta', text: `… ${lines.length - limit} more lines: git diff --cached shows them all` });
  return shown;
}
