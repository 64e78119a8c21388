// Branch and tag names against the branch model.
import { describe, expect, it } from 'vitest';
import {
  checkBranchName,
  checkTagName,
  commitProtectedBranches,
  pushProtectedBranches,
} from '../../../src/core/hooks/branch-rules.js';
import { defaultConfig } from '../../../src/config/default-config.js';

const config = defaultConfig();

describe('branch rules', () => {
  it.each([
    ['main', true],
    ['dev', true],
    ['feature/login', true],
    ['feature/123-login-form', true],
    ['fix/auth.token', true],
    ['release/1.4.0', true],
    ['feat/login', true],
    ['bugfix/crash-on-start', true],
    ['feat/Login', false],
    ['hotfix/1.3.1', true],
    ['feature/Login', false],
    ['feature/', false],
    ['my-branch', false],
    ['Feature/x', false],
  ])('%s → %s', (name, allowed) => {
    expect(checkBranchName(name, config).ok).toBe(allowed);
  });

  it('suggests a fixed name', () => {
    const verdict = checkBranchName('feature/Login Form', config);
    expect(verdict.ok === false && verdict.fix).toBe("git branch -m 'feature/Login Form' feature/login-form");
    const alias = checkBranchName('feat/Login', config);
    expect(alias.ok === false && alias.fix).toBe('git branch -m feat/Login feat/login');
  });

  it('accepts only release tags', () => {
    expect(checkTagName('v1.2.3', config).ok).toBe(true);
    expect(checkTagName('v1.2.3-rc.1', config).ok).toBe(true);
    expect(checkTagName('nightly', config).ok).toBe(false);
    expect(checkTagName('1.2.3', config).ok).toBe(false);
  });

  it('protects main and dev from direct commits under gitflow only, and from rewrites always', () => {
    expect(commitProtectedBranches(config, 'gitflow')).toEqual(['main', 'dev']);
    expect(commitProtectedBranches(config, 'trunk')).toEqual([]);
    expect(pushProtectedBranches(config)).toEqual(['main', 'dev']);
    expect(commitProtectedBranches({ ...config, protectedBranches: ['prod'] }, 'trunk')).toEqual(['prod']);
  });
});
