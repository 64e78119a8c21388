// The line after a branch or a commit names the next step, by branch and workflow.
import { describe, expect, it } from 'vitest';
import { afterCommit, type BranchContext } from '../../../src/core/display-text/next-steps.js';

const gitflow: BranchContext = {
  branch: 'feature/login',
  workflow: 'gitflow',
  production: 'main',
  integration: 'dev',
  releasePrefix: 'release/',
  hotfixPrefix: 'hotfix/',
  upstreamRemote: null,
  pushRemote: 'origin',
};

describe('afterCommit', () => {
  it.each<[string, Partial<BranchContext>, string]>([
    [
      'a feature branch without upstream',
      {},
      'Next: push it (git push -u origin feature/login) and open a pull request from feature/login into dev.',
    ],
    [
      'a tracked feature branch',
      { upstreamRemote: 'origin' },
      'Next: push it (git push) and open a pull request from feature/login into dev.',
    ],
    [
      'no remote at all',
      { pushRemote: null },
      'Next: add a remote and push it (git remote add origin URL) and open a pull request from feature/login into dev.',
    ],
    [
      'dev in gitflow',
      { branch: 'dev', upstreamRemote: 'origin' },
      'Next: push it (git push), or cut a release from dev: R on the home screen, or shipwright release start.',
    ],
    [
      'main in trunk',
      { branch: 'main', workflow: 'trunk', upstreamRemote: 'origin' },
      'Next: push it (git push), or release it: R on the home screen, or shipwright release.',
    ],
    [
      'a feature branch in trunk',
      { workflow: 'trunk', pushRemote: 'upstream' },
      'Next: push it (git push -u upstream feature/login) and open a pull request from feature/login into main.',
    ],
    [
      'a release branch',
      { branch: 'release/1.3.0' },
      'Next: when the release branch is ready, finish it: R on the home screen, or shipwright release finish.',
    ],
    [
      'a hotfix branch',
      { branch: 'hotfix/1.2.1' },
      'Next: when the fix is complete, finish the hotfix: h on the home screen, or shipwright hotfix finish.',
    ],
    [
      'a detached HEAD',
      { branch: null },
      'Next: HEAD is detached, so put the commit on a branch: git switch -c NAME (the commit stays).',
    ],
  ])('%s', (_name, context, expected) => {
    expect(afterCommit({ ...gitflow, ...context })).toBe(expected);
  });

  it('quotes a branch name that a shell would split', () => {
    expect(afterCommit({ ...gitflow, branch: "feature/it's" })).toContain(`git push -u origin 'feature/it'\\''s'`);
  });
});
