// git's rules for a tag name (git-check-ref-format(1)), checked in memory: a release of 100
// packages would otherwise start 100 `git check-ref-format` processes before planning.

// Control characters, space, ~ ^ : ? * [ \ and DEL are never allowed.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\x00-\x20~^:?*[\\\x7f]/;

export function isValidTagName(name: string): boolean {
  if (name.length === 0 || name === '@' || FORBIDDEN.test(name)) return false;
  if (name.includes('..') || name.includes('@{') || name.includes('//')) return false;
  if (name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.startsWith('-')) return false;
  return name.split('/').every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'));
}
