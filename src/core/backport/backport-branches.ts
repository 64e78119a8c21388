// Which branch the fixes come from and which branches should have them, from the branch list alone.
import { environmentError, usageError } from '../errors.js';

/** Maintenance lines such as `1.x`, `1.4.x`, `v1.x`, or vite's `v6` / `v5.4`. */
export const isMaintenanceBranch = (name: string): boolean =>
  /^v?\d+(\.\d+)?\.x$/.test(name) || /^v\d+(\.\d+)?$/.test(name);

/**
 * A workspace package's maintenance lines: `@acme/core@1.x` or `@acme/core/1.x` (its name, then
 * `@` or `/`, then a line as isMaintenanceBranch reads it).
 */
export function isPackageMaintenanceBranch(name: string, pkg: string): boolean {
  for (const separator of ['@', '/']) {
    const prefix = `${pkg}${separator}`;
    if (name.startsWith(prefix) && isMaintenanceBranch(name.slice(prefix.length))) return true;
  }
  return false;
}

/** Does this name a package's maintenance line, of any of these packages? */
const anyPackageLine = (name: string, packages: readonly string[]): boolean =>
  packages.some((pkg) => isPackageMaintenanceBranch(name, pkg));

export interface BranchRules {
  /** Every local branch, short names (`dev`, `release/1.2`). */
  branches: readonly string[];
  /**
   * The branches on origin, short names (`15.x` for `origin/15.x`). Those with no local branch
   * count too: a fresh clone has maintenance lines only there.
   */
  remoteBranches?: readonly string[] | undefined;
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
  /**
   * `--package NAME` (monorepo): the default targets are that package's maintenance lines
   * (`NAME@1.x`, `NAME/1.x`) instead of the repository's, and `--to 1.x` names `NAME@1.x`.
   */
  package?: string | undefined;
}

export interface BackportBranches {
  source: string;
  targets: string[];
  /** The source and targets that exist only on origin: read as `origin/NAME`. */
  remoteOnly: string[];
}

// Numbers compare as numbers, so release/1.10 sorts after release/1.9. Made on first use: creating
// an ICU collator costs 13–30 ms, paid at import before the TUI home's first git read otherwise.
let collator: Intl.Collator | undefined;
const newestFirst = (names: string[], key: (name: string) => string = (name) => name): string[] =>
  [...names].sort((a, b) => (collator ??= new Intl.Collator('en', { numeric: true })).compare(key(b), key(a)));

/** Default targets: the integration branch, open release branches and maintenance lines, newest first. */
function defaultTargets(
  branches: readonly string[],
  source: string,
  integration: string | null,
  releasePrefix: string,
  pkg?: string,
): string[] {
  const others = branches.filter((name) => name !== source);
  const isLine = (name: string) => (pkg === undefined ? isMaintenanceBranch(name) : anyPackageLine(name, [pkg]));
  return [
    ...(integration !== null && others.includes(integration) ? [integration] : []),
    ...newestFirst(others.filter((name) => name.startsWith(releasePrefix) && name !== integration)),
    ...newestFirst(
      others.filter((name) => isLine(name) && !name.startsWith(releasePrefix) && name !== integration),
      // A package's lines by their version part: `@acme/core@1.x` before `@acme/core/0.x`.
      pkg === undefined ? undefined : (name) => name.slice(pkg.length + 1),
    ),
  ];
}

function listSome(names: readonly string[]): string {
  if (names.length === 0) return 'there are none yet';
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
}

type BranchLists = Pick<BranchRules, 'branches' | 'remoteBranches'>;

const known = (rules: BranchLists): string[] => [...new Set([...rules.branches, ...(rules.remoteBranches ?? [])])];

/**
 * A name as typed: a local branch, a branch on origin, or `origin/NAME` for the latter (never
 * looked up as `origin/origin/NAME`). A local branch really named `origin/x` keeps its name.
 */
export function branchAsTyped(rules: BranchLists, typed: string, pkg?: string): string | null {
  const all = known(rules);
  const bare = typed.startsWith('origin/') ? typed.slice('origin/'.length) : null;
  // A package's line typed as its version line: `--package @acme/core --to 1.x` → `@acme/core@1.x`
  // (before the repository's own `1.x`: --package says whose lines are meant).
  const line = bare !== null && !all.includes(typed) ? bare : typed;
  if (pkg !== undefined && isMaintenanceBranch(line)) {
    const own = [`${pkg}@${line}`, `${pkg}/${line}`].find((name) => all.includes(name));
    if (own !== undefined) return own;
  }
  if (all.includes(typed)) return typed;
  return bare !== null && all.includes(bare) ? bare : null;
}

function requireBranch(rules: BranchRules, typed: string, flag: string): string {
  const name = branchAsTyped(rules, typed, flag === '--to' ? rules.package : undefined);
  if (name !== null) return name;
  const bare = typed.replace(/^origin\//, '');
  throw usageError(
    `${flag} ${typed}: there is no branch '${bare}' here or on origin.`,
    `name a branch (${listSome(known(rules))}), or fetch it first: git fetch origin ${bare}`,
  );
}

const onlyOnRemote = (rules: BranchRules, names: readonly string[]): string[] =>
  names.filter((name) => !rules.branches.includes(name));

export function chooseBackportBranches(rules: BranchRules): BackportBranches {
  const all = known(rules);
  const from = rules.from === undefined ? undefined : requireBranch(rules, rules.from, '--from');
  if (from === undefined && !all.includes(rules.production)) {
    throw environmentError(
      `The production branch '${rules.production}' does not exist here or on origin, so there is no source of fixes to compare.`,
      {
        code: 'no-source-branch',
        fix: `name the source with --from BRANCH, or set "branches": { "production": "…" } in shipwright.config.json`,
      },
    );
  }
  const source = from ?? rules.production;
  if (rules.to === undefined || rules.to.length === 0) {
    const targets = defaultTargets(all, source, rules.integration, rules.releasePrefix, rules.package);
    return { source, targets, remoteOnly: onlyOnRemote(rules, [source, ...targets]) };
  }
  const targets: string[] = [];
  for (const typed of rules.to) {
    const target = requireBranch(rules, typed, '--to');
    if (target === source)
      throw usageError(
        `--to ${typed} is the source branch itself.`,
        `choose another --to, or another source with --from BRANCH`,
      );
    if (!targets.includes(target)) targets.push(target);
  }
  return { source, targets, remoteOnly: onlyOnRemote(rules, [source, ...targets]) };
}

/** The ref a chosen branch is read from: the local branch, else its origin copy. */
export const branchRef = (branches: BackportBranches, name: string): string =>
  branches.remoteOnly.includes(name) ? `refs/remotes/origin/${name}` : `refs/heads/${name}`;
