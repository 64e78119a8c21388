// Whether the target's own commits read as `target ^source` can miss a pick: that happens when the
// source's listed commits do not all sit on the same shared history. A pick made on the target
// that a later merge brought into the source (a release merging dev into main) is then in the
// history both share, out of `target ^source`, yet not in the history of the commit it was picked
// from. Decided from the listed commits' parents alone; src/app/read-target-histories.ts reads again.

interface Listed {
  hash: string;
  parents: readonly string[];
}

/**
 * The boundary of `listed` (what the tips bring that the target lacks): the parents outside it,
 * which are all on the target. When every listed commit reaches every boundary commit through
 * listed commits, the shared history is in each one's history and `target ^source` holds every
 * candidate pick: null. Otherwise the boundary, in first-seen order: what the target has beyond
 * the boundary's common bases must be read instead. A listed commit that reaches no boundary
 * commit (from a history with no commit in common with the target) takes no part in the verdict.
 */
export function findUnevenBoundary(listed: readonly Listed[]): string[] | null {
  const inListed = new Set(listed.map((commit) => commit.hash));
  const children = new Map<string, string[]>();
  for (const commit of listed) {
    for (const parent of commit.parents) {
      const bucket = children.get(parent);
      if (bucket) bucket.push(commit.hash);
      else children.set(parent, [commit.hash]);
    }
  }
  const boundary = [...children.keys()].filter((hash) => !inListed.has(hash));
  if (boundary.length < 2) return null;
  const reachedFrom = (starts: readonly string[]): number => {
    const seen = new Set<string>();
    const queue = starts.flatMap((start) => children.get(start) ?? []);
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(children.get(next) ?? []));
    }
    return seen.size;
  };
  const onShared = reachedFrom(boundary);
  return boundary.some((hash) => reachedFrom([hash]) < onShared) ? boundary : null;
}
