// A hotfix's version and branch name: the next free patch on the line it starts from
// (hotfix/1.4.1, or hotfix/1.4.1-login-crash with a name), and back from the branch name.
import semver from 'semver';

/** The smallest patch above `base` that no release of the same X.Y line has taken. */
export function nextHotfixVersion(base: string, released: readonly string[]): string {
  let patch = semver.patch(base);
  for (const version of released) {
    if (semver.prerelease(version) !== null) continue;
    if (semver.major(version) === semver.major(base) && semver.minor(version) === semver.minor(base)) patch = Math.max(patch, semver.patch(version));
  }
  return `${semver.major(base)}.${semver.minor(base)}.${patch + 1}`;
}

/**
 * The longest hotfix name: the branch's last path component (`1.4.1-NAME`, plus `.lock` while git
 * writes it) must stay within the 255 bytes a file name may have on common file systems.
 */
export const HOTFIX_NAME_MAX = 64;

/** A name is words joined by `-`: lower-case letters and digits (`login-crash`), at most HOTFIX_NAME_MAX characters. */
export const isHotfixName = (name: string): boolean => name.length <= HOTFIX_NAME_MAX && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);

export const hotfixBranchName = (prefix: string, version: string, name?: string): string => `${prefix}${version}${name ? `-${name}` : ''}`;

/** `hotfix/1.4.1-login-crash` → `1.4.1`; null when the branch does not name a version. */
export function versionOfHotfixBranch(prefix: string, branch: string): string | null {
  if (!branch.startsWith(prefix)) return null;
  const match = /^(\d+\.\d+\.\d+)(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?$/.exec(branch.slice(prefix.length));
  return match && semver.valid(match[1] ?? '') ? (match[1] as string) : null;
}
