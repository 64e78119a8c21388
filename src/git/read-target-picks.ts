// A target branch's own commits since it forked from the source, and the commits they say they were
// cherry-picked from — the evidence that survives a pick whose patch changed in a conflict.
import { pickedFromHashes } from '../core/backport/cherry-pick-trailer.js';
import { streamGit } from './run-git.js';

export interface TargetPicks {
  /** Full hashes of the target's commits that the source does not have (`target ^source`). */
  hashes: string[];
  /** Hashes named by their `(cherry picked from commit …)` lines. */
  pickedFrom: string[];
}

/** Full ref names only, after --end-of-options: a branch called `-x` stays a branch. */
export async function readTargetPicks(cwd: string, targetRef: string, sourceRef: string): Promise<TargetPicks> {
  const args = ['log', '-z', '--no-show-signature', '--no-color', '--format=%H%x1f%B', '--end-of-options', targetRef, `^${sourceRef}`, '--'];
  const picks: TargetPicks = { hashes: [], pickedFrom: [] };
  for await (const record of streamGit(cwd, args)) {
    const trimmed = record.startsWith('\n') ? record.slice(1) : record;
    const separator = trimmed.indexOf('\x1f');
    if (separator < 0) continue;
    picks.hashes.push(trimmed.slice(0, separator));
    picks.pickedFrom.push(...pickedFromHashes(trimmed.slice(separator + 1)));
  }
  return picks;
}
