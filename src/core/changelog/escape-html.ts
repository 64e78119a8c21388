// Commit text is untrusted: a subject like `<img onerror=...>` must not become HTML in CHANGELOG.md.

/** Escapes `<` and `>` outside backtick code spans (Markdown shows code spans literally). */
export function escapeHtmlOutsideCode(text: string): string {
  if (!text.includes('<') && !text.includes('>')) return text;
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}
