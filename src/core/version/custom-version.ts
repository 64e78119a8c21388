// A version typed by a person (the wizard's "custom", `release --release-as`): valid semver, no
// build metadata, and above the current release. Each refusal says what to type instead.
import semver from 'semver';

export type CustomVersionCheck = { ok: true; version: string } | { ok: false; reason: string };

/** `current`: the latest release reachable from what is released (null: none yet). A leading `v` is dropped. */
export function checkCustomVersion(text: string, current: string | null): CustomVersionCheck {
  const typed = text.trim().replace(/^v/, '');
  if (!typed) return { ok: false, reason: `type a version such as ${suggestion(current)}` };
  const parsed = semver.parse(typed);
  if (parsed === null || parsed.version !== typed.replace(/\+.*$/, '')) {
    return {
      ok: false,
      reason: `'${typed}' is not a semantic version: type MAJOR.MINOR.PATCH, e.g. ${suggestion(current)} or ${suggestion(current)}-rc.0`,
    };
  }
  // selectReleaseTags reads a tag back only when its version is exactly the semver form, and
  // semver drops build metadata, so `v1.5.0+build` would never count as released.
  if (parsed.build.length > 0)
    return {
      ok: false,
      reason: `build metadata (+${parsed.build.join('.')}) cannot be part of a release tag: drop it`,
    };
  if (current !== null && !semver.gt(parsed.version, current)) {
    return {
      ok: false,
      reason: `${parsed.version} is not above the current release ${current}: type a higher version, e.g. ${suggestion(current)}`,
    };
  }
  return { ok: true, version: parsed.version };
}

const suggestion = (current: string | null): string =>
  current === null ? '1.0.0' : (semver.inc(current, semver.prerelease(current) ? 'patch' : 'minor') ?? '1.0.0');
