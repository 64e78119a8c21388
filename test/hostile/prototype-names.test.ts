// Commit types and config keys named after Object.prototype's members are data: looked up as own properties only.
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeCommits } from '../../src/core/conventional-commits/summarize-commits.js';
import { typeLabel } from '../../src/core/display-text/status-words.js';
import { bumpOf, decideBump, DEFAULT_BUMP_RULES } from '../../src/core/version/bump-rules.js';
import { ConfigProblems, validateConfig } from '../../src/config/validate-config.js';
import { aCommit } from '../helpers/build-commits.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf'];

const problemsOf = (input: unknown): string[] => {
  try {
    validateConfig(input);
  } catch (error) {
    if (error instanceof ConfigProblems) return error.problems;
    throw error;
  }
  return [];
};

const commitOf = (header: string) => aCommit(header);

describe('commit types named after Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES)('a %s commit asks for no bump and counts as its own type', (type) => {
    const commit = commitOf(`${type}: boom`);
    expect(bumpOf(commit, DEFAULT_BUMP_RULES)).toBeNull();
    expect(decideBump([commit], DEFAULT_BUMP_RULES).bump).toBeNull();
    const summary = summarizeCommits([commit]);
    expect(Object.getPrototypeOf(summary.byType)).toBeNull();
    expect(Object.entries(summary.byType)).toEqual([[commit.type?.toLowerCase() ?? 'other', 1]]);
    expect(typeLabel(type, 2)).toBe(type);
  });

  it('a bump rule for such a type is an ordinary rule', () => {
    const config = validateConfig(JSON.parse('{"bumpRules": {"__proto__": "major", "constructor": "patch"}}'));
    expect(Object.keys(config.bumpRules).sort()).toEqual(['__proto__', 'constructor']);
    expect(bumpOf(commitOf('constructor: x'), config.bumpRules)).toBe('patch');
    expect(bumpOf(commitOf('fix: x'), config.bumpRules)).toBeNull();
  });
});

describe('config keys named after Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES)('%s is an unknown setting at the top level and inside an object, named', (key) => {
    const input = JSON.parse(`{"${key}": 1, "branches": {"${key}": "x"}, "deploy": {"${key}": "x"}}`) as unknown;
    expect(problemsOf(input)).toEqual([
      expect.stringMatching(new RegExp(`^${key}: unknown setting \\(known: workflow, `)),
      `branches.${key}: unknown setting (known: branches.production, branches.integration)`,
      `deploy.${key}: unknown setting (known: deploy.workflow, deploy.tagInput)`,
    ]);
  });

  it('a branch type named __proto__ is stored as an entry, not as a prototype', () => {
    const config = validateConfig(
      JSON.parse('{"branchTypes": {"__proto__": {"prefix": "p/", "base": "integration"}}}'),
    );
    expect(Object.hasOwn(config.branchTypes, '__proto__')).toBe(true);
    expect(config.branchTypes.feature?.prefix).toBe('feature/');
    expect(Object.getPrototypeOf(config.branchTypes)).toBeNull();
  });
});

describe('the CLI with prototype names', () => {
  let repo: TempRepo | undefined;
  afterEach(async () => {
    await repo?.remove();
    repo = undefined;
  });

  it('status and version treat constructor / __proto__ commits as types that release nothing', async () => {
    repo = await createTempRepo();
    await repo.write('package.json', '{ "name": "demo", "version": "1.0.0" }\n');
    await repo.commit('feat: first');
    await repo.tag('v1.0.0', { message: 'v1.0.0' });
    await repo.commit('constructor: boom');
    await repo.commit('__proto__: boom');
    const version = await runShipwright(['version'], { cwd: repo.dir });
    expect(version.code).toBe(1);
    expect(version.stdout).toBe('');
    expect(version.stderr).toContain('No new version: nothing to release since v1.0.0');
    const status = await runShipwright(['status'], { cwd: repo.dir });
    expect(status.code).toBe(0);
    expect(status.stdout).not.toContain('native code');
    expect(status.stdout).toMatch(/constructor\s+1\n/);
    expect(status.stdout).toMatch(/__proto__\s+1\n/);
    expect(status.stdout).toContain('Next version  none');
  });

  it.each(PROTOTYPE_NAMES)(
    'a config key %s exits 2 naming the key, in shipwright.config.json and package.json',
    async (key) => {
      repo = await createTempRepo();
      await repo.write('package.json', `{ "name": "demo", "version": "1.0.0", "shipwright": { "${key}": true } }\n`);
      await repo.commit('feat: first');
      const fromPackage = await runShipwright(['status'], { cwd: repo.dir });
      expect(fromPackage.code, fromPackage.stderr).toBe(2);
      expect(fromPackage.stderr).toContain(`package.json "shipwright" has a problem:\n  - ${key}: unknown setting`);
      expect(fromPackage.stderr).not.toMatch(/internal error|\n\s+at /);
      await repo.write('shipwright.config.json', `{ "changelog": { "${key}": "x" } }\n`);
      const fromFile = await runShipwright(['version'], { cwd: repo.dir });
      expect(fromFile.code, fromFile.stderr).toBe(2);
      expect(fromFile.stderr).toContain(
        `changelog.${key}: unknown setting (known: changelog.file, changelog.preset, changelog.types)`,
      );
      expect(fromFile.stderr).toContain('fix: edit shipwright.config.json');
    },
  );

  it('a hook named constructor is not a hook', async () => {
    repo = await createTempRepo();
    const result = await runShipwright(['hook', 'constructor'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'constructor' is not a shipwright hook.");
  });
});
