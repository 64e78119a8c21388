// Splits a history into release sections: which commits each release tag brought.
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import type { ReleaseTag } from '../tags/release-tag.js';
import { createAncestry, type Ancestry } from './commit-ancestry.js';

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
  /**
   * Commits the release is merged with before it is tagged (gitflow's finish merges the release
   * branch into production): what they bring that no release took is this release's too.
   */
  merges?: readonly string[];
  isPrerelease: boolean;
  date: string;
  /** YYYY-MM-DD to print (today), instead of the tagged commit's date. */
  day: string;
}

type ReleasePoint = Pick<ReleaseTag, 'name' | 'version' | 'commit' | 'isPrerelease' | 'date'> & {
  day?: string;
  unreleased?: boolean;
  merges?: readonly string[];
};

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
  const ancestry = createAncestry(history.map((commit) => commit.raw));
  // Per commit position: 1 once any release took it, 2 once a stable release did.
  const seen = new Uint8Array(ancestry.size);
  const sections: ReleaseSection[] = [];
  const oldestFirst: ReleasePoint[] = [...tagsNewestFirst].reverse();
  if (upcoming) oldestFirst.push({ ...upcoming, unreleased: true });

  const done: ReleasePoint[] = [];
  for (const tag of oldestFirst) {
    // A prerelease stops at anything an older release took; a stable one only at older stables.
    const stopAt = tag.isPrerelease ? SEEN_BY_ANY : SEEN_BY_STABLE;
    const heads = [tag.commit, ...(tag.merges ?? [])];
    const found = walkFrom(
      ancestry,
      heads.map((head) => ancestry.indexOf(head)),
      seen,
      stopAt,
    );
    for (const index of found)
      seen[index] = Math.max(seen[index] as number, tag.isPrerelease ? SEEN_BY_ANY : SEEN_BY_STABLE);
    const previous = done.findLast(
      (older) =>
        (tag.isPrerelease || !older.isPrerelease) && heads.some((head) => ancestry.isAncestor(older.commit, head)),
    );
    const tagged = history[ancestry.indexOf(tag.commit)];
    sections.push({
      version: tag.version,
      currentTag: tag.name,
      previousTag: previous?.name ?? null,
      date: tag.day ?? isoDay(tagged?.raw.committerDate ?? tag.date),
      commits: found
        .sort((a, b) => a - b)
        .map((index) => history[index] as ConventionalCommit)
        .filter((commit) => !commit.isMerge),
      unreleased: tag.unreleased === true,
    });
    done.push(tag);
  }
  return sections.reverse();
}

const SEEN_BY_ANY = 1;
const SEEN_BY_STABLE = 2;

/** Positions reachable from the starts that no earlier release took (by `stopAt`'s measure). */
function walkFrom(ancestry: Ancestry, starts: readonly number[], seen: Uint8Array, stopAt: number): number[] {
  const found: number[] = [];
  const visited = new Set<number>();
  // A start outside the history read (e.g. before --from) brings nothing.
  const stack = starts.filter((start) => start >= 0);
  while (stack.length > 0) {
    const index = stack.pop() as number;
    if (visited.has(index) || (seen[index] as number) >= stopAt) continue;
    visited.add(index);
    found.push(index);
    for (const parent of ancestry.parentsAt(index)) stack.push(parent);
  }
  return found;
}
