// changelog.types: the conventionalcommits preset's `types` option, validated entry by entry.
import { describe, expect, it } from 'vitest';
import { ConfigProblems, validateConfig } from '../../src/config/validate-config.js';
import { defaultChangelogTypes } from '../../src/core/changelog/changelog-types.js';

const problemsOf = (input: unknown): string[] => {
  try {
    validateConfig(input);
  } catch (error) {
    if (error instanceof ConfigProblems) return error.problems;
    throw error;
  }
  return [];
};

describe('validateConfig: changelog.types', () => {
  it('is absent by default (the preset decides) and kept as written when valid', () => {
    expect(validateConfig(undefined).changelog.types).toBeUndefined();
    const types = [
      { type: 'feat', section: 'Features' },
      { type: 'docs', section: 'Documentation', hidden: false },
      { type: 'chore', scope: 'deps', hidden: true },
    ];
    expect(validateConfig({ changelog: { types } }).changelog).toEqual({
      file: 'CHANGELOG.md',
      preset: 'conventionalcommits',
      types,
    });
  });

  it('accepts the preset defaults themselves', () => {
    expect(validateConfig({ changelog: { types: defaultChangelogTypes() } }).changelog.types).toEqual(
      defaultChangelogTypes(),
    );
  });

  it('names the entry and key of every problem', () => {
    expect(
      problemsOf({
        changelog: {
          types: [
            { type: 'Docs', section: 'Documentation' },
            { type: 'docs', hidden: 'yes', section: 'Docs' },
            { type: 'refactor' },
            'test',
            { type: 'perf', section: 'Perf', colour: 'red' },
            { type: 'perf', section: 'Speed' },
          ],
        },
      }),
    ).toEqual([
      'changelog.types[0].type: expected a lower-case commit type such as "docs"; got "Docs"',
      'changelog.types[1].hidden: expected true or false; got "yes"',
      'changelog.types[2].section: expected a section title for a shown type (or "hidden": true); got nothing',
      'changelog.types[3]: expected { "type": "docs", "section": "Documentation", "hidden": false }; got "test"',
      'changelog.types[4].colour: unknown setting (known: type, scope, section, hidden)',
      'changelog.types[5]: "perf" is listed twice (the first entry wins; remove one)',
    ]);
  });

  it('refuses a non-list and the angular preset, whose sections are fixed', () => {
    expect(problemsOf({ changelog: { types: { docs: 'Documentation' } } })).toEqual([
      expect.stringMatching(/^changelog\.types: expected a list such as \[/),
    ]);
    expect(problemsOf({ changelog: { preset: 'angular', types: [{ type: 'docs', section: 'Docs' }] } })).toEqual([
      'changelog.types: the angular preset has fixed sections; set "changelog.preset": "conventionalcommits" to choose them, or remove changelog.types',
    ]);
  });

  it('lists types among the known changelog settings', () => {
    expect(problemsOf({ changelog: { colour: 'red' } })).toEqual([
      'changelog.colour: unknown setting (known: changelog.file, changelog.preset, changelog.types)',
    ]);
  });
});
