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
  /** The commit's position in the history given (git log order), or -1 outside it. */
  indexOf(hash: string): number;
  /** Positions of the commit's parents that lie inside the history. */
  parentsAt(index: number): readonly number[];
  /** How many commits the history holds. */
  readonly size: number;
}

/**
 * Generation numbers (the longest parent chain to a root of the history) let a search stop at
 * commits too old to lead to the one sought, so checking the previous release usually costs no
 * more than walking that release's own commits.
 *
 * Commits are numbered by their position once, and everything after works on those numbers
 * (typed arrays, no string keys): this runs over the whole history on every full regeneration.
 */
export function createAncestry(commits: readonly AncestryCommit[]): Ancestry {
  const size = commits.length;
  const positions = new Map<string, number>();
  commits.forEach((commit, index) => positions.set(commit.hash, index));
  const parents: number[][] = commits.map((commit) => {
    const inside: number[] = [];
    for (const parent of commit.parents) {
      const index = positions.get(parent);
      if (index !== undefined) inside.push(index);
    }
    return inside;
  });

  // Iterative post-order: git log's default order is not topological when clocks are skewed.
  const generation = new Int32Array(size); // 0 = not computed yet; roots get 1
  const stack: number[] = [];
  for (let root = 0; root < size; root += 1) {
    if (generation[root] !== 0) continue;
    stack.push(root);
    while (stack.length > 0) {
      const index = stack[stack.length - 1] as number;
      let pending = false;
      let highest = 0;
      for (const parent of parents[index] as number[]) {
        const known = generation[parent] as number;
        if (known === 0) {
          stack.push(parent);
          pending = true;
        } else if (known > highest) highest = known;
      }
      if (pending) continue;
      stack.pop();
      if (generation[index] === 0) generation[index] = 1 + highest;
    }
  }

  // One stamp per search instead of a fresh visited set.
  const visitedIn = new Int32Array(size);
  let search = 0;

  return {
    size,
    indexOf: (hash) => positions.get(hash) ?? -1,
    parentsAt: (index) => parents[index] ?? [],
    isAncestor(ancestor, descendant) {
      if (ancestor === descendant) return true;
      const target = positions.get(ancestor);
      if (target === undefined) return true;
      const start = positions.get(descendant);
      if (start === undefined) return false;
      const floor = generation[target] as number;
      search += 1;
      const pending = [start];
      while (pending.length > 0) {
        const index = pending.pop() as number;
        if (index === target) return true;
        if (visitedIn[index] === search || (generation[index] as number) <= floor) continue;
        visitedIn[index] = search;
        for (const parent of parents[index] as number[]) pending.push(parent);
      }
      return false;
    },
  };
}
