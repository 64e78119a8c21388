// Config validation: defaults, merging, and errors that name key, expected and got.
import { describe, expect, it } from 'vitest';
import type { ConfigProblems} from '../../src/config/validate-config.js';
import { validateConfig } from '../../src/config/validate-config.js';

describe('validateConfig', () => {
  it('returns the defaults for no config', () => {
    const config = validateConfig(undefined);
    expect(config).toMatchObject({ workflow: null, tagPrefix: 'v', branches: { production: 'main', integration: 'dev' }, changelog: { file: 'CHANGELOG.md', preset: 'conventionalcommits' } });
    expect(config.branchTypes.hotfix?.base).toBe('production');
  });

  it('merges nested settings over the defaults', () => {
    const config = validateConfig({ workflow: 'trunk', changelog: { preset: 'angular' }, branchTypes: { spike: { prefix: 'spike/', base: 'integration' } } });
    expect(config.workflow).toBe('trunk');
    expect(config.changelog).toEqual({ file: 'CHANGELOG.md', preset: 'angular' });
    expect(config.branchTypes.spike?.prefix).toBe('spike/');
    expect(config.branchTypes.feature?.prefix).toBe('feature/');
  });

  it('lists every problem with key, expected and got', () => {
    let problems: string[] = [];
    try {
      validateConfig({ workflow: 'flow', tagPrefix: 3, changelog: { preset: 'eslint', colour: 'red' }, bumpRules: { feat: 'huge' }, unknownKey: true, firstVersion: 'one' });
    } catch (error) {
      problems = (error as ConfigProblems).problems;
    }
    expect(problems).toEqual(
      expect.arrayContaining([
        'workflow: expected one of "gitflow", "trunk"; got "flow"',
        'tagPrefix: expected a string; got 3',
        'changelog.preset: expected one of "conventionalcommits", "angular"; got "eslint"',
        expect.stringMatching(/^changelog\.colour: unknown setting/),
        'bumpRules.feat: expected one of "major", "minor", "patch"; got "huge"',
        expect.stringMatching(/^unknownKey: unknown setting/),
        'firstVersion: expected a semver version such as "1.0.0"; got "one"',
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('deploy: defaults to no workflow and the "tag" input; checks both', () => {
    expect(validateConfig(undefined).deploy).toEqual({ workflow: null, tagInput: 'tag' });
    expect(validateConfig({ deploy: { workflow: 'deploy.yml' } }).deploy).toEqual({ workflow: 'deploy.yml', tagInput: 'tag' });
    let problems: string[] = [];
    try {
      validateConfig({ deploy: { workflow: '', tagInput: 'the tag', branch: 'main' } });
    } catch (error) {
      problems = (error as ConfigProblems).problems;
    }
    expect(problems).toEqual([
      'deploy.workflow: expected a workflow file name such as "deploy-production.yml", or null; got ""',
      'deploy.tagInput: expected a workflow input name such as "tag" (letters, digits, - and _); got "the tag"',
      'deploy.branch: unknown setting (known: deploy.workflow, deploy.tagInput)',
    ]);
  });
});
