// Per-package tags: formats with {name} and {version}, several read at once, the first written.
import { describe, expect, it } from 'vitest';
import {
  checkTagFormat,
  packageTagName,
  selectPackageTags,
  selectTagsOfPackages,
  versionInFormat,
} from '../../../src/core/packages/package-tags.js';
import type { GitTag } from '../../../src/core/tags/release-tag.js';

const tag = (name: string): GitTag => ({ name, commit: name.padEnd(40, '0').slice(0, 40), date: '', annotated: true });

describe('package tags', () => {
  it('writes and reads a scoped name', () => {
    expect(packageTagName('{name}@{version}', '@scope/pkg', '1.2.3')).toBe('@scope/pkg@1.2.3');
    expect(versionInFormat('@scope/pkg@1.2.3', '{name}@{version}', '@scope/pkg')).toBe('1.2.3');
    expect(versionInFormat('@scope/pkg@v1.2.3', '{name}@{version}', '@scope/pkg')).toBeNull();
    expect(versionInFormat('@scope/pkg-extra@1.2.3', '{name}@{version}', '@scope/pkg')).toBeNull();
  });

  it("never takes a longer name's tags as its own", () => {
    const tags = [
      'conventional-changelog@7.0.0',
      'conventional-changelog-angular@8.0.0',
      'conventional-changelog-angular-v5.0.13',
      'conventional-changelog-v3.1.25',
    ].map(tag);
    const formats = ['{name}@{version}', '{name}-v{version}'];
    expect(selectPackageTags(tags, 'conventional-changelog', formats).map((t) => t.name)).toEqual([
      'conventional-changelog@7.0.0',
      'conventional-changelog-v3.1.25',
    ]);
    expect(selectPackageTags(tags, 'conventional-changelog-angular', formats).map((t) => t.name)).toEqual([
      'conventional-changelog-angular@8.0.0',
      'conventional-changelog-angular-v5.0.13',
    ]);
  });

  it('a version tagged in two formats counts once, by the earlier-listed format; newest version first', () => {
    const tags = ['a-v1.0.0', 'a@1.0.0', 'a@1.1.0-rc.0', 'a@0.9.0'].map(tag);
    const selected = selectPackageTags(tags, 'a', ['{name}@{version}', '{name}-v{version}']);
    expect(selected.map((t) => [t.name, t.version, t.isPrerelease])).toEqual([
      ['a@1.1.0-rc.0', '1.1.0-rc.0', true],
      ['a@1.0.0', '1.0.0', false],
      ['a@0.9.0', '0.9.0', false],
    ]);
  });

  it('checks formats', () => {
    expect(checkTagFormat('{name}@{version}')).toBeNull();
    expect(checkTagFormat('v{version}')).toBeNull();
    expect(checkTagFormat('{name}')).toMatch(/\{version\} exactly once/);
    expect(checkTagFormat('{pkg}@{version}')).toMatch(/only \{name\} and \{version\}/);
  });
});

describe('selectTagsOfPackages', () => {
  it('finds for every package what selectPackageTags finds for it alone', () => {
    const names = ['conventional-changelog', 'conventional-changelog-angular', '@scope/pkg', 'v', 'x-1'];
    const tags = [
      'conventional-changelog@7.0.0',
      'conventional-changelog-v3.1.25',
      'conventional-changelog-angular@8.0.0',
      'conventional-changelog-angular-v5.0.13',
      'conventional-changelog-angular-v8.0.0',
      '@scope/pkg@1.2.3-rc.1',
      '@scope/pkg@1.2.3',
      'v1.0.0',
      'v@2.0.0',
      'x-1@1.0.0',
      'x-1-v10.0.0',
      'x-1@01.0.0',
      'unrelated',
    ].map(tag);
    const formats = ['{name}@{version}', '{name}-v{version}'];
    const all = selectTagsOfPackages(
      tags,
      names.map((name) => ({ name, formats })),
    );
    for (const name of names) expect(all.get(name)).toEqual(selectPackageTags(tags, name, formats));
    expect(all.get('x-1')?.map((t) => t.name)).toEqual(['x-1-v10.0.0', 'x-1@1.0.0']);
  });
});
