// Which branch is production when the config names none, from the facts git gives.
import { describe, expect, it } from 'vitest';
import { chooseProductionBranch, type ProductionFacts } from '../../../src/core/branch/production-branch.js';

const facts = (overrides: Partial<ProductionFacts>): ProductionFacts => ({
  originHead: null,
  initDefault: null,
  existing: [],
  ...overrides,
});

describe('chooseProductionBranch', () => {
  it.each<[string, Partial<ProductionFacts>, string]>([
    [
      'origin/HEAD first, even over an existing main',
      { originHead: 'trunk', initDefault: 'main', existing: ['main'] },
      'trunk',
    ],
    [
      'init.defaultBranch when that branch exists',
      { initDefault: 'develop-prod', existing: ['develop-prod', 'main'] },
      'develop-prod',
    ],
    [
      'a global init.defaultBranch never renames an existing master',
      { initDefault: 'main', existing: ['master'] },
      'master',
    ],
    ['the only one of main and master', { existing: ['master'] }, 'master'],
    ['main when both exist and nothing else says', { existing: ['main', 'master'] }, 'main'],
    ['init.defaultBranch in a repository with no branch yet', { initDefault: 'trunk' }, 'trunk'],
    ['main with nothing to go by', {}, 'main'],
  ])('%s', (_name, given, expected) => {
    expect(chooseProductionBranch(facts(given))).toBe(expected);
  });
});
