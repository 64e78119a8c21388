// The message git will record from an edited file: CRLF, scissors, comments and blank lines cleaned.
import { SCISSORS } from './comment-char.js';

interface CleanOptions {
  /** Strip lines starting with this and cut at its scissors line; null keeps every line (history). */
  commentChar: string | null;
}

const BLANKS = new Set([' ', '\t', '\r', '\v', '\f']);

/** `line.replace(/[ \t\r\v\f]+$/, '')` without the regex, which retries at every blank: O(n²) on a line of spaces. */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && BLANKS.has(line[end - 1] as string)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * git's `--cleanup=strip` (plus `scissors` under `git commit -v`): lines are cut at the scissors
 * line, comment lines dropped, trailing whitespace removed, runs of blank lines collapsed to one,
 * and leading/trailing blank lines removed. An empty result is a message git refuses to commit.
 * commitlint skips such messages as valid; shipwright refuses them, so this decides emptiness.
 */
export function cleanMessage(text: string, options: CleanOptions): string {
  const { commentChar } = options;
  let lines = text.replace(/\r\n/g, '\n').split('\n');
  if (commentChar !== null) {
    const cut = lines.indexOf(`${commentChar} ${SCISSORS}`);
    if (cut !== -1) lines = lines.slice(0, cut);
    lines = lines.filter((line) => !line.startsWith(commentChar));
  }
  const kept: string[] = [];
  for (const line of lines.map(trimTrailingBlanks)) {
    if (line.length === 0 && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/** The first line of a cleaned message; null when it is empty. */
export const headerOf = (cleaned: string): string | null =>
  cleaned.length === 0 ? null : (cleaned.split('\n')[0] ?? null);
