// Commands to print for a person to paste into a POSIX shell: each argument arrives as typed.

const SAFE = /^[A-Za-z0-9_.,/:=@%+-]+$/;

/** The word unchanged when the shell would not touch it, else single-quoted (a `'` becomes `'\''`). */
export const quoteShellWord = (word: string): string => (SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

export const shellCommand = (argv: readonly string[]): string => argv.map(quoteShellWord).join(' ');

/** `--flag VALUE`, or `--flag=VALUE` for a value starting with a dash (it would read as an option); quoted. */
export const flagWords = (flag: string, value: string): string =>
  value.startsWith('-') ? quoteShellWord(`${flag}=${value}`) : `${flag} ${quoteShellWord(value)}`;
