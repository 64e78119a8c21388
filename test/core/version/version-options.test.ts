// The version choices side by side, from commits and tags (no git).
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUMP_RULES } from '../../../src/core/version/bump-rules.js';
import { computeNextVersion } from '../../../src/core/version/next-version.js';
import { choiceRequest, listVersionOptions } from '../../../src/core/version/version-options.js';
import { aLinearHistory, aTag } from '../../helpers/build-commits.js';

const base = (messages: string[], tags = [aTag('v1.2.3', '1.2.3')]) => ({
  commits: aLinearHistory(messages),
  tags,
  rules: DEFAULT_BUMP_RULES,
  firstVersion: '1.0.0',
});
const versions = (options: ReturnType<typeof listVersionOptions>) =>
  options.map((option) => [option.choice.kind === 'bump' ? option.choice.bump : option.choice.kind, option.version]);

describe('listVersionOptions', () => {
  it('lists the suggestion, each bump and a prerelease of the suggestion', () => {
    expect(versions(listVersionOptions(base(['fix: a', 'feat: b']), 'rc'))).toEqual([
      ['suggested', '1.3.0'],
      ['patch', '1.2.4'],
      ['minor', '1.3.0'],
      ['major', '2.0.0'],
      ['prerelease', '1.3.0-rc.0'],
    ]);
  });

  it('has no suggestion (and no prerelease of it) when no commit asks for a release', () => {
    expect(versions(listVersionOptions(base(['docs: a']), 'beta'))).toEqual([
      ['suggested', null],
      ['patch', '1.2.4'],
      ['minor', '1.3.0'],
      ['major', '2.0.0'],
      ['prerelease', null],
    ]);
  });

  it('continues a prerelease line', () => {
    const tags = [aTag('v1.3.0-rc.0', '1.3.0-rc.0'), aTag('v1.2.3', '1.2.3')];
    expect(listVersionOptions(base(['feat: a'], tags), 'rc').at(-1)?.version).toBe('1.3.0-rc.1');
  });
});

describe('choiceRequest', () => {
  it.each([
    [{ kind: 'suggested' } as const, {}],
    [{ kind: 'bump', bump: 'minor' } as const, { bump: 'minor' }],
    [{ kind: 'prerelease', preid: 'rc' } as const, { preid: 'rc' }],
    [{ kind: 'custom', version: '2.0.0-beta.1' } as const, { exactVersion: '2.0.0-beta.1' }],
  ])('%o → %o', (choice, request) => {
    expect(choiceRequest(choice)).toEqual(request);
  });
});

describe('computeNextVersion with an exact version', () => {
  it('uses it as it is, preid and the commits aside, and says it was chosen by hand', () => {
    const next = computeNextVersion({ ...base(['fix: a']), preid: 'rc', exactVersion: '3.0.0-beta.4' });
    expect(next).toMatchObject({
      kind: 'release',
      version: '3.0.0-beta.4',
      forced: true,
      bump: null,
      firstRelease: false,
    });
  });

  it('also on a first release', () => {
    expect(computeNextVersion({ ...base(['docs: a'], []), exactVersion: '0.1.0' })).toMatchObject({
      kind: 'release',
      version: '0.1.0',
      firstRelease: true,
    });
  });
});
