// Does what each package's files say was released agree with its tags? The single-package check
// (checkReleaseHistory) per package, with one difference: a package that has no tag at all is
// only suspect when no package has one. Then nothing was fetched (a `--no-tags` clone); otherwise
// the tags were fetched and that package simply was never released, so its manifest's version
// and a hand-written CHANGELOG.md are what its first release starts from.
import { checkReleaseHistory, type UnexplainedRelease } from '../changelog/release-history.js';

export interface PackageHistoryInput {
  name: string;
  /** Its CHANGELOG.md (in its folder), e.g. `packages/core/CHANGELOG.md`, and the file's section versions. */
  changelogPath: string;
  sectionVersions: readonly string[];
  /** Its package.json and the version it claims (null: none). */
  manifestPath: string;
  manifestVersion: string | null;
  /** Every release tag of it here, reachable or not. */
  tagged: readonly string[];
  newestReachable: string | null;
  /** The version this run would release (null: nothing to release). */
  upcoming: string | null;
}

interface PackageUnexplained {
  name: string;
  newestTag: string | null;
  unexplained: UnexplainedRelease[];
}

export function checkPackagesHistory(
  packages: readonly PackageHistoryInput[],
  firstVersion: string,
): PackageUnexplained[] {
  const anyTagged = packages.some((pkg) => pkg.tagged.length > 0);
  const problems: PackageUnexplained[] = [];
  for (const pkg of packages) {
    if (anyTagged && pkg.tagged.length === 0) continue;
    const { unexplained } = checkReleaseHistory({
      sectionVersions: pkg.sectionVersions,
      fileVersions: pkg.manifestVersion === null ? [] : [{ path: pkg.manifestPath, version: pkg.manifestVersion }],
      tagged: pkg.tagged,
      newestReachable: pkg.newestReachable,
      upcoming: pkg.upcoming,
      firstVersion,
    });
    const named = unexplained.map((entry) =>
      entry.source === 'CHANGELOG.md' ? { ...entry, source: pkg.changelogPath } : entry,
    );
    if (named.length > 0) problems.push({ name: pkg.name, newestTag: pkg.newestReachable, unexplained: named });
  }
  return problems;
}
