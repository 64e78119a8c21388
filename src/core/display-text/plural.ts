// Counts as a person writes them: "1 commit", "2 commits", "5 fixes", "3 branches", "2 entries".
// The irregular ones are given (`plural(n, 'person', 'people')`); the English rules cover the rest.

/** The plural of a regular English noun: -s, -es after s/x/z/ch/sh, -ies after a consonant and y. */
export function pluralOf(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** `3 fixes`, `1 fix`; `many` for a word the rules do not cover. */
export const plural = (count: number, one: string, many: string = pluralOf(one)): string =>
  `${count} ${count === 1 ? one : many}`;
