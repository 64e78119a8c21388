// Example headers derived from a rule set, best first.
import { describe, expect, it } from 'vitest';
import { exampleHeaders, type RuleSet } from '../../../src/core/lint/example-header.js';
import { named } from '../../helpers/named.js';

describe('exampleHeaders', () => {
  it.each(
    named<{ name: string; rules: RuleSet; first: string }>([
      { name: 'no rules', rules: {}, first: 'feat(parser): add support for arrays' },
      {
        name: 'type-enum with feat',
        rules: { 'type-enum': [2, 'always', ['fix', 'feat']] },
        first: 'feat(parser): add support for arrays',
      },
      {
        name: 'type-enum without feat',
        rules: { 'type-enum': [2, 'always', ['fix', 'chore']] },
        first: 'fix(parser): add support for arrays',
      },
      {
        name: 'custom types only',
        rules: { 'type-enum': [2, 'always', ['Feature', 'Bugfix']] },
        first: 'Feature(parser): add support for arrays',
      },
      {
        name: 'type-enum switched off',
        rules: { 'type-enum': [0, 'always', ['x']] },
        first: 'feat(parser): add support for arrays',
      },
      {
        name: 'type-enum never is not a list of allowed types',
        rules: { 'type-enum': [2, 'never', ['feat']] },
        first: 'feat(parser): add support for arrays',
      },
      {
        name: 'scope-enum list',
        rules: { 'scope-enum': [2, 'always', ['api', 'ui']] },
        first: 'feat(api): add support for arrays',
      },
      {
        name: 'scope-enum object form',
        rules: { 'scope-enum': [2, 'always', { scopes: ['core'] }] },
        first: 'feat(core): add support for arrays',
      },
    ]),
  )('%s', (_name, { rules, first }) => {
    expect(exampleHeaders(rules)[0]).toBe(first);
  });

  it('offers a scope-less and a capitalised variant for the caller to validate', () => {
    expect(exampleHeaders({})).toEqual([
      'feat(parser): add support for arrays',
      'feat: add support for arrays',
      'feat(parser): Add support for arrays',
      'feat: Add support for arrays',
    ]);
  });
});
