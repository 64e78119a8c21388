// Commit text is untrusted: in CHANGELOG.md it must stay text under a CommonMark renderer — no raw
// HTML (`<img onerror=…>`), no link or image to a `javascript:` (or any non-web) URL.
//
// Hand-written because the writer and the preset leave commit text as it is, and Markdown
// libraries render rather than escape: this scans the text as CommonMark reads inline code.
// Outside code spans `<` and `>` become `&lt;` `&gt;` (raw HTML and autolinks need `<`); a
// backslash before ASCII punctuation is an escape there (`` \` `` opens no code span); inside a
// code span backslashes are literal and the span closes at the next backtick run of the same length.

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Destinations a link or image may keep: the web and mail. Relative ones carry no scheme at all. */
const SAFE_DESTINATION = /^(?:https?:\/\/|mailto:)/i;

const escapeAngles = (text: string): string => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A destination right after `](`: unsafe when it names a scheme (or could, once entities and escapes are decoded). */
function unsafeDestination(text: string, at: number): boolean {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
  const rest = text.slice(i, i + 2048);
  if (SAFE_DESTINATION.test(rest)) return false;
  const end = rest.search(/[\s)]/);
  const destination = end === -1 ? rest : rest.slice(0, end);
  return /[:&\\<]/.test(destination);
}

/** Text outside code spans: angles escaped, links and images to unsafe URLs left as plain text. */
function escapeProse(text: string, startsLine: boolean): string {
  let out = '';
  // Only white space since the last line break (a link reference definition starts a line).
  let lineBlank = startsLine;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1] as string)) {
      // An escaped character is literal text, `\<` included: kept as written.
      out += char + (text[i + 1] as string);
      i++;
    } else if (char === ']' && text[i + 1] === '(' && unsafeDestination(text, i + 2)) {
      // `]\(` : no link, the text shows as typed.
      out += ']\\(';
      i++;
    } else if (char === '[' && lineBlank && /^\[[^\]\n]{0,999}\]:/.test(text.slice(i, i + 1003))) {
      // A link reference definition (`[x]: javascript:…` on a line of its own) in a multi-line note.
      out += '\\[';
    } else out += escapeAngles(char);
    if (char === '\n') lineBlank = true;
    else if (char !== ' ' && char !== '\t') lineBlank = false;
  }
  return out;
}

/** The length of the backtick run starting at `at`. */
function runLength(text: string, at: number): number {
  let end = at;
  while (text[end] === '`') end++;
  return end - at;
}

/** Where the code span opened by a run of `length` backticks at `from` closes (the index after it), or -1. */
function closingRun(text: string, from: number, length: number): number {
  for (let i = from; i < text.length;) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    const run = runLength(text, i);
    if (run === length) return i + run;
    i += run;
  }
  return -1;
}

/** Commit text made safe for CommonMark: code spans kept as they are, everything else escaped. */
export function escapeMarkdownText(text: string): string {
  if (!/[<>\]`[\\]/.test(text)) return text;
  let out = '';
  let prose = 0;
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1] as string)) {
      i += 2;
      continue;
    }
    if (char !== '`') {
      i++;
      continue;
    }
    const length = runLength(text, i);
    const close = closingRun(text, i + length, length);
    if (close === -1) {
      // No closing run: these backticks are literal text; the scan goes on after them.
      i += length;
      continue;
    }
    out += escapeProse(text.slice(prose, i), prose === 0) + text.slice(i, close);
    prose = close;
    i = close;
  }
  return out + escapeProse(text.slice(prose), prose === 0);
}

/**
 * What escaped commit text says, as plain text, for places that are not Markdown (the annotated
 * tag message): the escapes escapeMarkdownText adds are undone, so `>=v22` reads `>=v22` there.
 */
export function markdownEscapesToText(markdown: string): string {
  return markdown.replace(/&lt;|&gt;|\]\\\(|\\\[/g, (escape) =>
    escape === '&lt;' ? '<' : escape === '&gt;' ? '>' : escape === '\\[' ? '[' : '](',
  );
}
