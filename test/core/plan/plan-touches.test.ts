// planTouches from plain step data: which refs and files a plan may change, and push ordering.
import { describe, expect, it } from 'vitest';
import { localStepAfterPush, planTouches } from '../../../src/core/plan/plan-touches.js';
import type { PlanStep } from '../../../src/core/plan/plan.js';
import { named } from '../../helpers/named.js';

const write = (path: string): PlanStep => ({ kind: 'write-file', path, content: 'x', description: `write ${path}` });
const commit: PlanStep = { kind: 'commit', message: 'chore(release): v1.0.0', description: 'commit' };
const tag = (name: string): PlanStep => ({ kind: 'tag', name, message: 'notes', description: `tag ${name}` });
const branch = (name: string): PlanStep => ({
  kind: 'create-branch',
  name,
  from: 'main',
  description: `branch ${name}`,
});
const push: PlanStep = {
  kind: 'push',
  remote: 'origin',
  refspecs: ['refs/heads/main:refs/heads/main'],
  description: 'push',
};
const stage: PlanStep = { kind: 'stage', paths: ['package.json'], description: 'stage' };

describe('planTouches', () => {
  const cases: { name: string; steps: PlanStep[]; branch: string | null; refs: string[]; files: string[] }[] = [
    { name: 'empty plan', steps: [], branch: 'main', refs: [], files: [] },
    {
      name: 'trunk release',
      steps: [write('package.json'), write('CHANGELOG.md'), stage, commit, tag('v1.0.0'), push],
      branch: 'main',
      refs: ['refs/heads/main', 'refs/tags/v1.0.0'],
      files: ['package.json', 'CHANGELOG.md'],
    },
    { name: 'a commit on a detached HEAD moves no branch', steps: [commit], branch: null, refs: [], files: [] },
    {
      name: 'a commit after create-branch moves the new branch',
      steps: [branch('release/1.0.0'), commit],
      branch: 'dev',
      refs: ['refs/heads/release/1.0.0'],
      files: [],
    },
    {
      name: 'run-command files and duplicates once',
      steps: [
        write('package.json'),
        {
          kind: 'run-command',
          argv: ['npm', 'install'],
          touches: ['package.json', 'package-lock.json'],
          description: 'npm install',
        },
      ],
      branch: 'main',
      refs: [],
      files: ['package.json', 'package-lock.json'],
    },
    {
      name: 'install-husky touches no ref or file it snapshots',
      steps: [{ kind: 'install-husky', dir: '.husky', description: 'husky' }],
      branch: 'main',
      refs: [],
      files: [],
    },
  ];
  it.each(named(cases))('%s', (_name, { steps, branch: start, refs, files }) => {
    expect(planTouches(steps, start)).toMatchObject({ refs, files });
  });
});

describe('localStepAfterPush', () => {
  it.each([
    { steps: [commit, tag('v1'), push], expected: -1 },
    { steps: [commit, push, push], expected: -1 },
    { steps: [push, tag('v1')], expected: 1 },
    { steps: [write('a'), push, write('b')], expected: 2 },
    { steps: [write('a')], expected: -1 },
  ])('%#', ({ steps, expected }) => {
    expect(localStepAfterPush(steps)).toBe(expected);
  });
});
