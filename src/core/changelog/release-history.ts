// Does what the files say was released agree with the tags here? A clone without tags (`git clone
// --no-tags`, a CI checkout that fetched none) would otherwise make every past release "upcoming".
import semver from 'semver';

export interface ReleaseHistoryInput {
  /** The versions of CHANGELOG.md's sections, top to bottom. */
  sectionVersions: readonly string[];
  /** Versions the version files claim (package.json, lerna.json). */
  fileVersions: readonly { path: string; version: string }[];
  /** The version of every release tag here, reachable or not. */
  tagged: readonly string[];
  /** The newest release tag reachable from the released ref (null: none). */
  newestReachable: string | null;
  /** The version about to be released (null: nothing to release). */
  upcoming: string | null;
  /** The version of a first release (config firstVersion). */
  firstVersion: string;
}

export interface UnexplainedRelease {
  /** The file that names the release: CHANGELOG.md, package.json, lerna.json. */
  source: string;
  version: string;
}

interface ReleaseHistory {
  /** The top section when it is the upcoming release's own draft (an earlier run wrote it). */
  draft: string | null;
  /** Releases the files name that no tag here explains, newest first. */
  unexplained: UnexplainedRelease[];
}

const release = (version: string): string =>
  `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`;

/**
 * Could `version` be what an earlier run wrote for the upcoming release before its version
 * changed (a fix, then a feature: 1.0.1 → 1.1.0)? It lies above the newest release and no further
 * than the next major; with no release yet, it is the first version (or a prerelease of it).
 */
function isDraftOfUpcoming(version: string, input: ReleaseHistoryInput): boolean {
  if (input.upcoming === null) return false;
  if (version === input.upcoming) return true;
  if (input.newestReachable === null)
    return release(version) === release(input.upcoming) || version === input.firstVersion;
  const ceiling = semver.inc(release(input.newestReachable), 'major') ?? input.newestReachable;
  return semver.gt(version, input.newestReachable) && semver.lte(version, ceiling);
}

/**
 * A section is explained by a tag of its version, or by lying below the newest reachable tag
 * (old history from before tags were made: commitlint's 7.6.2 has none). Everything the files
 * say was released above that tag, except the upcoming release's own draft, means tags are missing.
 */
export function checkReleaseHistory(input: ReleaseHistoryInput): ReleaseHistory {
  const tagged = new Set(input.tagged);
  const above = (version: string): boolean =>
    !tagged.has(version) && (input.newestReachable === null || semver.gt(version, input.newestReachable));
  const [top, ...rest] = input.sectionVersions.filter((version) => semver.valid(version) !== null);
  const draft = top !== undefined && !tagged.has(top) && isDraftOfUpcoming(top, input) ? top : null;
  const unexplained: UnexplainedRelease[] = [...(draft === null && top !== undefined ? [top] : []), ...rest]
    .filter(above)
    .map((version) => ({ source: 'CHANGELOG.md', version }));
  // A version file may run ahead of the tags by the upcoming release (gitflow's release branch,
  // `1.5.0-dev` builds), or be a first version never released; past that, a release is missing here.
  const floor = input.upcoming ?? input.newestReachable ?? input.firstVersion;
  for (const file of input.fileVersions) {
    if (semver.valid(file.version) !== null && above(file.version) && semver.gt(file.version, floor)) {
      unexplained.push({ source: file.path, version: file.version });
    }
  }
  return { draft, unexplained };
}
