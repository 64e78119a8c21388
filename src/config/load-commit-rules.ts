// The commit rules: the repository's commitlint config via @commitlint/load, else config-conventional.
import { createRequire } from 'node:module';
import type load from '@commitlint/load';
import type lint from '@commitlint/lint';
import { environmentError } from '../core/errors.js';

type QualifiedConfig = Awaited<ReturnType<typeof load>>;
type CommitRuleSet = QualifiedConfig['rules'];
export type LintOptions = NonNullable<Parameters<typeof lint>[2]>;

export interface CommitRules {
  /** `repo`: a commitlint config with rules was found; `default`: @commitlint/config-conventional. */
  source: 'repo' | 'default';
  extends: string[];
  rules: CommitRuleSet;
  /** For @commitlint/lint, built as @commitlint/cli builds them; add the comment char per message. */
  lintOptions: LintOptions;
  helpUrl: string;
}

/** commitlint's helpUrl when the config sets none: not worth printing. */
export const DEFAULT_HELP_URL = 'https://github.com/conventional-changelog/commitlint/#what-is-commitlint';

/**
 * Resolved from shipwright's own install, as a file: a repository without the package installed
 * still gets the rules, and @commitlint/resolve-extends cannot import a bare directory path.
 */
const CONFIG_CONVENTIONAL = createRequire(import.meta.url).resolve('@commitlint/config-conventional');

/** Mirrors selectParserOpts in @commitlint/cli/lib/cli.js. */
function selectParserOpts(parserPreset: unknown): LintOptions['parserOpts'] | undefined {
  if (typeof parserPreset !== 'object' || parserPreset === null) return undefined;
  const { parserOpts } = parserPreset as { parserOpts?: unknown };
  if (typeof parserOpts !== 'object') return undefined;
  return (parserOpts ?? undefined) as LintOptions['parserOpts'] | undefined;
}

/** The option object @commitlint/cli passes to lint(), field for field (cli.js, `const opts = …`). */
function toLintOptions(loaded: QualifiedConfig): LintOptions {
  const opts: LintOptions = { parserOpts: {}, plugins: {}, ignores: [], defaultIgnores: true };
  const parserOpts = selectParserOpts(loaded.parserPreset);
  if (parserOpts) opts.parserOpts = parserOpts;
  if (loaded.plugins) opts.plugins = loaded.plugins;
  if (loaded.ignores) opts.ignores = loaded.ignores;
  if (loaded.defaultIgnores === false) opts.defaultIgnores = false;
  return opts;
}

/** commitlint sets parserOpts.commentChar only when it reads an edited file (`--edit`), never for history. */
export const withCommentChar = (opts: LintOptions, commentChar: string): LintOptions => ({
  ...opts,
  parserOpts: { ...opts.parserOpts, commentChar },
});

async function loadOrExplain(seed: Parameters<typeof load>[0], cwd: string): Promise<QualifiedConfig> {
  try {
    // Loaded on demand: @commitlint/load and its config loaders are the slow part of a hook run,
    // and a warm commit-msg hook reads the cached rules instead (cached-commit-rules.ts).
    const { default: loadConfig } = await import('@commitlint/load');
    return await loadConfig(seed, { cwd });
  } catch (error) {
    throw environmentError(`The commitlint config could not be loaded: ${(error as Error).message.split('\n')[0]}`, {
      code: 'commitlint-config-invalid',
      fix: 'fix the config, then check what commitlint makes of it: npx commitlint --print-config',
      cause: error,
    });
  }
}

/**
 * Searches from `cwd` upwards exactly as `commitlint` does (it passes its --cwd, not the git root),
 * so extends/plugins/parserPreset resolve relative to the config file. commitlint fails with
 * `empty-rules` when nothing defines a rule; shipwright's contract is config-conventional instead,
 * merged with whatever the (rule-less) config does say, e.g. ignores.
 */
export async function loadCommitRules(cwd: string): Promise<CommitRules> {
  let source: CommitRules['source'] = 'repo';
  let loaded = await loadOrExplain({}, cwd);
  if (Object.keys(loaded.rules).length === 0) {
    source = 'default';
    loaded = await loadOrExplain({ extends: [CONFIG_CONVENTIONAL] }, cwd);
  }
  return {
    source,
    extends: loaded.extends,
    rules: loaded.rules,
    lintOptions: toLintOptions(loaded),
    helpUrl: loaded.helpUrl,
  };
}
