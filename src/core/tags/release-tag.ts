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

/** Keeps release tags and sorts them newest version first. */
export function selectReleaseTags(tags: readonly GitTag[], prefix: string): ReleaseTag[] {
  const releases: ReleaseTag[] = [];
  for (const tag of tags) {
    const version = versionFromTag(tag.name, prefix);
    if (version === null) continue;
    releases.push({ ...tag, version, isPrerelease: semver.prerelease(version) !== null });
  }
  return releases.sort((a, b) => semver.rcompare(a.version, b.version) || b.date.localeCompare(a.date));
}

export const latestStable = (tags: readonly ReleaseTag[]): ReleaseTag | undefined =>
  tags.find((tag) => !tag.isPrerelease);

export const tagName = (prefix: string, version: string): string => `${prefix}${version}`;
