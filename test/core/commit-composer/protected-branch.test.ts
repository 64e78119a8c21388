// The composer's protected-branch notice follows the pre-commit hook's rule exactly.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/default-config.js';
import { protectedBranchNotice, type CommitPlace } from '../../../src/core/commit-composer/protected-branch.js';

const on = (branch: string | null, rest: Partial<CommitPlace> = {}): CommitPlace => ({
  branch,
  hasHead: true,
  operationInProgress: false,
  ...rest,
});

describe('protectedBranchNotice', () => {
  it('warns on the branches the hook refuses, with the command that moves the work to a branch', () => {
    expect(protectedBranchNotice(on('dev'), defaultConfig(), 'gitflow')).toEqual({
      branch: 'dev',
      summary:
        'dev is protected: the pre-commit hook refuses direct commits on dev in this gitflow repository (changes reach it through a branch and a merge).',
      command: 'git switch -c feature/my-change',
    });
    expect(protectedBranchNotice(on('main'), defaultConfig(), 'gitflow')?.branch).toBe('main');
  });

  it('says nothing where the hook lets the commit through', () => {
    const config = defaultConfig();
    expect(protectedBranchNotice(on('feature/42-search-filters'), config, 'gitflow')).toBeNull();
    expect(protectedBranchNotice(on('main'), config, 'trunk')).toBeNull();
    expect(protectedBranchNotice(on('main', { hasHead: false }), config, 'gitflow')).toBeNull();
    expect(protectedBranchNotice(on('main', { operationInProgress: true }), config, 'gitflow')).toBeNull();
    expect(protectedBranchNotice(on(null), config, 'gitflow')).toBeNull();
  });

  it('follows protectedBranches from the config', () => {
    const config = { ...defaultConfig(), protectedBranches: ['production'] };
    expect(protectedBranchNotice(on('production'), config, 'trunk')?.branch).toBe('production');
    expect(protectedBranchNotice(on('dev'), config, 'gitflow')).toBeNull();
  });
});
