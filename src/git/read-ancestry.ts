// The parents of every commit between some commits and a bound below them, in one
// `git rev-list --parents`: enough to decide in memory which of the commits descend from which
// (src/core/backport/order-ancestors-first.ts), instead of one `merge-base --is-ancestor` per pair.
import { streamGitBatches } from './run-git.js';

/**
 * `tips`: commit hashes. `bases`: commits every tip descends from (for a backport, the common
 * bases its per-target reads found); the walk stops at their parents, so a base that is itself one
 * of the tips is still read. Every path from one tip down to another runs above such a base — its
 * commits descend from the lower tip, which descends from the base — so the bound cuts none. With
 * no bases (histories sharing no commit), the tips' whole histories are read.
 */
export async function readCommitParents(
  cwd: string,
  tips: readonly string[],
  bases: readonly string[],
): Promise<Map<string, string[]>> {
  const parentsOf = new Map<string, string[]>();
  if (tips.length === 0) return parentsOf;
  const excluded = [...new Set(bases)].map((base) => `^${base}^@`);
  const args = ['rev-list', '--parents', '--end-of-options', ...tips, ...excluded, '--'];
  for await (const lines of streamGitBatches(cwd, args, '\n')) {
    for (const line of lines) {
      if (line.length === 0) continue;
      const [hash = '', ...parents] = line.split(' ');
      parentsOf.set(hash, parents);
    }
  }
  return parentsOf;
}
