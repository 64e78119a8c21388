// Hostile inputs, by family, for the tests under test/hostile/: commit text, names and config an
// attacker wrote. Each family has several forms; test/hostile/corpus.test.ts runs them all through
// every command that prints or writes them.

/** Markdown and HTML that must stay text in CHANGELOG.md and the release notes. */
export const HOSTILE_MARKDOWN = [
  'fix: \\`<img src=x onerror=alert(1)>\\`',
  'fix: `` \\` `` then <script>alert(1)</script>',
  'fix: <svg onload=alert(1)> and <a href="javascript:alert(1)">x</a>',
  'fix: [click](javascript:alert(1)) and ![pic](javascript:alert(2))',
  'fix: [x](JaVaScRiPt:alert(1)) [y](<javascript:alert(1)>) [z]( data:text/html,<b>x</b>)',
  'fix: [ent](javascript&#58;alert(1)) [esc](javascript\\:alert(1)) <javascript:alert(1)>',
  'fix: `code <b>kept</b>` outside <b>escaped</b>',
  'fix: ``unclosed <i>x</i>',
];

/** Terminal control sequences (OSC title, erase, colours, C1, BEL, backspace, CR). */
export const HOSTILE_CONTROLS = [
  'fix: retitle \u001b]0;pwned\u0007 the terminal',
  'fix: clear \u001b[2J\u001b[H the screen',
  'feat: colour \u001b[31mred\u001b[0m text',
  'fix: C1 \u009b2J CSI and \u009d0;t\u009c OSC',
  'fix: bell \u0007 backspace \b\b and a lone \r carriage return',
];

/** Commit types and scopes named after Object.prototype members. */
export const HOSTILE_PROTOTYPE_SUBJECTS = [
  'constructor: boom',
  '__proto__: boom',
  'toString: x',
  'fix(__proto__): scoped',
  'feat(hasOwnProperty): scoped too',
];

/** Text a shell would run if it were ever pasted or evaluated unquoted. */
export const HOSTILE_SHELL_SUBJECTS = [
  'fix: $(touch pwned) and `touch pwned`',
  "fix: '; touch pwned; echo '",
  'feat: "$(touch pwned)" ${IFS} && touch pwned',
];

/** Subjects the bundled parser's reference regex took minutes over (here 100 KB each). */
export const HOSTILE_LONG_SUBJECTS = [
  `fix: ${'a '.repeat(50_000)}x`,
  `fix: ${'#1 '.repeat(33_000)}x`,
  `fix: ${'a'.repeat(100_000)}#1`,
];

/** A body with markup in a breaking-change note and a link reference definition. */
export const HOSTILE_BODY =
  'feat!: breaking\n\nBREAKING CHANGE: <iframe src=x></iframe> \u001b]0;pwned\u0007\n[ref]: javascript:alert(1)\n\nsee [ref]';

/** Every hostile subject, in the order a corpus repository commits them. */
export const HOSTILE_SUBJECTS_ALL = [
  ...HOSTILE_MARKDOWN,
  ...HOSTILE_CONTROLS,
  ...HOSTILE_PROTOTYPE_SUBJECTS,
  ...HOSTILE_SHELL_SUBJECTS,
  ...HOSTILE_LONG_SUBJECTS,
];

/** Valid git branch names that run `touch pwned` under any unquoted shell reading. */
export const HOSTILE_BRANCHES = ['main$(touch${IFS}pwned)', 'main`touch${IFS}pwned`', "it's;touch${IFS}pwned"];

/** Remote URLs and package.json `repository` values holding markup. */
export const HOSTILE_REMOTES = [
  'https://github.com/acme/<svg onload=alert(1)>.git',
  'git@github.com:acme/app"><svg onload=alert(1)>.git',
  'https://github.com/acme/app)[x](javascript:alert(1)',
];
