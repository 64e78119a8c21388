// What each target branch already has of some commits, for the backport matrix and `backport`:
// the reads are src/git/read-target-history.ts's; this decides when one read is not enough.
import { findUnevenBoundary } from '../core/backport/find-uneven-boundary.js';
import { commonBases } from '../git/read-ancestry.js';
import { readFromBases, readTargetHistory, type TargetBranch, type TargetRead } from '../git/read-target-history.js';
export type { TargetBranch, TargetRead } from '../git/read-target-history.js';

interface ReadOptions {
  /**
   * Presence is asked of every commit the tips bring, not only of the tips: the matrix, whose tip
   * is a branch. `backport SHA…` asks only of the tips, which `target ^tip` (or the tips' common
   * bases) already bound.
   */
  everyCommit?: boolean;
}

/** At most this many targets are read at once (two git processes each, five when read again). */
const PARALLEL_TARGETS = 4;

/**
 * A pick on the target that a merge has since brought into the tips' history (a release merging
 * dev into main) is in the history both share, so `target ^tip` no longer lists it or its
 * cherry-pick line, nor the target's commit that a tip's commit was picked from; yet it is not in
 * the history of the commit it names. When the tips' commits hang off the shared history unevenly
 * (findUnevenBoundary), every candidate is in what the target has beyond the common bases of that
 * boundary, so the target is read again from there.
 */
async function readEveryCommit(
  cwd: string,
  target: TargetBranch,
  tips: readonly string[],
  read: TargetRead,
): Promise<TargetRead> {
  const boundary = findUnevenBoundary(read.commits);
  if (!boundary) return read;
  const bases = await commonBases(cwd, boundary);
  return bases.length === 0 ? read : readFromBases(cwd, target, tips, read, bases);
}

async function readOne(
  cwd: string,
  target: TargetBranch,
  tips: readonly string[],
  options: ReadOptions,
): Promise<TargetRead> {
  const read = await readTargetHistory(cwd, target, tips);
  return options.everyCommit ? readEveryCommit(cwd, target, tips, read) : read;
}

/** Every target against the same tips, a few targets at a time; results in the order of `targets`. */
export async function readTargetHistories(
  cwd: string,
  targets: readonly TargetBranch[],
  tips: readonly string[],
  options: ReadOptions = {},
): Promise<TargetRead[]> {
  const reads: TargetRead[] = [];
  for (let start = 0; start < targets.length; start += PARALLEL_TARGETS) {
    reads.push(
      ...(await Promise.all(
        targets.slice(start, start + PARALLEL_TARGETS).map((target) => readOne(cwd, target, tips, options)),
      )),
    );
  }
  return reads;
}
