// The order a backport series is picked in: no commit before one of its ancestors in the series,
// decided from one read of the history between them (src/git/read-ancestry.ts `readCommitParents`).

/**
 * Each commit's parents, for every commit the read walked; a commit absent from it (behind the
 * read's bound) has no parents the ordering can follow. All parents count, so a merge comes after
 * the commits its side branch brought.
 */
type ParentsOf = ReadonlyMap<string, readonly string[]>;

/**
 * For every commit reached from the series, which series commits it is or descends from, as one
 * bit per series index. Iterative post-order: a long history would overflow the call stack, and
 * committer dates (git's default walk order) are not topological when clocks are skewed.
 */
function seriesBelow(hashes: readonly string[], parentsOf: ParentsOf): Map<string, bigint> {
  const bit = new Map<string, bigint>();
  hashes.forEach((hash, index) => bit.set(hash, 1n << BigInt(index)));
  const below = new Map<string, bigint>();
  const expanded = new Set<string>();
  for (const start of hashes) {
    const stack = [start];
    while (stack.length > 0) {
      const hash = stack[stack.length - 1] as string;
      if (below.has(hash)) {
        stack.pop();
        continue;
      }
      const parents = parentsOf.get(hash) ?? [];
      if (!expanded.has(hash)) {
        expanded.add(hash);
        // A parent already expanded but not done would be a cycle: not in git's data; skipped.
        for (const parent of parents) if (!below.has(parent) && !expanded.has(parent)) stack.push(parent);
        continue;
      }
      let mask = bit.get(hash) ?? 0n;
      for (const parent of parents) mask |= below.get(parent) ?? 0n;
      below.set(hash, mask);
      stack.pop();
    }
  }
  return below;
}

/**
 * A stable topological order of `series` (distinct commits, in the order wanted when ancestry
 * does not decide — the caller's: oldest first, then as the user named them): each time, the
 * first remaining commit with no ancestor left among the remaining ones. Commits unrelated by
 * ancestry keep their order; so does everything when `parentsOf` knows none of them.
 */
export function orderAncestorsFirst<T extends { hash: string }>(series: readonly T[], parentsOf: ParentsOf): T[] {
  if (series.length < 2) return [...series];
  const hashes = series.map((commit) => commit.hash);
  const below = seriesBelow(hashes, parentsOf);
  const ancestors = hashes.map((hash, index) => (below.get(hash) ?? 0n) & ~(1n << BigInt(index)));
  const remaining = hashes.map((_, index) => index);
  let left = (1n << BigInt(hashes.length)) - 1n;
  const ordered: T[] = [];
  while (remaining.length > 0) {
    const position = Math.max(
      0,
      remaining.findIndex((index) => ((ancestors[index] as bigint) & left) === 0n),
    );
    const [index] = remaining.splice(position, 1) as [number];
    left &= ~(1n << BigInt(index));
    ordered.push(series[index] as T);
  }
  return ordered;
}
