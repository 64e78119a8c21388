// Ancestry questions about an in-memory history: is this tag's commit behind that one?

/** The part of a commit ancestry needs; `git log` order, newest first. */
export interface AncestryCommit {
  hash: string;
  parents: readonly string[];
}

export interface Ancestry {
  /**
   * Is `ancestor` reachable from `descendant` (or the same commit)? A commit outside the history
   * read (behind `--from`, or the fast path's excluded base) is assumed reachable: it was cut off
   * precisely because it lies behind what was read.
   */
  isAncestor(ancestor: string, descendant: string): boolean;
}

/**
 * Generation numbers (the longest parent chain to a root of the history) let a search stop at
 * commits too old to lead to the one sought, so checking the previous release usually costs no
 * more than walking that release's own commits.
 */
export function createAncestry(commits: readonly AncestryCommit[]): Ancestry {
  const parentsOf = new Map<string, readonly string[]>(commits.map((commit) => [commit.hash, commit.parents]));
  const generation = new Map<string, number>();
  const generationOf = (hash: string): number => generation.get(hash) ?? 0;

  // Iterative post-order: git log's default order is not topological when clocks are skewed.
  // Plain loops: this runs once per commit of the whole history.
  const stack: string[] = [];
  for (const { hash: root } of commits) {
    if (generation.has(root)) continue;
    stack.push(root);
    while (stack.length > 0) {
      const hash = stack[stack.length - 1] as string;
      const parents = parentsOf.get(hash) ?? [];
      let pending = false;
      let highest = 0;
      for (const parent of parents) {
        if (!parentsOf.has(parent)) continue;
        const known = generation.get(parent);
        if (known === undefined) {
          stack.push(parent);
          pending = true;
        } else if (known > highest) highest = known;
      }
      if (pending) continue;
      stack.pop();
      if (!generation.has(hash)) generation.set(hash, 1 + highest);
    }
  }

  return {
    isAncestor(ancestor, descendant) {
      if (ancestor === descendant || !parentsOf.has(ancestor)) return true;
      const floor = generationOf(ancestor);
      const visited = new Set<string>();
      const stack = [descendant];
      while (stack.length > 0) {
        const hash = stack.pop() as string;
        if (hash === ancestor) return true;
        if (visited.has(hash) || generationOf(hash) <= floor) continue;
        visited.add(hash);
        stack.push(...(parentsOf.get(hash) ?? []));
      }
      return false;
    },
  };
}
