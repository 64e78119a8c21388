// The scopes a composer suggests: commitlint's scope-enum when it lists them (nothing else passes),
// else the workspace's packages and the scopes recent history used.

/** commitlint's scope-enum, e.g. [2, 'always', ['api', 'ui']]: which scopes it allows or refuses. */
interface ScopeRule {
  /** 'always': only these pass; 'never': these are refused. */
  when: 'always' | 'never';
  scopes: string[];
}

/** The scope-enum rule when it is on and lists scopes (level 0 switches a rule off). */
export function scopeRuleOf(rules: Record<string, unknown>): ScopeRule | null {
  const rule = rules['scope-enum'];
  if (!Array.isArray(rule) || typeof rule[0] !== 'number' || rule[0] === 0) return null;
  // A list, or `{ scopes: [...], delimiters }` in newer commitlint configs.
  const value: unknown = rule[2];
  const scopes =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as { scopes?: unknown }).scopes : value;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string') || scopes.length === 0) return null;
  return { when: rule[1] === 'never' ? 'never' : 'always', scopes: scopes as string[] };
}

/**
 * A package's name as a scope, as @commitlint/config-pnpm-scopes and config-lerna-scopes write it:
 * `@acme/api` → `api`.
 */
export const packageScope = (name: string): string => (name.startsWith('@') ? (name.split('/')[1] ?? name) : name);

interface ScopeSources {
  rule: ScopeRule | null;
  /** Workspace package names (none for a single-package repository). */
  packages: readonly string[];
  /** Scopes of recent commits, most used first. */
  recent: readonly string[];
}

/**
 * The suggestions, most likely first. With `scope-enum … always`, exactly its scopes (the recently
 * used ones first); otherwise recent scopes and package scopes, less any the rule refuses.
 */
export function scopeChoices({ rule, packages, recent }: ScopeSources): string[] {
  if (rule?.when === 'always') {
    const allowed = new Set(rule.scopes);
    return [...new Set([...recent.filter((scope) => allowed.has(scope)), ...rule.scopes])];
  }
  const refused = new Set(rule?.scopes ?? []);
  return [...new Set([...recent, ...packages.map(packageScope)])].filter((scope) => scope && !refused.has(scope));
}
