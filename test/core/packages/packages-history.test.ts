import { describe, expect, it } from 'vitest';
import { checkPackagesHistory, type PackageHistoryInput } from '../../../src/core/packages/packages-history.js';

const pkg = (name: string, fields: Partial<PackageHistoryInput>): PackageHistoryInput => ({
  name,
  changelogPath: `packages/${name}/CHANGELOG.md`,
  sectionVersions: [],
  manifestPath: `packages/${name}/package.json`,
  manifestVersion: null,
  tagged: [],
  newestReachable: null,
  upcoming: null,
  ...fields,
});

describe('checkPackagesHistory', () => {
  const released = pkg('core', {
    sectionVersions: ['1.2.0', '1.1.0'],
    manifestVersion: '1.2.0',
    tagged: ['1.1.0', '1.2.0'],
    newestReachable: '1.2.0',
    upcoming: '1.2.1',
  });
  const neverTagged = pkg('fresh', { sectionVersions: ['0.2.0'], manifestVersion: '0.3.0', upcoming: '0.4.0' });

  it('a package never tagged while another is tagged is not suspect', () => {
    expect(checkPackagesHistory([released, neverTagged], '1.0.0')).toEqual([]);
  });

  it('no package tagged at all: every package whose files name releases is reported', () => {
    const untagged = { ...released, tagged: [], newestReachable: null, upcoming: '1.2.1' };
    expect(checkPackagesHistory([untagged, neverTagged], '1.0.0')).toEqual([
      {
        name: 'core',
        newestTag: null,
        unexplained: [
          { source: 'packages/core/CHANGELOG.md', version: '1.2.0' },
          { source: 'packages/core/CHANGELOG.md', version: '1.1.0' },
        ],
      },
      { name: 'fresh', newestTag: null, unexplained: [{ source: 'packages/fresh/CHANGELOG.md', version: '0.2.0' }] },
    ]);
  });

  it('a tagged package whose changelog runs ahead of its tags is reported', () => {
    const ahead = { ...released, sectionVersions: ['1.4.0', '1.3.0', '1.2.0'], upcoming: '1.2.1' };
    expect(checkPackagesHistory([ahead, neverTagged], '1.0.0')).toEqual([
      { name: 'core', newestTag: '1.2.0', unexplained: [{ source: 'packages/core/CHANGELOG.md', version: '1.3.0' }] },
    ]);
  });

  it("the upcoming release's own draft and a fresh workspace's first versions pass", () => {
    const draft = { ...released, sectionVersions: ['1.2.1', '1.2.0', '1.1.0'] };
    const first = pkg('new', { manifestVersion: '1.0.0', upcoming: '1.0.0' });
    expect(checkPackagesHistory([draft], '1.0.0')).toEqual([]);
    expect(
      checkPackagesHistory([first, pkg('other', { manifestVersion: '0.1.0', upcoming: '0.1.0' })], '1.0.0'),
    ).toEqual([]);
  });
});
