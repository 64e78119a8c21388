// Per package: its release tags, its commits since its last release, its next version and the
// tag that version gets. Pure: the history, tags and commit ownership are read before.
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import type { RawCommit } from '../conventional-commits/raw-commit.js';
import { latestStable, type ReleaseTag } from '../tags/release-tag.js';
import type { Bump, BumpRules } from '../version/bump-rules.js';
import { computeNextVersion, type NextVersion } from '../version/next-version.js';
import type { PackageHistory } from './package-history.js';
import { packageTagName } from './package-tags.js';
import type { WorkspacePackage } from './workspace-package.js';

export interface PackageRelease {
  pkg: WorkspacePackage;
  /** The tag formats this package is read in; new tags use the first. */
  tagFormats: readonly string[];
  /** Its release tags reachable from the released ref, newest version first. */
  tags: ReleaseTag[];
  /** Every release tag of it, reachable or not. */
  allTags: ReleaseTag[];
  /** The stable release its commits are counted from. */
  base: ReleaseTag | null;
  /** Its own commits since `base`, newest first, merges included (they never decide a bump). */
  commits: ConventionalCommit[];
  next: NextVersion;
  /** The tag the next version gets; null with nothing to release. */
  nextTag: string | null;
}

interface PackageReleaseInput {
  pkg: WorkspacePackage;
  tagFormats: readonly string[];
  /** Its release tags (selectTagsOfPackages), all of them and those reachable from the released ref. */
  allTags: ReleaseTag[];
  tags: ReleaseTag[];
  history: readonly RawCommit[];
  packageHistory: PackageHistory;
  /** The hashes of this package's commits (assignCommitsToPackages). */
  own: ReadonlySet<string>;
  /** Parses a commit once for all packages (cached by the caller). */
  parse: (commit: RawCommit) => ConventionalCommit;
  rules: BumpRules;
  firstVersion: string;
  bump?: Bump;
  preid?: string;
  exactVersion?: string;
  firstRelease?: boolean;
}

export function computePackageRelease(input: PackageReleaseInput): PackageRelease {
  const { pkg } = input;
  const { allTags, tags } = input;
  const base = latestStable(tags) ?? null;
  const since = input.packageHistory.since(base?.commit ?? null);
  const commits: ConventionalCommit[] = [];
  input.history.forEach((raw, index) => {
    if (since[index] === 1 && input.own.has(raw.hash)) commits.push(input.parse(raw));
  });
  const next = computeNextVersion({
    commits,
    tags,
    existingTags: allTags,
    rules: input.rules,
    firstVersion: input.firstVersion,
    ...(pkg.version !== null ? { startVersion: pkg.version } : {}),
    ...(input.bump ? { bump: input.bump } : {}),
    ...(input.preid ? { preid: input.preid } : {}),
    ...(input.exactVersion ? { exactVersion: input.exactVersion } : {}),
    ...(input.firstRelease ? { keepStartVersion: true } : {}),
  });
  const format = input.tagFormats[0] ?? '{name}@{version}';
  return {
    pkg,
    tagFormats: input.tagFormats,
    tags,
    allTags,
    base,
    commits,
    next,
    nextTag: next.kind === 'release' ? packageTagName(format, pkg.name, next.version) : null,
  };
}
