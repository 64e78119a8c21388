// Lint rules: typescript-eslint strict-ish defaults plus the layer boundaries DESIGN.md draws.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/changelog/fixtures/**/work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // bench/ is plain Node ESM scripts (no TypeScript): Node's globals.
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: { Buffer: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    // The launcher is CommonJS (bin/package.json) so hooks skip Node's ESM loader.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // src/core is pure: no I/O, no process, no UI, no git.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os', 'process'], message: 'src/core is pure: no Node built-ins. Pass data in from src/cli or src/engine.' },
          { group: ['react', 'react/*', 'ink', 'ink/*'], message: 'src/core must not import UI code.' },
          { group: ['**/git/**', '**/git', 'execa', 'simple-git'], message: 'src/core must not run git; src/git reads, src/engine writes.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: take values as arguments.' }],
    },
  },
  {
    // Hooks must stay cheap: never load the TUI.
    files: ['src/hooks/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['react', 'react/*', 'ink', 'ink/*', '**/tui/**'], message: 'hooks must not load React/Ink (start-up cost).' }],
      }],
    },
  },
  {
    // The TUI renders and dispatches; it never runs git or touches files.
    files: ['src/tui/**/*.ts', 'src/tui/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['node:fs', 'node:child_process', 'execa', 'simple-git', '**/git/run-git*'], message: 'screens dispatch actions; reads go through src/git, writes through src/engine.' }],
      }],
    },
  },
);
