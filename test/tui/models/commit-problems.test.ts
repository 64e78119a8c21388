// Which field a commit rule speaks about: what each field shows while typed, where edit goes.
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../src/core/commit-composer/compose-message.js';
import type { Problem } from '../../../src/core/lint/message-verdict.js';
import { problemStep, stepProblems, stepToEdit } from '../../../src/tui/models/commit-problems.js';

const problem = (name: string, level: 1 | 2 = 2): Problem => ({ level, name, message: `${name} says no` });
const draft = { ...emptyDraft(), type: 'feat', subject: 'add x' };

describe('problemStep', () => {
  it.each([
    ['type-enum', 'type'],
    ['scope-case', 'scope'],
    ['subject-full-stop', 'subject'],
    ['header-max-length', 'subject'],
    ['body-max-line-length', 'body'],
    ['body-leading-blank', 'body'],
    ['references-empty', 'closes'],
    ['footer-max-line-length', 'closes'],
    ['rules-unavailable', null],
    ['signed-off-by', null],
  ])('%s → %s', (name, step) => {
    expect(problemStep(problem(name), draft)).toBe(step);
  });

  it('puts footer rules at the breaking change when there is one', () => {
    expect(problemStep(problem('footer-leading-blank'), { ...draft, breaking: 'drops v1' })).toBe('breaking');
  });
});

describe('stepProblems', () => {
  it('shows a field its own rules, errors first', () => {
    const problems = [problem('body-leading-blank', 1), problem('subject-case'), problem('body-max-line-length')];
    expect(stepProblems(problems, draft, 'body').map((one) => one.name)).toEqual([
      'body-max-line-length',
      'body-leading-blank',
    ]);
  });

  it('shows every header rule at the subject, once a subject is typed', () => {
    const problems = [problem('scope-enum'), problem('subject-empty'), problem('body-max-line-length')];
    expect(stepProblems(problems, draft, 'subject').map((one) => one.name)).toEqual(['scope-enum', 'subject-empty']);
    expect(stepProblems(problems, { ...draft, subject: ' ' }, 'subject')).toEqual([]);
  });
});

describe('stepToEdit', () => {
  it('goes to the first error’s field, else the first warning’s, else the subject', () => {
    expect(stepToEdit([problem('body-leading-blank', 1), problem('footer-max-line-length')], draft)).toBe('closes');
    expect(stepToEdit([problem('rules-unavailable'), problem('body-leading-blank', 1)], draft)).toBe('body');
    expect(stepToEdit([], draft)).toBe('subject');
  });
});
