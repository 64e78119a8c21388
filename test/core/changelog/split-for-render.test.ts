import { describe, expect, it } from 'vitest';
import { splitForRender } from '../../../src/core/changelog/split-for-render.js';

const sections = (...sizes: number[]) => sizes.map((size, index) => ({ name: `s${index}`, commits: Array.from({ length: size }, () => ({})) }));
const names = (list: { name: string }[]) => list.map((section) => section.name);

describe('splitForRender', () => {
  it.each([
    { sizes: [10, 10, 10, 10], newer: ['s0', 's1'], older: ['s2', 's3'] },
    { sizes: [30, 5, 5, 5, 5], newer: ['s0'], older: ['s1', 's2', 's3', 's4'] },
    { sizes: [5, 5, 5, 5, 30], newer: ['s0', 's1', 's2', 's3'], older: ['s4'] },
    { sizes: [100, 1], newer: ['s0'], older: ['s1'] },
    { sizes: [1, 100], newer: ['s0'], older: ['s1'] },
  ])('gives each side about half the commits, whole sections, newest first: $sizes', ({ sizes, newer, older }) => {
    const split = splitForRender(sections(...sizes), 10);
    expect(names(split.newer)).toEqual(newer);
    expect(names(split.older)).toEqual(older);
  });

  it('keeps everything on one side below the minimum, or with a single section', () => {
    expect(names(splitForRender(sections(4, 4), 10).newer)).toEqual(['s0', 's1']);
    expect(splitForRender(sections(4, 4), 10).older).toEqual([]);
    expect(splitForRender(sections(50), 10).older).toEqual([]);
    expect(splitForRender([], 10)).toEqual({ newer: [], older: [] });
  });
});
