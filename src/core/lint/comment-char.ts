// Which comment string git used in a message file: core.commentChar as configured, `auto` inferred.

/** git's fallback when core.commentChar is unset. */
const DEFAULT_COMMENT_CHAR = '#';

/** The characters `core.commentChar=auto` picks from, in git's order (builtin/commit.c). */
const AUTO_COMMENT_CHARS = '#;@!$%^&|:';

/** The line `git commit -v` puts above the diff, after the comment string and a space. */
export const SCISSORS = '------------------------ >8 ------------------------';

const splitLines = (text: string): string[] => text.replace(/\r\n/g, '\n').split('\n');

function trailingBlockChar(lines: string[], candidates: string[]): string | undefined {
  let end = lines.length - 1;
  while (end >= 0 && (lines[end] ?? '').trim().length === 0) end--;
  const char = candidates.find((c) => (lines[end] ?? '').startsWith(c));
  if (char === undefined) return undefined;
  let start = end;
  while (start > 0 && (lines[start - 1] ?? '').startsWith(char)) start--;
  return start > 0 && (lines[start - 1] ?? '').trim().length === 0 ? char : undefined;
}

/**
 * With `auto`, git picks the first of AUTO_COMMENT_CHARS that starts no line of the message it
 * prepared, writes its comments with it, and forgets the choice: a commit-msg hook runs in another
 * process, so it must be read back from the file. commitlint passes the literal `auto` to its
 * parser, which then strips nothing; that is why this is written by hand.
 */
export function inferAutoCommentChar(text: string): string {
  const lines = splitLines(text);
  const candidates = [...AUTO_COMMENT_CHARS];
  // 1. `git commit -v`: the scissors line names the character outright.
  const scissors = candidates.find((char) => lines.includes(`${char} ${SCISSORS}`));
  if (scissors) return scissors;
  // 2. git appends its comment block ("Please enter the commit message…") at the end, after a
  //    blank line; a message that merely starts with `#12` has no blank line above it.
  const trailing = trailingBlockChar(lines, candidates);
  if (trailing) return trailing;
  // 3. No comment block (e.g. `git commit -m`): git's own rule applied to the message.
  return candidates.find((char) => !lines.some((line) => line.startsWith(char))) ?? DEFAULT_COMMENT_CHAR;
}

/**
 * The comment string to strip from an edited message, given the raw `core.commentChar` (or
 * `core.commentString`) value: null when unset.
 */
export function resolveCommentChar(configured: string | null, text: string): string {
  if (configured === null || configured.length === 0) return DEFAULT_COMMENT_CHAR;
  if (configured === 'auto') return inferAutoCommentChar(text);
  return configured;
}
