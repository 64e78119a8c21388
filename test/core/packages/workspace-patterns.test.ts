// Which folders are packages: pnpm-workspace.yaml, package.json workspaces (list or { packages }), lerna.json.
import { describe, expect, it } from 'vitest';
import { isShipwrightError } from '../../../src/core/errors.js';
import { readWorkspacePatterns, selectPackageDirs } from '../../../src/core/packages/workspace-patterns.js';
import { named } from '../../helpers/named.js';

const none = { packageJson: null, pnpmWorkspace: null, lernaJson: null };

describe('readWorkspacePatterns', () => {
  it.each(
    named([
      {
        name: 'npm: a list',
        files: { ...none, packageJson: { workspaces: ['packages/*'] } },
        expected: { source: 'package.json', patterns: ['packages/*'] },
      },
      {
        name: 'yarn: { packages, nohoist }',
        files: { ...none, packageJson: { workspaces: { packages: ['packages/*', 'apps/*'], nohoist: ['**/x'] } } },
        expected: { source: 'package.json', patterns: ['packages/*', 'apps/*'] },
      },
      {
        name: 'pnpm-workspace.yaml',
        files: { ...none, pnpmWorkspace: "packages:\n  - 'packages/*'\n  - '!**/test/**'\n" },
        expected: { source: 'pnpm-workspace.yaml', patterns: ['packages/*', '!**/test/**'] },
      },
      {
        name: 'pnpm wins over package.json',
        files: { ...none, packageJson: { workspaces: ['a/*'] }, pnpmWorkspace: 'packages: [b/*]\n' },
        expected: { source: 'pnpm-workspace.yaml', patterns: ['b/*'] },
      },
      {
        name: 'pnpm-workspace.yaml with settings only defers',
        files: { ...none, packageJson: { workspaces: ['a/*'] }, pnpmWorkspace: 'catalog:\n  react: ^19\n' },
        expected: { source: 'package.json', patterns: ['a/*'] },
      },
      {
        name: 'lerna.json packages',
        files: { ...none, lernaJson: '{ "packages": ["modules/*"], "version": "independent" }' },
        expected: { source: 'lerna.json', patterns: ['modules/*'] },
      },
      {
        name: "lerna.json without packages: lerna's default",
        files: { ...none, lernaJson: '{ "version": "1.0.0" }' },
        expected: { source: 'lerna.json', patterns: ['packages/*'] },
      },
    ]),
  )('%s', (_name, { files, expected }) => {
    expect(readWorkspacePatterns(files)).toEqual(expected);
  });

  it('no workspace files: null, a workspace of one', () => {
    expect(readWorkspacePatterns({ ...none, packageJson: { name: 'solo', version: '1.0.0' } })).toBeNull();
  });

  it.each([
    {
      name: 'workspaces of the wrong shape',
      files: { ...none, packageJson: { workspaces: 'packages/*' } },
      message: /package\.json does not list workspace packages/,
    },
    {
      name: 'broken YAML',
      files: { ...none, pnpmWorkspace: 'packages: [a\n' },
      message: /pnpm-workspace\.yaml does not list workspace packages: not valid YAML/,
    },
    {
      name: 'broken lerna.json',
      files: { ...none, lernaJson: '{ packages' },
      message: /lerna\.json does not list workspace packages: not valid JSON/,
    },
  ])('refuses $name with a fix', ({ files, message }) => {
    let caught: unknown;
    try {
      readWorkspacePatterns(files);
    } catch (error) {
      caught = error;
    }
    expect(isShipwrightError(caught) && caught.fix).toBeTruthy();
    expect((caught as Error).message).toMatch(message);
  });
});

describe('selectPackageDirs', () => {
  const dirs = [
    '',
    'packages/a',
    'packages/b',
    'packages/b/test/fixture',
    'packages/private-x',
    'apps/web',
    'packages/a/node_modules/dep',
    'docs',
  ];
  it('matches globs, honours negations, never the root or node_modules', () => {
    expect(selectPackageDirs(['packages/*', 'apps/*', '!packages/private-*'], dirs)).toEqual([
      'apps/web',
      'packages/a',
      'packages/b',
    ]);
    expect(selectPackageDirs(['./packages/**/', '!**/test/**'], dirs)).toEqual([
      'packages/a',
      'packages/b',
      'packages/private-x',
    ]);
    expect(selectPackageDirs(['.', 'docs'], dirs)).toEqual(['docs']);
  });
});
