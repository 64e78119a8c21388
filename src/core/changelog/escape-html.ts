// Commit text is untrusted: a subject like `<img onerror=...>` must not become HTML in CHANGELOG.md.

// A code span opens with a run of N backticks and closes with the next run of exactly N (CommonMark).
const CODE_SPAN = /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;

const escapeAngles = (text: string): string => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Escapes `<` and `>` outside code spans (Markdown shows code spans literally). */
export function escapeHtmlOutsideCode(text: string): string {
  if (!text.includes('<') && !text.includes('>')) return text;
  let result = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    result += escapeAngles(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + escapeAngles(text.slice(last));
}
