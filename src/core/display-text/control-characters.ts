// The one sanitizer for text that came from git or config (commit messages, ref names, remote URLs,
// config values) at the edge where it is printed or written: C0 and C1 control characters never
// reach a terminal or a file raw, so a subject cannot retitle the terminal (ESC ]0;…BEL), clear it
// (ESC [2J) or colour what follows.

/** C0 controls but tab and line feed, DEL, and C1 (U+0080–U+009F, which some terminals read as ESC [ and friends). */
// eslint-disable-next-line no-control-regex -- finding control characters is this file's purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** An SGR colour sequence (ESC [ params m): the only escape shipwright itself prints, and only with colour on. */
// eslint-disable-next-line no-control-regex -- an escape sequence starts with one
const SGR = /\u001b\[[0-9;]*m/y;

/** One character escapeControls changes (tests assert that none is left in an output). */
// eslint-disable-next-line no-control-regex -- as CONTROL, without the CRLF exception
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const visible = (char: string): string => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Each control character as visible text (`ESC` → `\x1b`), so what was there can still be read;
 * tab and line feed stay, and so does the CR of a CRLF line end.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (char, offset: number) =>
    char === '\r' && text[offset + 1] === '\n' ? char : visible(char),
  );
}

/**
 * For whole lines of terminal output whose data is already in them: controls escaped, except SGR
 * colour sequences when `colour` is on (shipwright's own ✔/✖ colours; a commit's colour codes,
 * which can only colour, pass too then — everything else an escape could do is escaped).
 */
export function escapeControlsForTerminal(text: string, colour: boolean): string {
  if (!colour) return escapeControls(text);
  let out = '';
  let last = 0;
  for (let i = text.indexOf('\u001b'); i !== -1; i = text.indexOf('\u001b', i + 1)) {
    SGR.lastIndex = i;
    const match = SGR.exec(text);
    if (!match) continue;
    out += escapeControls(text.slice(last, i)) + match[0];
    last = i + match[0].length;
    i = last - 1;
  }
  return out + escapeControls(text.slice(last));
}
