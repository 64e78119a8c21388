// No release tag yet: the version package.json declares is bumped (or kept with --first-release).
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUMP_RULES } from '../../../src/core/version/bump-rules.js';
import { computeNextVersion } from '../../../src/core/version/next-version.js';
import { aLinearHistory, aTag } from '../../helpers/build-commits.js';
import { named } from '../../helpers/named.js';

const input = (messages: string[], extra: Partial<Parameters<typeof computeNextVersion>[0]> = {}) => ({
  commits: aLinearHistory(messages),
  tags: [],
  rules: DEFAULT_BUMP_RULES,
  firstVersion: '1.0.0',
  ...extra,
});

describe('computeNextVersion: the first release', () => {
  it.each(
    named([
      {
        name: 'a feature bumps the declared minor',
        messages: ['chore: init', 'feat: a'],
        startVersion: '2.3.0',
        expected: '2.4.0',
        bump: 'minor',
      },
      {
        name: 'a fix bumps the declared patch',
        messages: ['fix: a'],
        startVersion: '2.3.0',
        expected: '2.3.1',
        bump: 'patch',
      },
      {
        name: 'breaking before 1.0.0 bumps the minor',
        messages: ['feat!: a'],
        startVersion: '0.4.0',
        expected: '0.5.0',
        bump: 'major',
      },
    ]),
  )('%s', (_name, { messages, startVersion, expected, bump }) => {
    expect(computeNextVersion(input(messages, { startVersion }))).toMatchObject({
      kind: 'release',
      version: expected,
      bump,
      firstRelease: true,
      forced: false,
    });
  });

  it('nothing to release when no commit asks for a bump from the declared version', () => {
    expect(computeNextVersion(input(['docs: a'], { startVersion: '2.3.0' }))).toMatchObject({ kind: 'nothing' });
  });

  it('a prerelease of the bumped version', () => {
    expect(computeNextVersion(input(['feat: a'], { startVersion: '2.3.0', preid: 'rc' }))).toMatchObject({
      kind: 'release',
      version: '2.4.0-rc.0',
    });
  });

  it('--first-release keeps the declared version, even with nothing to bump', () => {
    expect(computeNextVersion(input(['docs: a'], { startVersion: '2.3.0', keepStartVersion: true }))).toMatchObject({
      kind: 'release',
      version: '2.3.0',
      bump: null,
      forced: true,
      firstRelease: true,
    });
    expect(computeNextVersion(input(['feat: a'], { keepStartVersion: true }))).toMatchObject({
      kind: 'release',
      version: '1.0.0',
      forced: true,
    });
  });

  it('without a declared version the first release is firstVersion, as before', () => {
    expect(computeNextVersion(input(['feat: a']))).toMatchObject({
      kind: 'release',
      version: '1.0.0',
      firstRelease: true,
    });
  });

  it('once a release is tagged the declared version and --first-release no longer count', () => {
    const tagged = input(['feat: a'], {
      tags: [aTag('v1.2.0', '1.2.0')],
      startVersion: '5.0.0',
      keepStartVersion: true,
    });
    expect(computeNextVersion(tagged)).toMatchObject({ kind: 'release', version: '1.3.0', firstRelease: false });
  });
});
