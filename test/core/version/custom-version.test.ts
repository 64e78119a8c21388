// A typed version: accepted only as plain semver above the current release; refusals say what to type.
import { describe, expect, it } from 'vitest';
import { checkCustomVersion } from '../../../src/core/version/custom-version.js';

describe('checkCustomVersion', () => {
  it.each([
    ['1.5.0', '1.4.2', '1.5.0'],
    ['v1.5.0', '1.4.2', '1.5.0'],
    ['  2.0.0 ', '1.4.2', '2.0.0'],
    ['1.5.0-beta.2', '1.4.2', '1.5.0-beta.2'],
    ['1.5.0', '1.5.0-rc.1', '1.5.0'],
    ['0.1.0', null, '0.1.0'],
  ])('accepts %j above %s as %s', (text, current, version) => {
    expect(checkCustomVersion(text, current)).toEqual({ ok: true, version });
  });

  it.each([
    ['', '1.4.2', 'type a version such as 1.5.0'],
    ['1.5', '1.4.2', "'1.5' is not a semantic version: type MAJOR.MINOR.PATCH, e.g. 1.5.0 or 1.5.0-rc.0"],
    ['01.5.0', '1.4.2', "'01.5.0' is not a semantic version"],
    ['=1.5.0', '1.4.2', "'=1.5.0' is not a semantic version"],
    ['1.5.0 beta', '1.4.2', "'1.5.0 beta' is not a semantic version"],
    ['1.5.0+build.7', '1.4.2', 'build metadata (+build.7) cannot be part of a release tag: drop it'],
    ['1.4.2', '1.4.2', '1.4.2 is not above the current release 1.4.2: type a higher version, e.g. 1.5.0'],
    ['1.4.0', '1.4.2', '1.4.0 is not above the current release 1.4.2'],
    [
      '1.5.0-rc.0',
      '1.5.0-rc.1',
      '1.5.0-rc.0 is not above the current release 1.5.0-rc.1: type a higher version, e.g. 1.5.0',
    ],
  ])('refuses %j (current %s)', (text, current, reason) => {
    const checked = checkCustomVersion(text, current);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toContain(reason);
  });
});
