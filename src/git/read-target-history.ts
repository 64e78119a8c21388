// What target branches already have of some commits — a source branch (the backport matrix) or the
// commits `backport SHA… --to` names — read per target, never per commit: one log of what the tips
// bring that the target lacks, with git's patch-id verdict (what `git cherry` compares), and one
// log of the target's own commits with the hashes their `(cherry picked from commit …)` lines name.
// `readFromBases` reads the target's side and the verdicts again from given common bases; when to
// do that is src/app/read-target-histories.ts's decision. src/core/backport/backport-matrix.ts
// decides presence from what is read.
import type { TargetHistory } from '../core/backport/backport-matrix.js';
import { pickedFromHashes } from '../core/backport/cherry-pick-trailer.js';
import type { RawCommit } from '../core/conventional-commits/raw-commit.js';
import { commonBases } from './read-ancestry.js';
import { LOG_FORMAT, parseLogRecord } from './read-log.js';
import { streamGit } from './run-git.js';

/** A target as the matrix names it, and the ref it is read from (`refs/heads/1.x`, or `refs/remotes/origin/1.x` when only origin has it). */
export interface TargetBranch {
  name: string;
  ref: string;
}

export interface TargetRead {
  history: TargetHistory;
  /** What the tips bring that the target lacks, newest first; merges too (they have no patch-id, never `=`). */
  commits: RawCommit[];
  /**
   * The commits the target and every tip share, which bounded the read (`merge-base --octopus
   * --all`): each is an ancestor of every tip. Empty with a single tip (never asked) or when the
   * histories share no commit.
   */
  bases: string[];
}

/** The two logs' revisions: the tips against the target (`target...tip`), and the target's own side. */
interface Ranges {
  tipSide: string[];
  targetSide: string[];
  bases: string[];
}

/**
 * With one tip, `target...tip`. With several, the target's side must be what it has beyond the
 * history it shares with *all* of them (for each tip, `target...tip` compares with the target's
 * commits that tip lacks: a pick of an older tip that a later tip has merged still counts), which
 * git's `target...a target...b` would narrow to the part none of them has. So `target...base`
 * marks the target's side from the common bases, and the tips join the right side as plain
 * revisions; a tip the target already has is reached from the target too, so git's walk marks it
 * as the target's side and it is not listed (present by ancestry, as with `target...tip`). Null
 * when the histories share no commit.
 */
async function rangesFor(cwd: string, targetRef: string, tips: readonly string[]): Promise<Ranges | null> {
  if (tips.length === 1)
    return { tipSide: [`${targetRef}...${tips[0]}`], targetSide: [targetRef, `^${tips[0]}`], bases: [] };
  const bases = await commonBases(cwd, [targetRef, ...tips]);
  if (bases.length === 0) return null;
  const excluded = bases.map((base) => `^${base}`);
  return {
    tipSide: [`${targetRef}...${bases[0]}`, ...excluded.slice(1), ...tips],
    targetSide: [targetRef, ...excluded],
    bases,
  };
}

/**
 * `git log --cherry-mark --right-only`: the right side is what the tips have that the target's
 * history lacks; `%m` is `=` when a commit on the target's side has the same patch-id. Revisions
 * follow --end-of-options, so no branch name can be read as an option.
 */
async function readTipSide(
  cwd: string,
  revisions: readonly string[],
): Promise<{ commit: RawCommit; samePatchOnTarget: boolean }[]> {
  const args = [
    'log',
    '-z',
    '--no-show-signature',
    '--no-color',
    `--format=%m%x1f${LOG_FORMAT}`,
    '--cherry-mark',
    '--right-only',
    '--end-of-options',
    ...revisions,
    '--',
  ];
  const commits: { commit: RawCommit; samePatchOnTarget: boolean }[] = [];
  for await (const record of streamGit(cwd, args)) {
    const trimmed = record.startsWith('\n') ? record.slice(1) : record;
    const commit = parseLogRecord(trimmed.slice(2));
    if (commit) commits.push({ commit, samePatchOnTarget: trimmed.startsWith('=') });
  }
  return commits;
}

/** `readTipSide`'s verdicts alone, by hash, for commits already read. */
async function readVerdicts(cwd: string, revisions: readonly string[]): Promise<Map<string, boolean>> {
  const args = [
    'log',
    '-z',
    '--no-show-signature',
    '--no-color',
    '--format=%m%H',
    '--cherry-mark',
    '--right-only',
    '--end-of-options',
    ...revisions,
    '--',
  ];
  const verdicts = new Map<string, boolean>();
  for await (const record of streamGit(cwd, args)) {
    const trimmed = record.startsWith('\n') ? record.slice(1) : record;
    if (trimmed.length > 1) verdicts.set(trimmed.slice(1), trimmed.startsWith('='));
  }
  return verdicts;
}

