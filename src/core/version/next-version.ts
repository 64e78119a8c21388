// The next version from the commits since the last stable release, the tags and the flags.
import semver from 'semver';
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import { latestStable, type ReleaseTag } from '../tags/release-tag.js';
import { decideBump, type Bump, type BumpDecision, type BumpRules } from './bump-rules.js';

export interface NextVersionInput {
  /** Commits since the last stable release tag (all of history when there is none), newest first. */
  commits: readonly ConventionalCommit[];
  /** Release tags reachable from the released ref, newest version first. */
  tags: readonly ReleaseTag[];
  /** Every release tag (reachable or not), so a prerelease number is never reused; defaults to `tags`. */
  existingTags?: readonly ReleaseTag[];
  rules: BumpRules;
  /** Forces the bump instead of deriving it from the commits. */
  bump?: Bump;
  /** Prerelease identifier such as `rc` or `beta`. */
  preid?: string;
  /** Version of the first release when no release tag exists. */
  firstVersion: string;
  /** X.Y.Z decided elsewhere (the name of a release/1.4.0 branch): used instead of a bump; preid still applies. */
  target?: string;
  /** A whole version a person typed (validated with checkCustomVersion): used as it is, preid ignored. */
  exactVersion?: string;
  /**
   * With no release tag at all: the version the project already declares (package.json's), which
   * the commits bump, as commit-and-tag-version does; without it the first release is `firstVersion`.
   */
  startVersion?: string;
  /** `--first-release`: release the start version (or `firstVersion`) as it is, without a bump. */
  keepStartVersion?: boolean;
}

export type NextVersion =
  | {
      kind: 'release';
      version: string;
      /** Latest release tag of any kind (null for a first release). */
      current: ReleaseTag | null;
      /** The stable release the bump starts from. */
      base: ReleaseTag | null;
      bump: Bump | null;
      forced: boolean;
      decision: BumpDecision;
      firstRelease: boolean;
    }
  | { kind: 'nothing'; current: ReleaseTag | null; decision: BumpDecision };

/** Breaking changes before 1.0.0 bump the minor: 0.x is allowed to break. */
const effectiveBump = (bump: Bump, base: string): Bump =>
  bump === 'major' && semver.major(base) === 0 ? 'minor' : bump;

function nextPrereleaseNumber(target: string, preid: string, tags: readonly ReleaseTag[]): number {
  let highest = -1;
  for (const tag of tags) {
    const pre = semver.prerelease(tag.version);
    if (!pre || pre[0] !== preid) continue;
    if (`${semver.major(tag.version)}.${semver.minor(tag.version)}.${semver.patch(tag.version)}` !== target) continue;
    const n = typeof pre[1] === 'number' ? pre[1] : Number.NaN;
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return highest + 1;
}

export function computeNextVersion(input: NextVersionInput): NextVersion {
  const current = input.tags[0] ?? null;
  const base = latestStable(input.tags) ?? null;
  const decision = decideBump(input.commits, input.rules);
  const bump = input.bump ?? decision.bump;
  const firstRelease = base === null && current === null;
  if (input.exactVersion !== undefined) {
    return {
      kind: 'release',
      version: input.exactVersion,
      current,
      base,
      bump: null,
      forced: true,
      decision,
      firstRelease,
    };
  }
  if (firstRelease && input.keepStartVersion) {
    return {
      kind: 'release',
      version: input.startVersion ?? input.firstVersion,
      current,
      base,
      bump: null,
      forced: true,
      decision,
      firstRelease,
    };
  }
  const start =
    firstRelease && input.startVersion !== undefined && input.target === undefined ? input.startVersion : undefined;
  if (start !== undefined) {
    if (bump === null) return { kind: 'nothing', current, decision };
    const version = semver.inc(start, effectiveBump(bump, start)) ?? start;
    const withPreid = input.preid
      ? `${version}-${input.preid}.${nextPrereleaseNumber(version, input.preid, input.existingTags ?? input.tags)}`
      : version;
    return {
      kind: 'release',
      version: withPreid,
      current,
      base,
      bump,
      forced: input.bump !== undefined,
      decision,
      firstRelease,
    };
  }

  let target: string;
  if (input.target !== undefined) {
    target = input.target;
  } else if (base === null) {
    // First stable release: the configured first version, unless a prerelease line already went past it.
    target = input.firstVersion;
  } else {
    if (bump === null) return { kind: 'nothing', current, decision };
    target = semver.inc(base.version, effectiveBump(bump, base.version)) ?? base.version;
  }
  // A forced bump below an existing prerelease line must not go backwards.
  if (current?.isPrerelease && semver.gt(semver.coerce(current.version)?.version ?? '0.0.0', target)) {
    target = semver.coerce(current.version)?.version ?? target;
  }

  const version = input.preid
    ? `${target}-${input.preid}.${nextPrereleaseNumber(target, input.preid, input.existingTags ?? input.tags)}`
    : target;
  return {
    kind: 'release',
    version,
    current,
    base,
    bump: base === null ? null : bump,
    forced: input.bump !== undefined || input.target !== undefined,
    decision,
    firstRelease,
  };
}
