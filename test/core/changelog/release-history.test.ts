// Which releases the files name that no tag here explains: a clone without tags must not rewrite history.
import { describe, expect, it } from 'vitest';
import { checkReleaseHistory, type ReleaseHistoryInput } from '../../../src/core/changelog/release-history.js';
import { named } from '../../helpers/named.js';

const input = (overrides: Partial<ReleaseHistoryInput>): ReleaseHistoryInput => ({
  sectionVersions: [],
  fileVersions: [],
  tagged: [],
  newestReachable: null,
  upcoming: null,
  firstVersion: '1.0.0',
  ...overrides,
});

/** commitlint's shape, newest first, with 7.6.2 the one release that was never tagged. */
const COMMITLINT = ['21.2.2', '21.2.1', '21.2.0', '21.1.0', '7.6.2', '7.6.1'];

describe('checkReleaseHistory', () => {
  it.each(
    named([
      {
        name: 'a clone without tags: every section is unexplained, the top one too',
        given: input({ sectionVersions: COMMITLINT, upcoming: '1.0.0' }),
        draft: null,
        unexplained: COMMITLINT,
      },
      {
        name: 'the tags fetched: an old untagged section below the newest tag is history, not a missing tag',
        given: input({
          sectionVersions: COMMITLINT,
          tagged: COMMITLINT.filter((v) => v !== '7.6.2'),
          newestReachable: '21.2.2',
          upcoming: '21.2.3',
        }),
        draft: null,
        unexplained: [],
      },
      {
        name: 'some tags fetched: the releases above the newest one here are unexplained',
        given: input({ sectionVersions: COMMITLINT, tagged: ['7.6.1'], newestReachable: '7.6.1', upcoming: '7.6.2' }),
        draft: null,
        unexplained: ['21.2.2', '21.2.1', '21.2.0', '21.1.0', '7.6.2'],
      },
      {
        name: 'an earlier run’s draft of the upcoming release (1.0.1, now 1.1.0) is the draft',
        given: input({
          sectionVersions: ['1.0.1', '1.0.0'],
          tagged: ['1.0.0'],
          newestReachable: '1.0.0',
          upcoming: '1.1.0',
        }),
        draft: '1.0.1',
        unexplained: [],
      },
      {
        name: 'only the top section can be a draft',
        given: input({
          sectionVersions: ['1.1.0', '1.0.1', '1.0.0'],
          tagged: ['1.0.0'],
          newestReachable: '1.0.0',
          upcoming: '1.1.0',
        }),
        draft: '1.1.0',
        unexplained: ['1.0.1'],
      },
      {
        name: 'the first release’s draft before any tag',
        given: input({ sectionVersions: ['1.0.0'], upcoming: '1.0.0' }),
        draft: '1.0.0',
        unexplained: [],
      },
    ]),
  )('%s', (_name, { given, draft, unexplained }) => {
    const history = checkReleaseHistory(given);
    expect(history.draft).toBe(draft);
    expect(history.unexplained.map((entry) => entry.version)).toEqual(unexplained);
  });

  it.each(
    named([
      {
        name: 'package.json above every tag here',
        version: '2.3.0',
        newestReachable: null,
        upcoming: '1.0.0',
        unexplained: true,
      },
      {
        name: 'lerna.json above the newest tag here',
        version: '21.2.2',
        newestReachable: '20.0.0',
        upcoming: '20.0.1',
        unexplained: true,
      },
      {
        name: 'npm init’s 1.0.0, never released',
        version: '1.0.0',
        newestReachable: null,
        upcoming: '1.0.0',
        unexplained: false,
      },
      {
        name: 'the upcoming version already (a gitflow release branch)',
        version: '1.4.0',
        newestReachable: '1.3.0',
        upcoming: '1.4.0',
        unexplained: false,
      },
      {
        name: 'a -dev build of the next version',
        version: '1.4.0-dev',
        newestReachable: '1.3.0',
        upcoming: '1.4.0',
        unexplained: false,
      },
      {
        name: 'semantic-release’s placeholder',
        version: '0.0.0-development',
        newestReachable: '4.2.0',
        upcoming: '4.3.0',
        unexplained: false,
      },
    ]),
  )('version file: %s', (_name, { version, newestReachable, upcoming, unexplained }) => {
    const history = checkReleaseHistory(
      input({
        fileVersions: [{ path: 'package.json', version }],
        newestReachable,
        tagged: newestReachable ? [newestReachable] : [],
        upcoming,
      }),
    );
    expect(history.unexplained).toEqual(unexplained ? [{ source: 'package.json', version }] : []);
  });
});
