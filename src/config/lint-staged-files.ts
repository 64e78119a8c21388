// Where lint-staged looks for its configuration, in its own search order, and in what format.

type LintStagedFormat = 'json' | 'package.json' | 'code';

export const LINT_STAGED_FILES: readonly [string, LintStagedFormat][] = [
  ['.lintstagedrc', 'json'],
  ['.lintstagedrc.json', 'json'],
  ['.lintstagedrc.yaml', 'code'],
  ['.lintstagedrc.yml', 'code'],
  ['.lintstagedrc.mjs', 'code'],
  ['.lintstagedrc.js', 'code'],
  ['.lintstagedrc.cjs', 'code'],
  ['lint-staged.config.mjs', 'code'],
  ['lint-staged.config.js', 'code'],
  ['lint-staged.config.cjs', 'code'],
  ['lint-staged.config.ts', 'code'],
  ['lint-staged.config.mts', 'code'],
  ['lint-staged.config.cts', 'code'],
];
