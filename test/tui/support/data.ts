// Plain data for TUI tests: branch types, commit types, plans, lint answers.
import type { BranchPlan, BranchTypeChoice } from '../../../src/app/plan-branch.js';
import type { LintReport } from '../../../src/app/lint-messages.js';
import type { CommitTypeChoice } from '../../../src/core/commit-composer/commit-types.js';
import type { Problem } from '../../../src/core/lint/message-verdict.js';
import type { ComposerData } from '../../../src/tui/models/commit-model.js';

export const BRANCH_TYPES: BranchTypeChoice[] = [
  { name: 'feature', prefix: 'feature/', base: 'integration', baseBranch: 'dev', description: 'a new capability' },
  {
    name: 'fix',
    prefix: 'fix/',
    base: 'integration',
    baseBranch: 'dev',
    description: 'a bug fix for the next release',
  },
  {
    name: 'release',
    prefix: 'release/',
    base: 'integration',
    baseBranch: 'dev',
    description: 'stabilises the next version',
  },
  {
    name: 'hotfix',
    prefix: 'hotfix/',
    base: 'production',
    baseBranch: 'main',
    description: 'an urgent fix for production',
  },
];

export function aBranchPlan(branch: string, base: string, warnings: string[] = []): BranchPlan {
  return {
    branch,
    base,
    warnings,
    plan: {
      title: `Start ${branch}`,
      steps: [
        {
          kind: 'create-branch',
          name: branch,
          from: base,
          description: `create ${branch} from ${base} and switch to it`,
        },
      ],
    },
  };
}

export const COMMIT_TYPES: CommitTypeChoice[] = [
  { type: 'feat', description: 'a new feature', effect: 'minor' },
  { type: 'fix', description: 'a bug fix', effect: 'patch' },
  { type: 'docs', description: 'documentation only', effect: null },
  { type: 'chore', description: 'other changes', effect: null },
];

export const composerData = (staged: string[] = ['src/login.ts'], unstaged: string[] = []): ComposerData => ({
  types: COMMIT_TYPES,
  scopes: ['auth', 'api', 'app'],
  staged,
  unstaged,
});

export const SUBJECT_CASE: Problem = {
  level: 2,
  name: 'subject-case',
  message: 'subject must not be sentence-case, start-case, pascal-case, upper-case',
};
export const FULL_STOP: Problem = {
  level: 2,
  name: 'subject-full-stop',
  message: 'subject may not end with full stop',
};
export const BODY_LEADING_BLANK: Problem = {
  level: 1,
  name: 'body-leading-blank',
  message: 'body must have leading blank line',
};

/** A tiny stand-in for the commit rules: enough to see live validation react to the subject. */
export function checkHeader(header: string): Problem[] {
  const subject = header.replace(/^[^:]*:\s*/, '');
  const problems: Problem[] = [];
  if (/^[A-Z]/.test(subject)) problems.push(SUBJECT_CASE);
  if (subject.endsWith('.')) problems.push(FULL_STOP);
  if (header.length > 100)
    problems.push({ level: 2, name: 'header-max-length', message: 'header must not be longer than 100 characters' });
  return problems;
}

export function aLintReport(problems: Problem[], header: string): LintReport {
  const errors = problems.filter((problem) => problem.level === 2);
  return {
    valid: errors.length === 0,
    rules: { source: 'default', extends: ['@commitlint/config-conventional'], rules: {}, lintOptions: {}, helpUrl: '' },
    commentChar: null,
    results: [
      {
        hash: null,
        shortHash: null,
        header,
        valid: errors.length === 0,
        errors,
        warnings: problems.filter((problem) => problem.level === 1),
      },
    ],
    example: errors.length === 0 ? null : 'feat(api): add an export endpoint',
  };
}
