// fitTitle: the title line fits one row; the product name and the branch are never cut.
import { describe, expect, it } from 'vitest';
import { fitTitle } from '../../../src/tui/models/fit-title.js';

const line = (title: string, context: string | undefined, cut: 'start' | 'end', width: number) => {
  const shown = fitTitle({ product: 'shipwright', title, context, cut }, width);
  return `shipwright${shown ? ` · ${shown}` : ''}${context ? ` · ${context}` : ''}`;
};

describe('fitTitle', () => {
  it.each([
    // [title, context, cut, width, expected line]
    ['/home/ada/src/taskboard', 'on dev', 'start', 120, 'shipwright · /home/ada/src/taskboard · on dev'],
    [
      '/home/ada/src/taskboard',
      'on feature/42-search-filters',
      'start',
      60,
      'shipwright · …a/src/taskboard · on feature/42-search-filters',
    ],
    [
      '/home/ada/src/taskboard',
      'on feature/42-search-filters-and-sorting-for-the-board',
      'start',
      80,
      'shipwright · …taskboard · on feature/42-search-filters-and-sorting-for-the-board',
    ],
    ['Commit · Subject', '2 staged', 'end', 30, 'shipwright · Commi… · 2 staged'],
    // No room for a useful piece of the title: it goes, the branch stays whole.
    [
      '/home/ada/src/taskboard',
      'on feature/42-search-filters-and-sorting-for-the-board-x',
      'start',
      74,
      'shipwright · on feature/42-search-filters-and-sorting-for-the-board-x',
    ],
  ] as const)('%s with %s, cut at the %s, in %i columns', (title, context, cut, width, expected) => {
    const shown = line(title, context, cut, width);
    expect(shown).toBe(expected);
    expect([...shown].length).toBeLessThanOrEqual(width);
  });

  it('keeps a branch longer than the row whole (the terminal wraps it; it is never shortened)', () => {
    const branch = `on feature/${'x'.repeat(90)}`;
    expect(line('/repo', branch, 'start', 80)).toBe(`shipwright · ${branch}`);
  });

  it('without a context, the title has the whole row but the product name', () => {
    expect(line('Changelog preview', undefined, 'end', 24)).toBe('shipwright · Changelog…');
  });
});
