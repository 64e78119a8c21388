// Scope suggestions from commitlint's scope-enum, the workspace's packages and recent history.
import { describe, expect, it } from 'vitest';
import { packageScope, scopeChoices, scopeRuleOf } from '../../../src/core/commit-composer/scope-choices.js';

describe('scopeRuleOf', () => {
  it('reads scope-enum when it is on and lists scopes', () => {
    expect(scopeRuleOf({ 'scope-enum': [2, 'always', ['api', 'ui']] })).toEqual({
      when: 'always',
      scopes: ['api', 'ui'],
    });
    expect(scopeRuleOf({ 'scope-enum': [1, 'never', ['wip']] })).toEqual({ when: 'never', scopes: ['wip'] });
    expect(scopeRuleOf({ 'scope-enum': [2, 'always', { scopes: ['api'], delimiters: ['/'] }] })).toEqual({
      when: 'always',
      scopes: ['api'],
    });
  });

  it('ignores a rule that is off, empty, absent or not a list of names', () => {
    expect(scopeRuleOf({ 'scope-enum': [0, 'always', ['api']] })).toBeNull();
    expect(scopeRuleOf({ 'scope-enum': [2, 'always', []] })).toBeNull();
    expect(scopeRuleOf({ 'scope-enum': [2, 'always', [1]] })).toBeNull();
    expect(scopeRuleOf({})).toBeNull();
  });
});

describe('scopeChoices', () => {
  it('offers only the scopes scope-enum allows, recently used ones first', () => {
    expect(
      scopeChoices({
        rule: { when: 'always', scopes: ['api', 'ui', 'docs'] },
        packages: ['@acme/core'],
        recent: ['deps', 'ui'],
      }),
    ).toEqual(['ui', 'api', 'docs']);
  });

  it('offers recent scopes and the workspace packages when no rule lists the scopes', () => {
    expect(scopeChoices({ rule: null, packages: ['@acme/core', 'cli', '@acme/ui'], recent: ['ui', 'deps'] })).toEqual([
      'ui',
      'deps',
      'core',
      'cli',
    ]);
  });

  it('leaves out the scopes a never-rule refuses', () => {
    expect(
      scopeChoices({ rule: { when: 'never', scopes: ['wip'] }, packages: ['wip', 'api'], recent: ['wip'] }),
    ).toEqual(['api']);
  });

  it('names packages as commitlint’s workspace scopes do: without the npm scope', () => {
    expect(packageScope('@acme/api')).toBe('api');
    expect(packageScope('cli')).toBe('cli');
  });
});
