// Which tags are releases, and in what order.
import { describe, expect, it } from 'vitest';
import { selectReleaseTags, versionFromTag } from '../../../src/core/tags/release-tag.js';

describe('versionFromTag', () => {
  it.each([
    ['v1.2.3', 'v', '1.2.3'],
    ['v1.2.3-rc.1', 'v', '1.2.3-rc.1'],
    ['1.2.3', '', '1.2.3'],
    ['release-2.0.0', 'release-', '2.0.0'],
    ['pkg@1.0.0', 'pkg@', '1.0.0'],
    ['v1.2', 'v', null],
    ['latest', 'v', null],
    ['1.2.3', 'v', null],
    ['vv1.2.3', 'v', null],
    ['v01.2.3', 'v', null],
    ['v1.2.3.4', 'v', null],
  ])('%s with prefix %j → %s', (name, prefix, expected) => {
    expect(versionFromTag(name, prefix)).toBe(expected);
  });
});

describe('selectReleaseTags', () => {
  it('keeps semver tags with the prefix, newest version first', () => {
    const tag = (name: string, date = '2024-01-01T00:00:00Z') => ({ name, commit: name, date, annotated: false });
    const selected = selectReleaseTags(
      [tag('v1.0.0'), tag('nightly'), tag('v1.10.0'), tag('v1.2.0'), tag('v1.10.0-rc.1'), tag('2.0.0')],
      'v',
    );
    expect(selected.map((t) => t.name)).toEqual(['v1.10.0', 'v1.10.0-rc.1', 'v1.2.0', 'v1.0.0']);
    expect(selected[1]?.isPrerelease).toBe(true);
  });
});
