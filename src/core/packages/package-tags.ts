// Per-package release tags: `{name}@{version}` by default (changesets, lerna), any format with
// `{name}` and `{version}` (release-please's `{name}-v{version}`), several accepted at once so a
// history that changed format reads whole. The first format is the one new tags are written in.
import semver from 'semver';
import type { GitTag, ReleaseTag } from '../tags/release-tag.js';

export const DEFAULT_TAG_FORMATS: readonly string[] = ['{name}@{version}'];

/** What a format must contain: `{version}` once; `{name}` is optional (a package alone in its format). */
export function checkTagFormat(format: string): string | null {
  const versions = format.split('{version}').length - 1;
  if (versions !== 1) return 'a tag format with {version} exactly once, such as "{name}@{version}" or "{name}-v{version}"';
  if (/\{(?!name\}|version\})/.test(format)) return 'only {name} and {version} as placeholders';
  return null;
}

const expand = (text: string, name: string): string => text.split('{name}').join(name);

/** The tag a package's version gets in a format. */
export const packageTagName = (format: string, name: string, version: string): string => expand(format, name).replace('{version}', version);

/** The version a tag names in this package's format, or null. */
export function versionInFormat(tag: string, format: string, name: string): string | null {
  const [before = '', after = ''] = format.split('{version}');
  const prefix = expand(before, name);
  const suffix = expand(after, name);
  if (!tag.startsWith(prefix) || !tag.endsWith(suffix) || tag.length <= prefix.length + suffix.length) return null;
  const text = tag.slice(prefix.length, tag.length - suffix.length);
  // semver.valid accepts `v1.2.0` and `=1.2.0`; only the exact form counts inside a format.
  return semver.valid(text) === text ? text : null;
}

/**
 * The package's release tags in any of its formats, newest version first. A version tagged in two
 * formats (a migration that re-tagged) counts once, by the tag in the earlier-listed format.
 */
export function selectPackageTags(tags: readonly GitTag[], name: string, formats: readonly string[]): ReleaseTag[] {
  const byVersion = new Map<string, { tag: ReleaseTag; rank: number; parsed: semver.SemVer }>();
  for (const tag of tags) {
    for (const [rank, format] of formats.entries()) {
      const version = versionInFormat(tag.name, format, name);
      if (version === null) continue;
      const known = byVersion.get(version);
      const parsed = new semver.SemVer(version);
      if (!known || rank < known.rank) byVersion.set(version, { tag: { ...tag, version, isPrerelease: parsed.prerelease.length > 0 }, rank, parsed });
      break;
    }
  }
  return [...byVersion.values()].sort((a, b) => b.parsed.compare(a.parsed)).map((entry) => entry.tag);
}
