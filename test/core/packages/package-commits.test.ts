// Which commits are whose: by folder, through folder renames, plus shared paths.
import { describe, expect, it } from 'vitest';
import { assignCommitsToPackages, type ChangedPaths } from '../../../src/core/packages/package-commits.js';

const change = (hash: string, paths: string[], renames: { from: string; to: string }[] = []): ChangedPaths => ({
  hash,
  paths: [...paths, ...renames.map((r) => r.to)],
  renames,
});
const packages = [
  { name: 'a', dir: 'packages/a' },
  { name: 'b', dir: 'packages/b' },
  { name: 'b-extra', dir: 'packages/b-extra' },
];
const owned = (map: Map<string, Set<string>>) =>
  Object.fromEntries([...map].map(([name, hashes]) => [name, [...hashes]]));

describe('assignCommitsToPackages', () => {
  it("by folder: a commit touching two packages is both's; a sibling with a longer name is not a match", () => {
    const changes = [
      change('c3', ['packages/a/x.js', 'packages/b/y.js']),
      change('c2', ['packages/b-extra/z.js']),
      change('c1', ['README.md']),
      change('merge', []),
    ];
    expect(owned(assignCommitsToPackages(changes, packages))).toEqual({ a: ['c3'], b: ['c3'], 'b-extra': ['c2'] });
  });

  it('shared paths count for every package', () => {
    const changes = [
      change('lock', ['package-lock.json']),
      change('ci', ['.github/workflows/ci.yml']),
      change('own', ['packages/a/x.js']),
    ];
    expect(owned(assignCommitsToPackages(changes, packages, ['package-lock.json', '.github']))).toEqual({
      a: ['lock', 'ci', 'own'],
      b: ['lock', 'ci'],
      'b-extra': ['lock', 'ci'],
    });
  });

  it('a renamed folder keeps its older commits (newest first: the rename is seen before them)', () => {
    const changes = [
      change('after', ['packages/a/index.js']),
      change(
        'rename',
        ['packages/old-a/index.js'],
        [
          { from: 'packages/old-a/index.js', to: 'packages/a/index.js' },
          { from: 'packages/old-a/src/deep.js', to: 'packages/a/src/deep.js' },
        ],
      ),
      change('before', ['packages/old-a/src/deep.js']),
    ];
    expect(owned(assignCommitsToPackages(changes, packages))).toEqual({
      a: ['after', 'rename', 'before'],
      b: [],
      'b-extra': [],
    });
  });

  it("a file moved in from the root does not make the root the package's", () => {
    const changes = [change('move', ['x.js'], [{ from: 'x.js', to: 'packages/a/x.js' }]), change('root', ['y.js'])];
    expect(owned(assignCommitsToPackages(changes, packages))).toEqual({ a: ['move'], b: [], 'b-extra': [] });
  });

  it('a workspace of one owns every commit', () => {
    expect(
      owned(assignCommitsToPackages([change('c1', ['src/x.js']), change('c0', [])], [{ name: 'solo', dir: '' }])),
    ).toEqual({ solo: ['c1', 'c0'] });
  });
});
