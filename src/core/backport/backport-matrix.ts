// The missing-fixes matrix: the source's fix commits × target branches, each cell present or missing.
// Presence is patch-aware: a commit counts as present on a target when it is in the target's history
// (merged, or older than the fork point), when git finds the same patch there (patch-id, as
// `git cherry` does), or when a `(cherry picked from commit …)` line links the two in either
// direction — which keeps a pick whose patch changed while resolving a conflict "present".
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import { createHashSet, pickedFromHashes } from './cherry-pick-trailer.js';

/**
 * Listed unless told otherwise: what a maintenance line needs. `feat` stays out (features wait for
 * the next minor); a breaking `fix!:` is still a fix and is listed.
 */
export const DEFAULT_BACKPORT_TYPES: readonly string[] = ['fix', 'perf', 'revert'];

export type Presence =
  | 'missing'
  | 'reachable' // the commit itself is in the target's history: merged there, or older than the fork point
  | 'same-patch' // a commit with the same patch-id is on the target (cherry-picked, rebased)
  | 'picked'; // a (cherry picked from commit …) line names one from the other, even if the patch changed

/** One target read against a source (a branch, or the commits a backport names): src/git/read-target-history.ts. */
export interface TargetHistory {
  target: string;
  /** The source's commits after the target's fork point (`target...source`, right side), with git's patch-id verdict; merges never `=`. */
  sourceOnly: readonly { hash: string; samePatchOnTarget: boolean }[];
  /**
   * The target's own commits since the fork point (`target ^source`; for several commits, what the
   * target has beyond their common history; when the source's commits hang off the shared history
   * unevenly, what the target has beyond the common bases of where they do).
   */
  targetOnly: readonly string[];
  /** Hashes named by `(cherry picked from commit …)` lines in those commits. */
  pickedFrom: readonly string[];
}

interface MatrixInput {
  source: string;
  /** The source's commits after some target's fork point, in git log order (newest first). */
  commits: readonly ConventionalCommit[];
  targets: readonly TargetHistory[];
  types?: readonly string[];
}

export interface MatrixRow {
  commit: ConventionalCommit;
  /** The commit's type; `revert` for git's own `Revert "…"` messages too. */
  type: string;
  /** One per target, in the order of the matrix's `targets`. */
  cells: Presence[];
}

export interface BackportMatrix {
  source: string;
  targets: string[];
  types: string[];
  /** Oldest first, the order to backport in. A commit present on every target has nothing to do and is left out. */
  rows: MatrixRow[];
}

const rowType = (commit: ConventionalCommit): string | null =>
  commit.isRevert ? 'revert' : (commit.type?.toLowerCase() ?? null);

interface PreparedTarget {
  patchVerdict: Map<string, boolean>;
  pickedFrom: { has(hash: string): boolean };
  targetOnly: { has(hash: string): boolean };
}

const prepare = (history: TargetHistory): PreparedTarget => ({
  patchVerdict: new Map(history.sourceOnly.map((entry) => [entry.hash, entry.samePatchOnTarget])),
  pickedFrom: createHashSet(history.pickedFrom),
  targetOnly: createHashSet(history.targetOnly),
});

function presenceOn(target: PreparedTarget, commit: Pick<ConventionalCommit, 'raw'>): Presence {
  const samePatch = target.patchVerdict.get(commit.raw.hash);
  if (samePatch === undefined) return 'reachable';
  if (samePatch) return 'same-patch';
  if (target.pickedFrom.has(commit.raw.hash)) return 'picked';
  // The other direction: the source's commit was itself picked from one of the target's commits.
  if (pickedFromHashes(commit.raw.message).some((hash) => target.targetOnly.has(hash))) return 'picked';
  return 'missing';
}

/** Where each of `commits` stands on one target, from that target's history read against those commits. */
export function commitsPresence(
  history: TargetHistory,
  commits: readonly { hash: string; message: string }[],
): Presence[] {
  const target = prepare(history);
  return commits.map((commit) =>
    presenceOn(target, {
      raw: { hash: commit.hash, message: commit.message, parents: [], committerDate: '', authorName: '' },
    }),
  );
}

/** Once each, by committer date, oldest first; equal dates keep git's order (which lists newer first). */
function oldestFirst(commits: readonly ConventionalCommit[]): ConventionalCommit[] {
  const unique = [...new Map(commits.map((commit) => [commit.raw.hash, commit])).values()];
  const indexed = unique.map((commit, index) => ({ commit, index, time: Date.parse(commit.raw.committerDate) }));
  indexed.sort((a, b) => a.time - b.time || b.index - a.index);
  return indexed.map((entry) => entry.commit);
}

export function buildBackportMatrix(input: MatrixInput): BackportMatrix {
  const types = [...new Set((input.types ?? DEFAULT_BACKPORT_TYPES).map((type) => type.toLowerCase()))];
  const targets = input.targets.map(prepare);
  const rows: MatrixRow[] = [];
  for (const commit of oldestFirst(input.commits)) {
    const type = rowType(commit);
    if (commit.isMerge || type === null || !types.includes(type)) continue;
    const cells = targets.map((target) => presenceOn(target, commit));
    if (cells.includes('missing')) rows.push({ commit, type, cells });
  }
  return { source: input.source, targets: input.targets.map((history) => history.target), types, rows };
}

/** The rows missing on the target at `index` of the matrix's targets, oldest first. */
export const missingOn = (matrix: BackportMatrix, index: number): MatrixRow[] =>
  matrix.rows.filter((row) => row.cells[index] === 'missing');
