// Splits a history into release sections: which commits each release tag brought.
import type { ConventionalCommit } from '../commits/conventional-commit.js';
import type { ReleaseTag } from '../tags/release-tag.js';
import { createAncestry } from './commit-ancestry.js';

export interface ReleaseSection {
  version: string;
  /** The tag of this release; for the unreleased section, the tag it will get. */
  currentTag: string;
  /** The release this one is compared with; null for the first release. */
  previousTag: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** Newest first, merges excluded. */
  commits: ConventionalCommit[];
  /** The upcoming release: HEAD, not tagged yet. */
  unreleased: boolean;
}

/** The release about to be made: HEAD with the next version and today's date. */
export interface UpcomingRelease {
  name: string;
  version: string;
  commit: string;
  isPrerelease: boolean;
  date: string;
  /** YYYY-MM-DD to print (today), instead of the tagged commit's date. */
  day: string;
}

type ReleasePoint = Pick<ReleaseTag, 'name' | 'version' | 'commit' | 'isPrerelease' | 'date'> & { day?: string; unreleased?: boolean };

export interface HistoryCommit {
  commit: ConventionalCommit;
  /** Position in `git log` order; sections keep that order. */
  index: number;
}

/** The UTC calendar date of an ISO timestamp, as conventional-changelog prints it. */
export const isoDay = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/**
 * Assigns every commit to the oldest release whose tag reaches it. A stable release counts
 * from the previous stable release, so it repeats what its prereleases brought; a prerelease
 * counts from the previous tag of any kind. "Previous" is the highest lower version whose tag
 * the release contains: a hotfix 1.0.1 tagged beside 1.1.0 is not what 1.1.0 compares with.
 *
 * Walks parents in memory (one `git log` for the whole history) instead of running
 * `git log prev..tag` per release as conventional-changelog does, and never lists a commit in
 * two stable releases even when tags sit on divergent lines.
 */
export function splitIntoSections(
  history: readonly ConventionalCommit[],
  tagsNewestFirst: readonly ReleaseTag[],
  upcoming?: UpcomingRelease,
): ReleaseSection[] {
  const byHash = new Map<string, HistoryCommit>();
  history.forEach((commit, index) => byHash.set(commit.raw.hash, { commit, index }));
  const seenByAny = new Set<string>();
  const seenByStable = new Set<string>();
  const sections: ReleaseSection[] = [];
  const oldestFirst: ReleasePoint[] = [...tagsNewestFirst].reverse();
  if (upcoming) oldestFirst.push({ ...upcoming, unreleased: true });

  const ancestry = createAncestry(history.map((commit) => commit.raw));
  const done: ReleasePoint[] = [];
  for (const tag of oldestFirst) {
    const stopAt = tag.isPrerelease ? seenByAny : seenByStable;
    const found = walkFrom(tag.commit, byHash, stopAt);
    for (const hash of found) {
      seenByAny.add(hash);
      if (!tag.isPrerelease) seenByStable.add(hash);
    }
    const previous = done.findLast((older) => (tag.isPrerelease || !older.isPrerelease) && ancestry.isAncestor(older.commit, tag.commit));
    const tagged = byHash.get(tag.commit);
    sections.push({
      version: tag.version,
      currentTag: tag.name,
      previousTag: previous?.name ?? null,
      date: tag.day ?? isoDay(tagged?.commit.raw.committerDate ?? tag.date),
      commits: toSectionCommits(found, byHash),
      unreleased: tag.unreleased === true,
    });
    done.push(tag);
  }
  return sections.reverse();
}

function walkFrom(start: string, byHash: ReadonlyMap<string, HistoryCommit>, stopAt: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const hash = stack.pop() as string;
    if (visited.has(hash) || stopAt.has(hash)) continue;
    visited.add(hash);
    const entry = byHash.get(hash);
    if (!entry) continue; // outside the history read (e.g. before --from)
    found.push(hash);
    stack.push(...entry.commit.raw.parents);
  }
  return found;
}

function toSectionCommits(hashes: readonly string[], byHash: ReadonlyMap<string, HistoryCommit>): ConventionalCommit[] {
  return hashes
    .map((hash) => byHash.get(hash) as HistoryCommit)
    .filter((entry) => !entry.commit.isMerge)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.commit);
}
