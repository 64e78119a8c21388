import { describe, expect, it } from 'vitest';
import { createAncestry } from '../../../src/core/changelog/commit-ancestry.js';

// d ← merge of b and c; b and c both on a; x is an unrelated root. Listed newest first, except
// that c comes after a (a committer clock that ran behind): order must not matter.
const history = [
  { hash: 'd', parents: ['b', 'c'] },
  { hash: 'x', parents: [] },
  { hash: 'b', parents: ['a'] },
  { hash: 'a', parents: ['before-from'] },
  { hash: 'c', parents: ['a'] },
];

describe('createAncestry', () => {
  const ancestry = createAncestry(history);

  it.each([
    ['a', 'd', true],
    ['c', 'd', true],
    ['b', 'c', false],
    ['d', 'a', false],
    ['x', 'd', false],
    ['d', 'd', true],
    // Outside the history read: behind it, so reachable.
    ['before-from', 'b', true],
    // A descendant outside the history leads nowhere that was read.
    ['a', 'elsewhere', false],
  ])('%s is an ancestor of %s: %s', (ancestor, descendant, expected) => {
    expect(ancestry.isAncestor(ancestor, descendant)).toBe(expected);
  });

  it('numbers commits by position and keeps only parents inside the history', () => {
    expect(ancestry.size).toBe(5);
    expect(ancestry.indexOf('a')).toBe(3);
    expect(ancestry.indexOf('before-from')).toBe(-1);
    expect(ancestry.parentsAt(0)).toEqual([2, 4]);
    expect(ancestry.parentsAt(3)).toEqual([]);
  });

  it('answers on a long linear history without deep recursion', () => {
    const long = Array.from({ length: 50_000 }, (_, index) => ({
      hash: `c${index}`,
      parents: index === 49_999 ? [] : [`c${index + 1}`],
    }));
    const linear = createAncestry(long);
    expect(linear.isAncestor('c49999', 'c0')).toBe(true);
    expect(linear.isAncestor('c0', 'c49999')).toBe(false);
  });
});
