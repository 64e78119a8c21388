// The commit types a composer offers: from the commit rules' type-enum, described, with their version effect.
import { ownValue } from '../own-property.js';
import { bumpForType, type Bump, type BumpRules } from '../version/bump-rules.js';

export interface CommitTypeChoice {
  type: string;
  description: string;
  /** What a commit of this type does to the next version; null: no release on its own. */
  effect: Bump | null;
}

const DESCRIPTIONS: Record<string, string> = {
  feat: 'a new feature',
  fix: 'a bug fix',
  perf: 'a change that makes it faster',
  refactor: 'neither fixes a bug nor adds a feature',
  docs: 'documentation only',
  test: 'adding or correcting tests',
  build: 'build system or dependencies',
  ci: 'CI configuration and scripts',
  chore: 'other changes that do not touch src or tests',
  style: 'formatting, white space, semicolons',
  revert: 'reverts a previous commit',
};

const DEFAULT_TYPES = ['feat', 'fix', 'perf', 'refactor', 'docs', 'test', 'build', 'ci', 'chore', 'style', 'revert'];

/** `type-enum` from commitlint rules, e.g. [2, 'always', ['feat', ...]], else the conventional list. */
export function typesFromRules(rules: Record<string, unknown>): string[] {
  const rule = rules['type-enum'];
  if (
    Array.isArray(rule) &&
    rule[1] !== 'never' &&
    Array.isArray(rule[2]) &&
    rule[2].every((t) => typeof t === 'string')
  )
    return rule[2] as string[];
  return DEFAULT_TYPES;
}

export function commitTypeChoices(types: readonly string[], rules: BumpRules): CommitTypeChoice[] {
  return types.map((type) => ({
    type,
    description: ownValue(DESCRIPTIONS, type) ?? '',
    effect: bumpForType(type, rules),
  }));
}
