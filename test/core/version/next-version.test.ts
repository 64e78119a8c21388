// Next version from commits and tags: table-driven, no git.
import { describe, expect, it } from 'vitest';
import { computeNextVersion } from '../../../src/core/version/next-version.js';
import { DEFAULT_BUMP_RULES, type Bump } from '../../../src/core/version/bump-rules.js';
import { aCommit, aTag } from '../../helpers/build-commits.js';
import { named } from '../../helpers/named.js';

interface Case {
  name: string;
  messages: string[];
  tags: [string, string][];
  bump?: Bump;
  preid?: string;
  expected: string | null;
}

const CASES: Case[] = [
  { name: 'fix → patch', messages: ['fix: a'], tags: [['v1.2.3', '1.2.3']], expected: '1.2.4' },
  { name: 'perf → patch', messages: ['perf(db): faster'], tags: [['v1.2.3', '1.2.3']], expected: '1.2.4' },
  { name: 'feat → minor', messages: ['fix: a', 'feat: b'], tags: [['v1.2.3', '1.2.3']], expected: '1.3.0' },
  { name: 'feature alias → minor', messages: ['feature: b'], tags: [['v1.2.3', '1.2.3']], expected: '1.3.0' },
  { name: '! → major', messages: ['feat!: drop node 18'], tags: [['v1.2.3', '1.2.3']], expected: '2.0.0' },
  { name: 'scoped ! → major', messages: ['refactor(api)!: rename'], tags: [['v1.2.3', '1.2.3']], expected: '2.0.0' },
  {
    name: 'BREAKING CHANGE footer → major',
    messages: ['fix: a\n\nBREAKING CHANGE: gone'],
    tags: [['v1.2.3', '1.2.3']],
    expected: '2.0.0',
  },
  {
    name: 'BREAKING-CHANGE footer → major',
    messages: ['chore: a\n\nBREAKING-CHANGE: gone'],
    tags: [['v1.2.3', '1.2.3']],
    expected: '2.0.0',
  },
  { name: 'breaking before 1.0.0 → minor', messages: ['feat!: x'], tags: [['v0.4.2', '0.4.2']], expected: '0.5.0' },
  { name: 'feat before 1.0.0 → minor', messages: ['feat: x'], tags: [['v0.4.2', '0.4.2']], expected: '0.5.0' },
  {
    name: 'docs only → nothing',
    messages: ['docs: a', 'chore: b', 'not conventional'],
    tags: [['v1.0.0', '1.0.0']],
    expected: null,
  },
  {
    name: 'revert → patch',
    messages: ['Revert "feat: x"\n\nThis reverts commit 1234567.'],
    tags: [['v1.0.0', '1.0.0']],
    expected: '1.0.1',
  },
  { name: '--bump overrides', messages: ['fix: a'], tags: [['v1.2.3', '1.2.3']], bump: 'major', expected: '2.0.0' },
  { name: '--bump on docs only', messages: ['docs: a'], tags: [['v1.2.3', '1.2.3']], bump: 'patch', expected: '1.2.4' },
  { name: 'first release', messages: ['feat: a'], tags: [], expected: '1.0.0' },
  { name: 'first release ignores breaking', messages: ['feat!: a'], tags: [], expected: '1.0.0' },
  { name: 'first prerelease', messages: ['feat: a'], tags: [], preid: 'rc', expected: '1.0.0-rc.0' },
  {
    name: 'preid starts at 0',
    messages: ['feat: a'],
    tags: [['v1.2.3', '1.2.3']],
    preid: 'rc',
    expected: '1.3.0-rc.0',
  },
  {
    name: 'preid continues after existing tags',
    messages: ['feat: a', 'fix: b'],
    tags: [
      ['v1.3.0-rc.1', '1.3.0-rc.1'],
      ['v1.3.0-rc.0', '1.3.0-rc.0'],
      ['v1.2.3', '1.2.3'],
    ],
    preid: 'rc',
    expected: '1.3.0-rc.2',
  },
  {
    name: 'other preid starts its own count',
    messages: ['feat: a'],
    tags: [
      ['v1.3.0-rc.1', '1.3.0-rc.1'],
      ['v1.2.3', '1.2.3'],
    ],
    preid: 'beta',
    expected: '1.3.0-beta.0',
  },
  {
    name: 'stable after prereleases counts since the last stable',
    messages: ['feat: a', 'fix: b'],
    tags: [
      ['v1.3.0-rc.1', '1.3.0-rc.1'],
      ['v1.2.3', '1.2.3'],
    ],
    expected: '1.3.0',
  },
  {
    name: 'prerelease line moves up when a breaking change lands',
    messages: ['feat: a', 'feat!: b'],
    tags: [
      ['v1.3.0-rc.1', '1.3.0-rc.1'],
      ['v1.2.3', '1.2.3'],
    ],
    preid: 'rc',
    expected: '2.0.0-rc.0',
  },
  {
    name: 'a forced smaller bump does not go below the prerelease line',
    messages: ['feat: a'],
    tags: [
      ['v1.3.0-rc.0', '1.3.0-rc.0'],
      ['v1.2.3', '1.2.3'],
    ],
    bump: 'patch',
    expected: '1.3.0',
  },
];

describe('computeNextVersion', () => {
  it.each(named(CASES))('%s', (_name, { messages, tags, bump, preid, expected }) => {
    const next = computeNextVersion({
      commits: messages.map((message) => aCommit(message)),
      tags: tags.map(([name, version]) => aTag(name, version)),
      rules: DEFAULT_BUMP_RULES,
      firstVersion: '1.0.0',
      ...(bump ? { bump } : {}),
      ...(preid ? { preid } : {}),
    });
    expect(next.kind === 'release' ? next.version : null).toBe(expected);
  });

  it('names the commit that decided the bump', () => {
    const decisive = aCommit('feat(api): add export');
    const next = computeNextVersion({
      commits: [aCommit('fix: a'), decisive, aCommit('docs: b')],
      tags: [aTag('v1.0.0', '1.0.0')],
      rules: DEFAULT_BUMP_RULES,
      firstVersion: '1.0.0',
    });
    expect(next.decision.decidedBy).toBe(decisive);
    expect(next.decision.counts).toEqual({ breaking: 0, features: 1, fixes: 1, other: 1 });
  });

  it('ignores merge commits when deciding', () => {
    const merge = aCommit('feat: merged branch title', { parents: ['a'.repeat(40), 'b'.repeat(40)] });
    const next = computeNextVersion({
      commits: [merge, aCommit('fix: a')],
      tags: [aTag('v1.0.0', '1.0.0')],
      rules: DEFAULT_BUMP_RULES,
      firstVersion: '1.0.0',
    });
    expect(next.kind === 'release' && next.version).toBe('1.0.1');
  });
});
