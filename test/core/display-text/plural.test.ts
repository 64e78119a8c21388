// Counts as a person writes them.
import { describe, expect, it } from 'vitest';
import { plural, pluralOf } from '../../../src/core/display-text/plural.js';

describe('plural', () => {
  it.each([
    [1, 'commit', '1 commit'],
    [0, 'commit', '0 commits'],
    [5, 'fix', '5 fixes'],
    [3, 'branch', '3 branches'],
    [2, 'entry', '2 entries'],
    [2, 'day', '2 days'],
    [2, 'status', '2 statuses'],
  ])('%i %s → %s', (count, word, expected) => {
    expect(plural(count, word)).toBe(expected);
  });

  it('takes the plural of an irregular word as given', () => {
    expect(plural(2, 'more row', 'more rows')).toBe('2 more rows');
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(pluralOf('performance fix')).toBe('performance fixes');
  });
});
