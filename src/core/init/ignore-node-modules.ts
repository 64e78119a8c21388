// `node_modules` in .gitignore: hooks install tools there, and a first `git add -A` would otherwise
// commit them (and the secret scan would read every vendored file).

const IGNORES_NODE_MODULES = /^\s*(\*\*\/|\/)?node_modules\/?\s*$/m;

/** The .gitignore text with `node_modules/` added (the file's own line ends kept), or null when it is ignored already. */
export function ignoreNodeModules(text: string | null): string | null {
  if (text !== null && IGNORES_NODE_MODULES.test(text)) return null;
  if (text === null || text.length === 0) return 'node_modules/\n';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `${text}${/\r?\n$/.test(text) ? '' : eol}node_modules/${eol}`;
}
