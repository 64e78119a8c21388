// packages: tag formats, shared paths, dependents' bump, fixed and linked groups.
import { describe, expect, it } from 'vitest';
import { ConfigProblems, validateConfig } from '../../src/config/validate-config.js';

const problemsOf = (packages: unknown): string[] => {
  try {
    validateConfig({ packages });
  } catch (error) {
    if (error instanceof ConfigProblems) return error.problems;
    throw error;
  }
  return [];
};

describe('validateConfig: packages', () => {
  it("defaults: changesets' and lerna's tags, dependents patched, no groups", () => {
    expect(validateConfig(undefined).packages).toEqual({
      tagFormat: ['{name}@{version}'],
      tagFormatOverrides: {},
      sharedPaths: [],
      dependentBump: 'patch',
      fixed: [],
      linked: [],
      rootChangelog: false,
    });
  });

  it('keeps valid settings; a single format becomes a list; paths are normalised', () => {
    const packages = validateConfig({
      packages: {
        tagFormat: ['{name}@{version}', '{name}-v{version}'],
        tagFormatOverrides: { vite: 'v{version}' },
        sharedPaths: ['./pnpm-lock.yaml', '.github/'],
        dependentBump: 'none',
        fixed: [['a', 'b']],
        linked: [['c', 'd']],
        rootChangelog: true,
      },
    }).packages;
    expect(packages).toEqual({
      tagFormat: ['{name}@{version}', '{name}-v{version}'],
      tagFormatOverrides: { vite: ['v{version}'] },
      sharedPaths: ['pnpm-lock.yaml', '.github'],
      dependentBump: 'none',
      fixed: [['a', 'b']],
      linked: [['c', 'd']],
      rootChangelog: true,
    });
  });

  it('names key, expected and got for each problem', () => {
    expect(
      problemsOf({
        tagFormat: '{name}',
        sharedPaths: ['../x'],
        dependentBump: 'tiny',
        fixed: [['a']],
        linked: [
          ['a', 'b'],
          ['b', 'c'],
        ],
        rootChangelog: 'yes',
        colour: 1,
      }),
    ).toEqual([
      'packages.tagFormat: expected a tag format with {version} exactly once, such as "{name}@{version}" or "{name}-v{version}"; got "{name}"',
      'packages.sharedPaths: expected a list of paths from the repository root, such as ["package-lock.json"]; got ["../x"]',
      'packages.dependentBump: expected one of "patch", "minor", "major", "none"; got "tiny"',
      'packages.fixed: expected a list of package-name lists with two or more names each, such as [["@acme/core", "@acme/cli"]]; got [["a"]]',
      'packages.linked[1]: "b" is already in group 0; a package belongs to one group',
      'packages.rootChangelog: expected true or false; got "yes"',
      'packages.colour: unknown setting (known: packages.tagFormat, packages.tagFormatOverrides, packages.sharedPaths, packages.dependentBump, packages.fixed, packages.linked, packages.rootChangelog)',
    ]);
    expect(problemsOf({ fixed: [['a', 'b']], linked: [['b', 'c']] })).toEqual([
      'packages.linked: "b" is also in a fixed group; a package is fixed or linked, not both',
    ]);
  });
});