/** The target's own commits and the hashes their cherry-pick lines name. */
async function readTargetSide(
  cwd: string,
  revisions: readonly string[],
): Promise<{ hashes: string[]; pickedFrom: string[] }> {
  const args = [
    'log',
    '-z',
    '--no-show-signature',
    '--no-color',
    '--format=%H%x1f%B',
    '--end-of-options',
    ...revisions,
    '--',
  ];
  const side = { hashes: [] as string[], pickedFrom: [] as string[] };
  for await (const record of streamGit(cwd, args)) {
    const trimmed = record.startsWith('\n') ? record.slice(1) : record;
    const separator = trimmed.indexOf('\x1f');
    if (separator < 0) continue;
    side.hashes.push(trimmed.slice(0, separator));
    side.pickedFrom.push(...pickedFromHashes(trimmed.slice(separator + 1)));
  }
  return side;
}

async function readWithRanges(cwd: string, target: string, ranges: Ranges): Promise<TargetRead> {
  const [tipSide, targetSide] = await Promise.all([
    readTipSide(cwd, ranges.tipSide),
    readTargetSide(cwd, ranges.targetSide),
  ]);
  return {
    history: {
      target,
      sourceOnly: tipSide.map((entry) => ({ hash: entry.commit.hash, samePatchOnTarget: entry.samePatchOnTarget })),
      targetOnly: targetSide.hashes,
      pickedFrom: targetSide.pickedFrom,
    },
    commits: tipSide.map((entry) => entry.commit),
    bases: ranges.bases,
  };
}

/** Histories with no commit in common (several roots): each tip on its own, each keeping its own verdict. */
async function readEachTip(
  cwd: string,
  target: string,
  targetRef: string,
  tips: readonly string[],
): Promise<TargetRead> {
  const verdicts = new Map<string, boolean>();
  const commits = new Map<string, RawCommit>();
  const targetOnly = new Set<string>();
  const pickedFrom = new Set<string>();
  for (const tip of tips) {
    const read = await readWithRanges(cwd, target, {
      tipSide: [`${targetRef}...${tip}`],
      targetSide: [targetRef, `^${tip}`],
      bases: [],
    });
    for (const entry of read.history.sourceOnly)
      if (!verdicts.has(entry.hash) || entry.hash === tip) verdicts.set(entry.hash, entry.samePatchOnTarget);
    for (const commit of read.commits) if (!commits.has(commit.hash)) commits.set(commit.hash, commit);
    read.history.targetOnly.forEach((hash) => targetOnly.add(hash));
    read.history.pickedFrom.forEach((hash) => pickedFrom.add(hash));
  }
  const sourceOnly = [...verdicts].map(([hash, samePatchOnTarget]) => ({ hash, samePatchOnTarget }));
  return {
    history: { target, sourceOnly, targetOnly: [...targetOnly], pickedFrom: [...pickedFrom] },
    commits: [...commits.values()],
    bases: [],
  };
}

/**
 * The target's side read again from `bases` (what the target has beyond them), and the verdicts
 * against that side (the trick of `rangesFor`); the tips' commits are the ones already read.
 * Three git processes at most, whatever the number of commits.
 */
export async function readFromBases(
  cwd: string,
  target: TargetBranch,
  tips: readonly string[],
  read: TargetRead,
  bases: readonly string[],
): Promise<TargetRead> {
  const targetRef = target.ref;
  const excluded = bases.map((base) => `^${base}`);
  const [verdicts, targetSide] = await Promise.all([
    readVerdicts(cwd, [`${targetRef}...${bases[0]}`, ...excluded.slice(1), ...tips]),
    readTargetSide(cwd, [targetRef, ...excluded]),
  ]);
  // The target's side only grew: a same-patch verdict stays.
  const sourceOnly = read.history.sourceOnly.map(({ hash, samePatchOnTarget }) => ({
    hash,
    samePatchOnTarget: samePatchOnTarget || verdicts.get(hash) === true,
  }));
  return {
    history: { ...read.history, sourceOnly, targetOnly: targetSide.hashes, pickedFrom: targetSide.pickedFrom },
    commits: read.commits,
    bases: read.bases,
  };
}

/** One target; `tips` full ref names or commit hashes (at least one). */
export async function readTargetHistory(
  cwd: string,
  target: TargetBranch,
  tips: readonly string[],
): Promise<TargetRead> {
  const ranges = await rangesFor(cwd, target.ref, tips);
  return ranges ? readWithRanges(cwd, target.name, ranges) : readEachTip(cwd, target.name, target.ref, tips);
}
