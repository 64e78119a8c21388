// When `target ^source` can miss a pick, from the listed commits' parents alone.
import { describe, expect, it } from 'vitest';
import { findUnevenBoundary } from '../../../src/core/backport/find-uneven-boundary.js';

/** `'f:x'` is commit f with parent x; `'m:a,b'` a merge. Hashes are just names here. */
const listed = (...commits: string[]) =>
  commits.map((spec) => {
    const [hash = '', parents = ''] = spec.split(':');
    return { hash, parents: parents.length > 0 ? parents.split(',') : [] };
  });

describe('findUnevenBoundary', () => {
  const cases: { name: string; commits: ReturnType<typeof listed>; expected: string[] | null }[] = [
    { name: 'nothing listed', commits: [], expected: null },
    { name: 'a line off the fork point', commits: listed('b:a', 'a:x'), expected: null },
    // main merged a hotfix that dev merged too: every commit reaches both x and the hotfix h.
    {
      name: 'a merge whose parents are both on the target, below everything',
      commits: listed('c:m', 'm:x,h'),
      expected: null,
    },
    // A release merged dev (d) into main after the hotfix f: f does not reach d, where dev's pick of f may be.
    { name: 'a release merge after a hotfix', commits: listed('l:m', 'm:f,r', 'r:d', 'f:x'), expected: ['d', 'x'] },
    {
      name: 'a merge that brings a side line onto another base',
      commits: listed('m:a,s', 's:y', 'a:x'),
      expected: ['y', 'x'],
    },
    // A commit from a history with no commit in common (the root r) does not decide it.
    { name: 'a root merged in', commits: listed('m:a,r', 'r', 'a:x,h'), expected: null },
  ];
  for (const { name, commits, expected } of cases) {
    it(name, () => {
      expect(findUnevenBoundary(commits)).toEqual(expected);
    });
  }
});
