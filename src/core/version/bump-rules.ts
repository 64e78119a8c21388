// Which commit types move the version, and by how much.
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import { ownValue } from '../own-property.js';

export type Bump = 'major' | 'minor' | 'patch';
export const BUMPS: readonly Bump[] = ['major', 'minor', 'patch'];
const RANK: Record<Bump, number> = { major: 3, minor: 2, patch: 1 };

/** type → bump; types not listed (docs, chore, ...) do not release on their own. */
export type BumpRules = Readonly<Record<string, Bump>>;

export const DEFAULT_BUMP_RULES: BumpRules = {
  feat: 'minor',
  feature: 'minor',
  fix: 'patch',
  perf: 'patch',
  revert: 'patch',
};

export const isBump = (value: unknown): value is Bump =>
  typeof value === 'string' && (BUMPS as readonly string[]).includes(value);

const higherBump = (a: Bump | null, b: Bump | null): Bump | null => {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
};

/** The bump a commit type asks for on its own (no breaking change). */
export const bumpForType = (type: string | null, rules: BumpRules): Bump | null =>
  type ? (ownValue(rules, type.toLowerCase()) ?? null) : null;

/** The bump one commit asks for: breaking → major, else by its type; merges ask for nothing. */
export function bumpOf(commit: ConventionalCommit, rules: BumpRules): Bump | null {
  if (commit.isMerge) return null;
  if (commit.isBreaking) return 'major';
  const revert = ownValue(rules, 'revert');
  if (commit.isRevert && revert) return revert;
  return bumpForType(commit.type, rules);
}

export interface BumpDecision {
  bump: Bump | null;
  /** The newest commit that asked for the winning bump. */
  decidedBy: ConventionalCommit | null;
  counts: { breaking: number; features: number; fixes: number; other: number };
}

export function decideBump(commits: readonly ConventionalCommit[], rules: BumpRules): BumpDecision {
  let bump: Bump | null = null;
  let decidedBy: ConventionalCommit | null = null;
  const counts = { breaking: 0, features: 0, fixes: 0, other: 0 };
  for (const commit of commits) {
    const wanted = bumpOf(commit, rules);
    if (commit.isMerge) continue;
    if (commit.isBreaking) counts.breaking += 1;
    else if (wanted === 'minor') counts.features += 1;
    else if (wanted === 'patch') counts.fixes += 1;
    else counts.other += 1;
    if (wanted !== null && (bump === null || (higherBump(bump, wanted) === wanted && wanted !== bump))) {
      bump = wanted;
      decidedBy = commit;
    }
  }
  return { bump, decidedBy, counts };
}
