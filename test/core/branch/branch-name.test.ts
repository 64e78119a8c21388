// Branch names from what people type.
import { describe, expect, it } from 'vitest';
import { branchName, issueOfBranch, resolveBase, slugify } from '../../../src/core/branch/branch-name.js';

const feature = { prefix: 'feature/', base: 'integration', description: '' };

describe('slugify', () => {
  it.each([
    ['Login form', 'login-form'],
    ['  Login   Form!! ', 'login-form'],
    ['Café crème', 'cafe-creme'],
    ['1.4.1', '1.4.1'],
    ['2.0.0-rc.1', '2.0.0-rc.1'],
    ['v1..2', 'v1.2'],
    ['.hidden.', 'hidden'],
    ['fix: the -- thing', 'fix-the-thing'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('branchName', () => {
  it('puts the issue number first', () => {
    expect(branchName(feature, 'Login form', 42)).toBe('feature/42-login-form');
    expect(branchName(feature, '', 42)).toBe('feature/42');
    expect(branchName({ ...feature, prefix: 'hotfix/' }, '1.4.1')).toBe('hotfix/1.4.1');
  });

  it('resolves the base per branch model', () => {
    const branches = { production: 'main', integration: 'dev' };
    expect(resolveBase(feature, branches, 'gitflow')).toBe('dev');
    expect(resolveBase(feature, branches, 'trunk')).toBe('main');
    expect(resolveBase({ ...feature, base: 'production' }, branches, 'gitflow')).toBe('main');
    expect(resolveBase({ ...feature, base: 'release/1.x' }, branches, 'gitflow')).toBe('release/1.x');
  });
});

describe('issueOfBranch', () => {
  it.each([
    ['feature/42-search-filters', 42],
    ['fix/7', 7],
    ['hotfix/1.4.1', null],
    ['feature/login-42', null],
    ['dev', null],
    [null, null],
  ] as const)('%s → %s', (branch, issue) => {
    expect(issueOfBranch(branch)).toBe(issue);
  });

  it('reads back what branchName writes', () => {
    expect(issueOfBranch(branchName(feature, 'Login form', 123))).toBe(123);
  });
});
