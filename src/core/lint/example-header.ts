// Example headers that fit a rule set (type-enum, scope-enum, subject-case), best first.

/** A rule as commitlint resolves it: [level 0|1|2, 'always'|'never', value]. */
type RuleEntry = readonly [number, string?, unknown?];
export type RuleSet = Readonly<Record<string, RuleEntry | undefined>>;

const PREFERRED_TYPES = ['feat', 'fix'];
const SUBJECT = 'add support for arrays';
const SCOPE = 'parser';

/** The rule's value when it is switched on with `always`, else undefined. */
function alwaysValue(rules: RuleSet, name: string): unknown {
  const rule = rules[name];
  return rule && rule[0] > 0 && rule[1] === 'always' ? rule[2] : undefined;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];

/** scope-enum's value is a list, or `{ scopes: [...] }` in newer configs. */
function allowedScopes(rules: RuleSet): string[] {
  const value = alwaysValue(rules, 'scope-enum');
  if (value && typeof value === 'object' && !Array.isArray(value) && 'scopes' in value)
    return strings((value as { scopes: unknown }).scopes);
  return strings(value);
}

/**
 * Candidates in order of preference; the caller lints them with the real rules and shows the first
 * that passes, so an unusual config (sentence-case subjects, mandatory scopes) still gets a true example.
 */
export function exampleHeaders(rules: RuleSet): string[] {
  const types = strings(alwaysValue(rules, 'type-enum'));
  const type = PREFERRED_TYPES.find((t) => types.includes(t)) ?? types[0] ?? 'feat';
  const scope = allowedScopes(rules)[0] ?? SCOPE;
  const subjects = [SUBJECT, SUBJECT.charAt(0).toUpperCase() + SUBJECT.slice(1)];
  const headers: string[] = [];
  for (const subject of subjects) headers.push(`${type}(${scope}): ${subject}`, `${type}: ${subject}`);
  return headers;
}
