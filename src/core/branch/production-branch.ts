// Which branch is production when no config names one: what the remote calls its default branch,
// then init.defaultBranch, then the only one of main / master that exists.
export interface ProductionFacts {
  originHead: string | null;
  initDefault: string | null;
  /** Candidate names (main, master, init.defaultBranch) that exist locally or on origin. */
  existing: readonly string[];
}

const FALLBACK_PRODUCTION = 'main';

/**
 * origin/HEAD is the remote's own answer (a clone of vite gets `main`, of an older project
 * `master`). init.defaultBranch counts when that branch exists, or when nothing exists yet (a new
 * repository whose first commit will land there); a global `main` must not rename an existing
 * `master`. Both main and master existing, with nothing else to go by, stays with `main`.
 */
export function chooseProductionBranch(facts: ProductionFacts): string {
  if (facts.originHead) return facts.originHead;
  if (facts.initDefault && facts.existing.includes(facts.initDefault)) return facts.initDefault;
  const known = ['main', 'master'].filter((name) => facts.existing.includes(name));
  if (known.length === 1) return known[0] as string;
  if (known.length === 0 && facts.initDefault) return facts.initDefault;
  return FALLBACK_PRODUCTION;
}
