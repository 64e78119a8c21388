// Lint rules: typescript-eslint strict-ish defaults plus the layer boundaries DESIGN.md draws.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Only src/engine writes: git/write-* is its private toolbox. */
const WRITES_ONLY_IN_ENGINE = {
  group: ['**/git/write-*'],
  message: 'only src/engine imports git/write-*: everything else returns a Plan the engine executes.',
};

/** no-restricted-imports does not see `import()`: the same write-* rule for dynamic imports. */
const NO_DYNAMIC_WRITE_IMPORT = {
  selector: 'ImportExpression[source.value=/git\\/write-/]',
  message: 'only src/engine imports git/write-*: everything else returns a Plan the engine executes.',
};

/** The CLI's one way into the engine is applyPlan (src/cli/run-plan.ts): confirmation, --dry-run, --json, progress. */
const EXECUTE_ONLY_IN_RUN_PLAN = [
  'ImportExpression[source.value=/engine\\/execute-plan/]',
  "ImportDeclaration[source.value=/engine\\/execute-plan/][importKind!='type']",
].map((selector) => ({
  selector,
  message: 'the CLI runs plans through applyPlan in src/cli/run-plan.ts, nothing else.',
}));

/** A prerelease is what semver says it is: `1.0.0+build-7` has a '-' and is no prerelease. */
const NO_DASH_PRERELEASE = {
  selector: "CallExpression[callee.property.name='includes'][arguments.length=1][arguments.0.value='-']",
  message: "use semver.prerelease(version) !== null, not includes('-'), to tell a prerelease.",
};

/** The rules of src/core's files; `outside` is the import prefix that leaves src/core from them. */
function coreBlock(files, outside) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os', 'process'],
              message: 'src/core is pure: no Node built-ins. Pass data in from src/cli or src/engine.',
            },
            { group: ['react', 'react/*', 'ink', 'ink/*'], message: 'src/core must not import UI code.' },
            { group: ['execa'], message: 'src/core must not run git; src/git reads, src/engine writes.' },
            {
              group: [outside],
              message:
                'src/core imports nothing outside src/core (types included): config, git and the layers above import it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: take values as arguments.' }],
    },
  };
}

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
    languageOptions: {
      globals: { Buffer: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    // The launcher is CommonJS (bin/package.json) so hooks skip Node's ESM loader.
    files: ['bin/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // src/core is pure: no I/O, no process, no UI, no git, and nothing from the layers above it.
  // Its files sit at src/core/*.ts and src/core/TOPIC/*.ts, so leaving src/core is `../` or `../../`.
  coreBlock(['src/core/*.ts'], '../*'),
  coreBlock(['src/core/*/**/*.ts'], '../../*'),
  {
    // A prerelease is what semver says it is, in the source and in the tests' data builders.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts', 'test/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', NO_DASH_PRERELEASE] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/engine/**', 'src/git/**'],
    rules: { 'no-restricted-syntax': ['error', NO_DASH_PRERELEASE, NO_DYNAMIC_WRITE_IMPORT] },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/run-plan.ts'],
    rules: {
      'no-restricted-syntax': ['error', NO_DASH_PRERELEASE, NO_DYNAMIC_WRITE_IMPORT, ...EXECUTE_ONLY_IN_RUN_PLAN],
    },
  },
  {
    // Hooks must stay cheap: never load the TUI; they share output code with the CLI through src/output.
    files: ['src/hooks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'ink', 'ink/*', '**/tui/**'],
              message: 'hooks must not load React/Ink (start-up cost).',
            },
            {
              group: ['**/cli/**'],
              message: 'hooks must not import the CLI; shared output and error code lives in src/output.',
            },
            WRITES_ONLY_IN_ENGINE,
          ],
        },
      ],
    },
  },
  {
    // Use cases gather, compute with core and return plans; they know nothing of who renders them.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tui/**', '**/cli/**', '**/hooks/**', 'react', 'ink'],
              message: 'src/app must not import screens, commands or hooks; the service interfaces live in src/app.',
            },
            WRITES_ONLY_IN_ENGINE,
          ],
        },
      ],
    },
  },
  {
    // src/git is the bottom adapter: it runs git and parses what git says with core's models only.
    files: ['src/git/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../core', 'react', 'ink'],
              message: 'src/git imports only src/core (and its own files); config, app and the rest sit above it.',
            },
            WRITES_ONLY_IN_ENGINE,
          ],
        },
      ],
    },
  },
  {
    // The config loader and shared output import downwards only.
    files: ['src/config/**/*.ts', 'src/output/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tui/**', '**/cli/**', '**/hooks/**', '**/engine/**', 'react', 'ink'],
              message: 'src/config and src/output import only core, git and config (and app types for output).',
            },
            WRITES_ONLY_IN_ENGINE,
          ],
        },
      ],
    },
  },
  {
    // The engine executes plans; it never reaches up into use cases or user interfaces.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tui/**', '**/cli/**', '**/hooks/**', '**/app/**', 'react', 'ink'],
              message: 'src/engine runs plans; it must not import app, cli, tui or hooks.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WRITES_ONLY_IN_ENGINE] }] },
  },
  {
    // The TUI renders and dispatches; it never runs git or touches files.
    files: ['src/tui/**/*.ts', 'src/tui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:fs', 'node:child_process', 'execa', '**/git/**'],
              message: 'screens dispatch actions to the services src/app hands them; they never reach git.',
            },
            {
              group: ['**/cli/**', '**/hooks/**', '**/engine/**'],
              message: 'screens depend on the service interfaces in src/app, not on the CLI, hooks or engine.',
            },
          ],
        },
      ],
    },
  },
);
