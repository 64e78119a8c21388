// Which branch the fixes come from and which branches should have them, from the branch list alone.
import { environmentError, usageError } from '../errors.js';

/** Maintenance lines such as `1.x` or `1.4.x`. */
export const isMaintenanceBranch = (name: string): boolean => /^\d+\.x$/.test(name) || /^\d+\.\d+\.x$/.test(name);

export interface BranchRules {
  /** Every local branch, short names (`dev`, `release/1.2`). */
  branches: readonly string[];
  /** `branches.production`: the default source. */
  production: string;
  /** `branches.integration`, or null when the workflow is trunk-based. */
  integration: string | null;
  /** `branchTypes.release.prefix`, e.g. `release/`. */
  releasePrefix: string;
  /** --from */
  from?: string | undefined;
  /** --to, repeatable; replaces the default targets. */
  to?: readonly string[] | undefined;
}

export interface BackportBranches {
  source: string;
  targets: string[];
}

// Numbers compare as numbers, so release/1.10 sorts after release/1.9.
const collator = new Intl.Collator('en', { numeric: true });
const newestFirst = (names: string[]): string[] => [...names].sort((a, b) => collator.compare(b, a));

/** Default targets: the integration branch, open release branches and maintenance lines, newest first. */
export function defaultTargets(branches: readonly string[], source: string, integration: string | null, releasePrefix: string): string[] {
  const others = branches.filter((name) => name !== source);
  return [
    ...(integration !== null && others.includes(integration) ? [integration] : []),
    ...newestFirst(others.filter((name) => name.startsWith(releasePrefix) && name !== integration)),
    ...newestFirst(others.filter((name) => isMaintenanceBranch(name) && !name.startsWith(releasePrefix) && name !== integration)),
  ];
}

function listSome(names: readonly string[]): string {
  if (names.length === 0) return 'there are none yet';
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
}

function requireBranch(rules: BranchRules, name: string, flag: string): void {
  if (rules.branches.includes(name)) return;
  throw usageError(
    `${flag} ${name}: there is no local branch '${name}'.`,
    `name a local branch (${listSome(rules.branches)}), or create it from the remote first: git branch ${name} origin/${name}`,
  );
}

export function chooseBackportBranches(rules: BranchRules): BackportBranches {
  if (rules.from !== undefined) requireBranch(rules, rules.from, '--from');
  else if (!rules.branches.includes(rules.production)) {
    throw environmentError(`The production branch '${rules.production}' does not exist here, so there is no source of fixes to compare.`, {
      code: 'no-source-branch',
      fix: `name the source with --from BRANCH, or set "branches": { "production": "…" } in shipwright.config.json`,
    });
  }
  const source = rules.from ?? rules.production;
  if (rules.to === undefined || rules.to.length === 0) {
    return { source, targets: defaultTargets(rules.branches, source, rules.integration, rules.releasePrefix) };
  }
  for (const target of rules.to) {
    requireBranch(rules, target, '--to');
    if (target === source) throw usageError(`--to ${target} is the source branch itself.`, `choose another --to, or another source with --from BRANCH`);
  }
  return { source, targets: [...new Set(rules.to)] };
}
