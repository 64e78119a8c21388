// A hotfix's version and branch name: the next free patch on the line it starts from
// (hotfix/1.4.1, or hotfix/1.4.1-login-crash with a name), and back from the branch name.
import semver from 'semver';

/** The smallest patch above `base` that no release of the same X.Y line has taken. */
export function nextHotfixVersion(base: string, released: readonly string[]): string {
  let patch = semver.patch(base);
  for (const version of released) {
    if (semver.prerelease(version) !== null) continue;
    if (semver.major(version) === semver.major(base) && semver.minor(version) === semver.minor(base))
      patch = Math.max(patch, semver.patch(version));
  }
  return `${semver.major(base)}.${semver.minor(base)}.${patch + 1}`;
}

/**
 * The longest hotfix name: the branch's last path component (`1.4.1-NAME`, plus `.lock` while git
 * writes it) must stay within the 255 bytes a file name may have on common file systems.
 */
export const HOTFIX_NAME_MAX = 64;

/** A name is words joined by `-`: lower-case letters and digits (`login-crash`), at most HOTFIX_NAME_MAX characters. */
export const isHotfixName = (name: string): boolean =>
  name.length <= HOTFIX_NAME_MAX && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);

export const hotfixBranchName = (prefix: string, version: string, name?: string): string =>
  `${prefix}${version}${name ? `-${name}` : ''}`;

/** `hotfix/1.4.1-login-crash` → `1.4.1`; null when the branch does not name a version. */
export function versionOfHotfixBranch(prefix: string, branch: string): string | null {
  if (!branch.startsWith(prefix)) return null;
  const match = /^(\d+\.\d+\.\d+)(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?$/.exec(branch.slice(prefix.length));
  return match && semver.valid(match[1] ?? '') ? (match[1] as string) : null;
}

const lineOf = (version: string): string => `${semver.major(version)}.${semver.minor(version)}`;

/**
 * The newest stable release of each X.Y line, newest line first: the only tags a hotfix can start
 * from. A hotfix from v1.4.0 when v1.4.1 exists would be tagged v1.4.2 without v1.4.1's fix.
 */
export function newestOfEachLine<T extends { version: string; isPrerelease: boolean }>(tags: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const tag of tags) {
    if (tag.isPrerelease) continue;
    const seen = newest.get(lineOf(tag.version));
    if (!seen || semver.gt(tag.version, seen.version)) newest.set(lineOf(tag.version), tag);
  }
  return [...newest.values()].sort((a, b) => semver.rcompare(a.version, b.version));
}

/** The newer release of the same X.Y line that supersedes `version`, or null when it is the newest of its line. */
export function supersededBy<T extends { version: string; isPrerelease: boolean }>(
  version: string,
  tags: readonly T[],
): T | null {
  const newest = newestOfEachLine(tags).find((tag) => lineOf(tag.version) === lineOf(version));
  return newest && semver.gt(newest.version, version) ? newest : null;
}
