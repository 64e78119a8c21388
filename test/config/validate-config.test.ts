// Config validation: defaults, merging, and errors that name key, expected and got.
import { describe, expect, it } from 'vitest';
import type { ConfigProblems } from '../../src/config/validate-config.js';
import { validateConfig } from '../../src/config/validate-config.js';

describe('validateConfig', () => {
  it('returns the defaults for no config', () => {
    const config = validateConfig(undefined);
    expect(config).toMatchObject({
      workflow: null,
      tagPrefix: 'v',
      branches: { production: 'main', integration: 'dev' },
      changelog: { file: 'CHANGELOG.md', preset: 'conventionalcommits' },
    });
    expect(config.branchTypes.hotfix?.base).toBe('production');
  });

  it('merges nested settings over the defaults', () => {
    const config = validateConfig({
      workflow: 'trunk',
      changelog: { preset: 'angular' },
      branchTypes: { spike: { prefix: 'spike/', base: 'integration' } },
    });
    expect(config.workflow).toBe('trunk');
    expect(config.changelog).toEqual({ file: 'CHANGELOG.md', preset: 'angular' });
    expect(config.branchTypes.spike?.prefix).toBe('spike/');
    expect(config.branchTypes.feature?.prefix).toBe('feature/');
  });

  it('lists every problem with key, expected and got', () => {
    let problems: string[] = [];
    try {
      validateConfig({
        workflow: 'flow',
        tagPrefix: 3,
        changelog: { preset: 'eslint', colour: 'red' },
        bumpRules: { feat: 'huge' },
        unknownKey: true,
        firstVersion: 'one',
      });
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
    expect(validateConfig({ deploy: { workflow: 'deploy.yml' } }).deploy).toEqual({
      workflow: 'deploy.yml',
      tagInput: 'tag',
    });
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

describe('validateConfig: versionFiles', () => {
  const problemsOf = (versionFiles: unknown): string[] => {
    try {
      validateConfig({ versionFiles });
    } catch (error) {
      return (error as ConfigProblems).problems;
    }
    return [];
  };

  it('defaults to the top-level version of package.json, optional', () => {
    expect(validateConfig({}).versionFiles).toEqual([
      { path: 'package.json', kind: 'json', jsonPath: ['version'], required: false },
    ]);
  });

  it('normalises the three forms into specs', () => {
    const config = validateConfig({
      versionFiles: [
        'package.json',
        { path: 'app.webmanifest', jsonPath: 'tool.app.version' },
        { path: 'src/version.ts', pattern: "export const VERSION = '([^']*)'" },
      ],
    });
    expect(config.versionFiles).toEqual([
      { path: 'package.json', kind: 'json', jsonPath: ['version'], required: false },
      { path: 'app.webmanifest', kind: 'json', jsonPath: ['tool', 'app', 'version'], required: true },
      { path: 'src/version.ts', kind: 'regex', pattern: "export const VERSION = '([^']*)'" },
    ]);
  });

  it('refuses a path that is not JSON, naming the object forms to write instead', () => {
    expect(problemsOf(['package.json', 'src/version.ts'])).toEqual([
      `versionFiles[1]: expected a .json path, { "path": "src/version.ts", "pattern": "VERSION = '([^']*)'" } (a regex whose first group is the version) or { "path": "src/version.ts", "jsonPath": "version" } (JSON under another name); got "src/version.ts"`,
    ]);
  });

  it('refuses a pattern without a capture group, or one that does not compile, naming the fix', () => {
    expect(problemsOf([{ path: 'src/version.ts', pattern: "VERSION = '[^']*'" }])).toEqual([
      `versionFiles[0].pattern: expected a regex with the version in a capture group, e.g. "VERSION = '([^']*)'"; got "VERSION = '[^']*'", which has no group`,
    ]);
    expect(problemsOf([{ path: 'x.txt', pattern: 'version (' }])[0]).toMatch(
      /^versionFiles\[0\]\.pattern: expected a JavaScript regex \(in JSON, backslashes doubled: "\\\\d\+"\); got "version \(", which does not compile \(Invalid regular expression/,
    );
  });

  it('refuses entries that are incomplete, ambiguous or carry unknown keys, listing every problem', () => {
    expect(problemsOf('package.json')).toEqual([
      expect.stringMatching(
        /^versionFiles: expected a list of \.json paths and \{ "path", "jsonPath" \} or \{ "path", "pattern" \} entries; got "package\.json"$/,
      ),
    ]);
    expect(
      problemsOf([
        { path: 'a.json' },
        { path: 'b.json', jsonPath: 'version', pattern: '(v)' },
        { jsonPath: 'version' },
        { path: 'c.json', jsonPath: 'a..b' },
        { path: 'd.txt', pattern: '(\\d+)', flags: 'i' },
        3,
      ]),
    ).toEqual([
      'versionFiles[0]: expected one of "jsonPath" (dotted keys into JSON, e.g. "tool.app.version") or "pattern" (a regex whose first group is the version); got {"path":"a.json"}',
      'versionFiles[1]: expected only one of "jsonPath" (dotted keys into JSON, e.g. "tool.app.version") or "pattern" (a regex whose first group is the version); got {"path":"b.json","jsonPath":"version","pattern":"(v)"}',
      'versionFiles[2].path: expected a file path relative to the repository root; got nothing',
      'versionFiles[3].jsonPath: expected dotted keys such as "version" or "tool.app.version" (digits index a list: "packages.0.version"); got "a..b"',
      'versionFiles[4].flags: unknown setting (known: path, jsonPath, pattern)',
      expect.stringMatching(/^versionFiles\[5\]: expected a \.json path, .*; got 3$/),
    ]);
  });
});

describe('validateConfig: checklist', () => {
  const problemsOf = (input: Record<string, unknown>): string[] => {
    try {
      validateConfig(input);
    } catch (error) {
      return (error as ConfigProblems).problems;
    }
    return [];
  };

  it('defaults to an empty checklist; reads commands and confirmations in order', () => {
    expect(validateConfig(undefined).checklist).toEqual({ before: [], after: [] });
    const config = validateConfig({
      checklist: {
        before: [
          { name: 'tests', run: ['npm', 'test'] },
          { name: ' migrations tested ', confirm: true },
        ],
        after: [{ name: 'health', run: ['shipwright', 'verify', '--url', 'https://x.test/health'] }],
      },
    });
    expect(config.checklist).toEqual({
      before: [
        { name: 'tests', run: ['npm', 'test'] },
        { name: 'migrations tested', confirm: true },
      ],
      after: [{ name: 'health', run: ['shipwright', 'verify', '--url', 'https://x.test/health'] }],
    });
  });

  it('preRelease is still read, as the first before item', () => {
    expect(
      validateConfig({ preRelease: ['npm', 'test'], checklist: { before: [{ name: 'docs', confirm: true }] } })
        .checklist.before,
    ).toEqual([
      { name: 'preRelease', run: ['npm', 'test'] },
      { name: 'docs', confirm: true },
    ]);
    expect(validateConfig({ preRelease: null }).checklist.before).toEqual([]);
  });

  it('names every bad item: shape, a shell string, both or neither of run/confirm, duplicate names, unknown keys', () => {
    expect(
      problemsOf({
        preRelease: 'npm test',
        checklist: {
          before: [
            { name: 'tests', run: 'npm test && rm -rf /' },
            { name: 'x', run: ['a'], confirm: true },
            { name: 'y' },
            'lint',
            { name: 'z', confirm: 'yes' },
            { name: 'ok', confirm: true },
            { name: 'ok', run: ['b'] },
            { name: '', confirm: true },
            { name: 'w', run: ['c'], when: 'always' },
          ],
          during: [],
        },
      }),
    ).toEqual([
      'preRelease: expected a command as a list of arguments such as ["npm", "test"], or null; got "npm test"',
      'checklist.before[0].run: expected a command as a list of arguments such as ["npm", "test"] (never run through a shell); got "npm test && rm -rf /"',
      'checklist.before[1]: expected either "run" (a command) or "confirm": true (a person answers), not both; got {"name":"x","run":["a"],"confirm":true}',
      'checklist.before[2]: expected either "run" (a command) or "confirm": true (a person answers), not neither; got {"name":"y"}',
      'checklist.before[3]: expected { "name": "tests", "run": ["npm", "test"] } or { "name": "migrations tested", "confirm": true }; got "lint"',
      'checklist.before[4].confirm: expected true; got "yes"',
      'checklist.before[6].name: "ok" is used twice in checklist.before; give each item its own name',
      'checklist.before[7].name: expected a short non-empty name such as "tests"; got ""',
      'checklist.before[8].when: unknown setting (known: name, run, confirm)',
      'checklist.during: unknown setting (known: checklist.before, checklist.after)',
    ]);
    expect(problemsOf({ checklist: ['npm test'] })).toEqual([
      'checklist: expected { "before": [...], "after": [...] }; got ["npm test"]',
    ]);
    expect(
      problemsOf({ preRelease: ['npm', 'test'], checklist: { before: [{ name: 'preRelease', confirm: true }] } }),
    ).toEqual([
      'preRelease: checklist.before already has an item named "preRelease"; move the command into checklist.before and drop preRelease',
    ]);
  });
});
