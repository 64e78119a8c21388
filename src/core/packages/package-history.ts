// One history read for every package: which of its commits each package's last release has not
// taken yet, answered from the graph in memory (one walk per distinct base commit).
import { createAncestry, type Ancestry, type AncestryCommit } from '../changelog/commit-ancestry.js';

export interface PackageHistory {
  ancestry: Ancestry;
  /**
   * Positions (git log order) of the commits reachable from the history's tip and not from
   * `base` (a commit hash; null: every commit read). A base outside the history read lies behind
   * it, so nothing read is reachable from it.
   */
  since(base: string | null): Uint8Array;
}

export function createPackageHistory(commits: readonly AncestryCommit[]): PackageHistory {
  const ancestry = createAncestry(commits);
  const cache = new Map<string, Uint8Array>();
  const all = new Uint8Array(ancestry.size).fill(1);
  return {
    ancestry,
    since(base) {
      if (base === null) return all;
      const known = cache.get(base);
      if (known) return known;
      const result = new Uint8Array(ancestry.size).fill(1);
      const start = ancestry.indexOf(base);
      if (start >= 0) {
        const stack = [start];
        while (stack.length > 0) {
          const index = stack.pop() as number;
          if (result[index] === 0) continue;
          result[index] = 0;
          for (const parent of ancestry.parentsAt(index)) if (result[parent] === 1) stack.push(parent);
        }
      }
      cache.set(base, result);
      return result;
    },
  };
}
