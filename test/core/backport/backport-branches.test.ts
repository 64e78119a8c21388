// Source and target branches for the matrix, from the branch list alone.
import { describe, expect, it } from 'vitest';
import {
  chooseBackportBranches,
  isMaintenanceBranch,
  type BranchRules,
} from '../../../src/core/backport/backport-branches.js';
import { isShipwrightError } from '../../../src/core/errors.js';

const rules = (overrides: Partial<BranchRules> = {}): BranchRules => ({
  branches: [
    'main',
    'dev',
    'feature/x',
    'release/1.9.0',
    'release/1.10.0',
    '1.x',
    '0.9.x',
    '2.x',
    'v1.x',
    'release/-x',
  ],
  production: 'main',
  integration: 'dev',
  releasePrefix: 'release/',
  ...overrides,
});

const failure = (input: BranchRules) => {
  try {
    chooseBackportBranches(input);
  } catch (error) {
    if (isShipwrightError(error)) return { kind: error.kind, code: error.code, message: error.message, fix: error.fix };
    throw error;
  }
  throw new Error('expected a failure');
};

describe('chooseBackportBranches', () => {
  it('defaults to main → dev, release branches and maintenance lines, newest first', () => {
    expect(chooseBackportBranches(rules())).toEqual({
      source: 'main',
      targets: ['dev', 'release/1.10.0', 'release/1.9.0', 'release/-x', 'v1.x', '2.x', '1.x', '0.9.x'],
      remoteOnly: [],
    });
  });

  it('leaves dev out when the repository is trunk-based, and the source out of its own targets', () => {
    expect(chooseBackportBranches(rules({ integration: null, from: 'release/1.10.0' })).targets).toEqual([
      'release/1.9.0',
      'release/-x',
      'v1.x',
      '2.x',
      '1.x',
      '0.9.x',
    ]);
  });

  it('takes --to as the exact targets, once each', () => {
    expect(chooseBackportBranches(rules({ to: ['1.x', 'feature/x', '1.x'] }))).toEqual({
      source: 'main',
      targets: ['1.x', 'feature/x'],
      remoteOnly: [],
    });
  });

  it('counts maintenance lines that only origin has (a fresh clone of vite: v6, v5), newest first', () => {
    const clone = rules({ branches: ['main'], remoteBranches: ['main', 'v6', 'v5', '15.x', 'feature/y'] });
    expect(chooseBackportBranches(clone)).toEqual({
      source: 'main',
      targets: ['v6', 'v5', '15.x'],
      remoteOnly: ['v6', 'v5', '15.x'],
    });
  });

  it('understands --to origin/15.x as 15.x, never origin/origin/15.x', () => {
    const clone = rules({ branches: ['main', 'dev'], remoteBranches: ['main', 'dev', '15.x'] });
    expect(chooseBackportBranches({ ...clone, to: ['origin/15.x', '15.x'] })).toEqual({
      source: 'main',
      targets: ['15.x'],
      remoteOnly: ['15.x'],
    });
    expect(chooseBackportBranches({ ...clone, from: 'origin/dev', to: ['origin/15.x'] }).source).toBe('dev');
  });

  it('refuses a --from or --to that is neither here nor on origin, naming the fix', () => {
    expect(failure(rules({ from: 'origin/next' }))).toMatchObject({
      kind: 'usage',
      message: "--from origin/next: there is no branch 'next' here or on origin.",
    });
    expect(failure(rules({ to: ['3.x'] })).fix).toContain('git fetch origin 3.x');
    expect(failure(rules({ to: ['main'] })).message).toBe('--to main is the source branch itself.');
  });

  it('says so when the production branch is missing', () => {
    expect(failure(rules({ branches: ['master', 'dev'] }))).toMatchObject({
      kind: 'environment',
      code: 'no-source-branch',
    });
  });

  it.each([
    ['1.x', true],
    ['12.x', true],
    ['1.4.x', true],
    ['v1.x', true],
    ['v6', true],
    ['v5.4', true],
    ['v', false],
    ['version', false],
    ['1.x.x', false],
    ['1.4', false],
  ])('%s is a maintenance branch: %s', (name, expected) => {
    expect(isMaintenanceBranch(name)).toBe(expected);
  });
});
