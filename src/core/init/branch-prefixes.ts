// Branch prefixes that fit a repository's existing branches: a team that names branches `feat/…`
// and `bugfix/…` gets those as the feature and fix prefixes (the defaults stay accepted as aliases),
// so `shipwright branch` creates names like theirs and the pre-push check refuses none of them.
import type { BranchType } from '../config/config-types.js';
import { plural } from '../display-text/plural.js';

/** Prefixes teams use for each default branch type, the default first. */
const FAMILIES: Record<string, readonly string[]> = {
  feature: ['feature/', 'feat/', 'features/'],
  fix: ['fix/', 'bugfix/', 'bug/', 'fixes/'],
  chore: ['chore/', 'chores/'],
  docs: ['docs/', 'doc/'],
  release: ['release/', 'releases/'],
  hotfix: ['hotfix/', 'hotfixes/'],
};

interface BranchPrefixProposal {
  /** Types whose prefix or aliases change, as written to shipwright.config.json; null when the defaults fit. */
  branchTypes: Record<string, BranchType> | null;
  /** For the plan, e.g. `branch prefixes from your branches: feat/ (3 branches), bugfix/ (2)`. */
  summary: string;
  notes: string[];
}

const branches = (count: number) => plural(count, 'branch');

/** `names`: local and remote-tracking branch names (remote ones without the remote's name). */
export function proposeBranchTypes(
  names: readonly string[],
  defaults: Readonly<Record<string, BranchType>>,
): BranchPrefixProposal {
  const counts = new Map<string, number>();
  for (const name of new Set(names)) {
    const slash = name.indexOf('/');
    if (slash <= 0 || name.length > 255) continue;
    const prefix = name.slice(0, slash + 1);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const branchTypes: Record<string, BranchType> = {};
  const used: string[] = [];
  const known = new Set<string>();
  for (const [type, family] of Object.entries(FAMILIES)) {
    const base = defaults[type];
    if (!base) continue;
    const accepted = [base.prefix, ...(base.aliases ?? [])];
    for (const prefix of [...family, ...accepted]) known.add(prefix);
    const seen = family.filter((prefix) => (counts.get(prefix) ?? 0) > 0);
    if (seen.length === 0) continue;
    // Most branches wins, from two on (one branch is a habit of one person, not the team's);
    // a tie keeps the family's order (the default first).
    const top = [...seen].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0] as string;
    const chosen =
      (counts.get(top) ?? 0) >= 2 && (counts.get(top) ?? 0) > (counts.get(base.prefix) ?? 0) ? top : base.prefix;
    const aliases = [...new Set([...accepted, ...seen])].filter((prefix) => prefix !== chosen);
    const unchanged = chosen === base.prefix && seen.every((prefix) => accepted.includes(prefix));
    if (unchanged) continue;
    branchTypes[type] = { ...base, prefix: chosen, aliases };
    if (chosen !== base.prefix) used.push(`${chosen} for ${type} (${branches(counts.get(chosen) ?? 0)})`);
    for (const prefix of seen.filter((candidate) => candidate !== chosen && !accepted.includes(candidate)))
      used.push(`${prefix} also accepted for ${type} (${branches(counts.get(prefix) ?? 0)})`);
  }
  const strangers = [...counts.entries()]
    .filter(([prefix]) => !known.has(prefix))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  const notes =
    strangers.length === 0
      ? []
      : [
          `branches under ${strangers.map(([prefix, count]) => `${prefix} (${branches(count)})`).join(', ')} fit no branch type, so the pre-push check refuses pushing them; add a type to "branchTypes" in shipwright.config.json if they should pass`,
        ];
  return {
    branchTypes: used.length === 0 ? null : branchTypes,
    summary: used.length === 0 ? '' : `branch prefixes from this repository's branches: ${used.join(', ')}`,
    notes,
  };
}
