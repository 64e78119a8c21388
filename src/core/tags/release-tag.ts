// Release tags: git tags that carry the configured prefix and a valid semver version.
import semver from 'semver';

export interface GitTag {
  /** Short name, e.g. `v1.2.0`. */
  name: string;
  /** The commit the tag points at (peeled for annotated tags). */
  commit: string;
  /** Tagger date for annotated tags, commit date for lightweight ones (ISO 8601). */
  date: string;
  annotated: boolean;
}

export interface ReleaseTag extends GitTag {
  version: string;
  isPrerelease: boolean;
}

/** `v1.2.0` with prefix `v` → `1.2.0`; anything else (no prefix, not semver) → null. */
export function versionFromTag(name: string, prefix: string): string | null {
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  const valid = semver.valid(rest);
  // semver.valid accepts `v1.2.0` and `=1.2.0`; only the exact form counts behind a prefix.
  return valid !== null && valid === rest ? valid : null;
}

/** Keeps release tags and sorts them newest version first (each version parsed once, not per comparison). */
export function selectReleaseTags(tags: readonly GitTag[], prefix: string): ReleaseTag[] {
  const parsed: { tag: ReleaseTag; version: semver.SemVer }[] = [];
  for (const tag of tags) {
    const version = versionFromTag(tag.name, prefix);
    const semverVersion = version === null ? null : semver.parse(version);
    if (version === null || semverVersion === null) continue;
    parsed.push({
      tag: { ...tag, version, isPrerelease: semverVersion.prerelease.length > 0 },
      version: semverVersion,
    });
  }
  return parsed
    .sort((a, b) => b.version.compare(a.version) || b.tag.date.localeCompare(a.tag.date))
    .map((entry) => entry.tag);
}

export const latestStable = (tags: readonly ReleaseTag[]): ReleaseTag | undefined =>
  tags.find((tag) => !tag.isPrerelease);

export const tagName = (prefix: string, version: string): string => `${prefix}${version}`;

/** The release tags among `there` (a remote's tag names) that `here` lacks, newest version first. */
export function releaseTagsMissingHere(there: readonly string[], here: readonly string[], prefix: string): string[] {
  const local = new Set(here);
  const missing = there.flatMap((name) => {
    const version = local.has(name) ? null : versionFromTag(name, prefix);
    return version === null ? [] : [{ name, version }];
  });
  return missing.sort((a, b) => semver.rcompare(a.version, b.version)).map((entry) => entry.name);
}
