// init on husky 4–8 setups and on a team's own core.hooksPath, planned from facts. The husky 6/8
// shapes are lint-staged's own repository at 5560d97 (husky 6) and 39ff296 (husky 8).
import { describe, expect, it } from 'vitest';
import { isShipwrightError } from '../../../src/core/errors.js';
import { chainedHookPath, chainLine, chainTeamHook } from '../../../src/core/init/chain-hooks.js';
import { convertHusky4Command, planHuskyMigration } from '../../../src/core/init/husky-legacy.js';
import { planInit } from '../../../src/core/init/plan-init.js';
import type { HookName, InitOptions, InitTemplates, ProjectFacts } from '../../../src/core/init/project-facts.js';
import { hookScript } from '../../../src/core/init/hook-scripts.js';
import { defaultConfig } from '../../../src/config/default-config.js';

const templates: InitTemplates = { github: {} };
const options: InitOptions = {
  workflow: 'trunk',
  ci: null,
  install: false,
  force: false,
  stagedChecks: [],
  defaultBranchTypes: defaultConfig().branchTypes,
};
const own = (hook: HookName) =>
  hookScript(hook, { kind: 'package', dir: '', install: 'npm ci (or npm install)' }).trim();
const PRE_COMMIT = own('pre-commit');
const COMMIT_MSG = own('commit-msg');
const PRE_PUSH = own('pre-push');

const HUSKY6_PRE_COMMIT = '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\nnpx lint-staged\nnode scripts/check.js\n';
const HUSKY8_COMMIT_MSG =
  '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx --no -- commitlint --edit ${1}\n';
const HUSKY6_POST_MERGE = '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\nnpm install\n';

function facts(pkg: Record<string, unknown>, overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    packageManager: 'npm',
    packageDir: '',
    otherPackageDirs: [],
    branchNames: [],
    packageJsonText: `${JSON.stringify(pkg, null, 2)}\n`,
    files: {},
    commitlintConfig: '.commitlintrc.json',
    lintStagedConfig: { path: '.lintstagedrc.json', format: 'json' },
    tools: { eslint: false, prettier: false, biome: false, xo: false, typescript: false },
    hooksPath: null,
    huskyInternalExists: false,
    dependencySpecs: { husky: '^9.1.7', shipwright: '^0.1.0' },
    folderName: 'app',
    ...overrides,
  };
}

const husky6 = () =>
  facts(
    {
      name: 'lint-staged',
      scripts: { prepare: 'husky install', test: 'jest' },
      devDependencies: { husky: '^6.0.0', jest: '^26.6.3' },
    },
    {
      hooksPath: '.husky',
      files: {
        '.husky/pre-commit': HUSKY6_PRE_COMMIT,
        '.husky/commit-msg': HUSKY8_COMMIT_MSG,
        '.husky/post-merge': HUSKY6_POST_MERGE,
      },
      huskyHookNames: ['commit-msg', 'post-merge', 'pre-commit'],
      huskyInstalled: '6.0.0',
    },
  );

const step = (plan: ReturnType<typeof planInit>, path: string) =>
  plan.steps.find((candidate) => candidate.kind === 'write-file' && candidate.path === path);
const content = (plan: ReturnType<typeof planInit>, path: string) => {
  const found = step(plan, path);
  return found?.kind === 'write-file' ? found.content : undefined;
};

/** Applies a plan's writes to the facts, as the engine would, for the second run. */
function afterRun(before: ProjectFacts, plan: ReturnType<typeof planInit>): ProjectFacts {
  const files = { ...before.files };
  for (const candidate of plan.steps) if (candidate.kind === 'write-file') files[candidate.path] = candidate.content;
  return {
    ...before,
    files,
    packageJsonText: files['package.json'] ?? before.packageJsonText,
    hooksPath: '.husky/_',
    huskyInternalExists: true,
    huskyInstalled: '9.1.7',
    huskyHookNames: Object.keys(files)
      .filter((path) => path.startsWith('.husky/') && files[path] !== null)
      .map((path) => path.slice('.husky/'.length)),
    teamHooks: null,
  };
}

describe('husky 6/8 → 9', () => {
  it('bumps husky, rewrites `husky install`, drops the boilerplate, replaces lint-staged and commitlint, keeps the rest', () => {
    const plan = planInit(husky6(), options, templates);
    const pkg = JSON.parse(content(plan, 'package.json') ?? '{}') as Record<string, Record<string, string>>;
    expect(pkg.devDependencies?.husky).toBe('^9.1.7');
    expect(pkg.scripts).toEqual({ prepare: 'husky', test: 'jest' });
    const pkgStep = step(plan, 'package.json');
    expect(pkgStep?.description).toContain('~ devDependencies.husky: ^6.0.0 → ^9.1.7');
    expect(pkgStep?.description).toContain('~ scripts.prepare: husky install → husky');

    expect(content(plan, '.husky/pre-commit')).toBe(`#!/bin/sh\n\n${PRE_COMMIT}\nnode scripts/check.js\n`);
    const preCommit = step(plan, '.husky/pre-commit')?.description ?? '';
    expect(preCommit).toContain('update .husky/pre-commit — husky 6 → 9, line by line:');
    expect(preCommit).toContain('- . "$(dirname "$0")/_/husky.sh"   (removed: husky 4–8 boilerplate');
    expect(preCommit).toContain('- npx lint-staged   (replaced: by `shipwright hook pre-commit`');
    expect(preCommit).toContain('= node scripts/check.js   (kept: your command; it still runs)');
    expect(content(plan, '.husky/commit-msg')).toBe(`#!/usr/bin/env sh\n\n${COMMIT_MSG}\n`);
    // A hook shipwright has nothing to do with loses only husky 8's line (husky 9 would warn on it).
    expect(content(plan, '.husky/post-merge')).toBe('#!/bin/sh\n\nnpm install\n');
    expect(step(plan, '.husky/post-merge')?.description).toContain(
      '= npm install   (kept: your command; it still runs)',
    );
    const install = plan.steps.find((candidate) => candidate.kind === 'install-husky');
    expect(install?.description).toBe('run husky: point core.hooksPath at .husky/_ (was .husky)');
  });

  it('a second run after the migration plans nothing', () => {
    const before = husky6();
    const second = planInit(afterRun(before, planInit(before, options, templates)), options, templates);
    expect(second.steps).toEqual([]);
  });

  it('refuses a custom hooks folder with the steps by hand', () => {
    const custom = facts({ scripts: { prepare: 'husky install .config/husky' }, devDependencies: { husky: '^8.0.0' } });
    const error = (() => {
      try {
        planInit(custom, options, templates);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(isShipwrightError(error) && error.code).toBe('husky-not-migratable');
    expect(String((error as Error).message)).toContain('1. move the hooks from .config/husky/ to .husky/');
    expect(String((error as Error).message)).toContain('Nothing was written');
  });
});

describe('husky 4 → 9', () => {
  const husky4 = (extra: Partial<ProjectFacts> = {}) =>
    facts(
      {
        name: 'old',
        husky: {
          hooks: {
            'pre-commit': 'lint-staged && npm run typecheck',
            'commit-msg': 'commitlint -E HUSKY_GIT_PARAMS',
            'pre-push': 'npm test',
            'post-checkout': 'node scripts/notify.js $HUSKY_GIT_PARAMS',
          },
        },
        devDependencies: { husky: '^4.3.8' },
      },
      extra,
    );

  it('moves each hook into .husky/, converts HUSKY_GIT_PARAMS, removes the "husky" key', () => {
    const plan = planInit(husky4(), options, templates);
    const pkg = JSON.parse(content(plan, 'package.json') ?? '{}') as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('husky');
    expect(pkg).toMatchObject({ devDependencies: { husky: '^9.1.7' }, scripts: { prepare: 'husky' } });
    expect(step(plan, 'package.json')?.description).toContain('~ "husky" removed (husky 4');
    expect(content(plan, '.husky/pre-commit')).toBe(`${PRE_COMMIT}\nnpm run typecheck\n`);
    expect(step(plan, '.husky/pre-commit')?.description).toContain(
      'create .husky/pre-commit — moved from package.json "husky" (husky 4\'s `lint-staged && npm run typecheck`), line by line:',
    );
    expect(content(plan, '.husky/commit-msg')).toBe(`${COMMIT_MSG}\n`);
    expect(content(plan, '.husky/pre-push')).toBe(`${PRE_PUSH}\nnpm test\n`);
    expect(step(plan, '.husky/pre-push')?.description).toContain('= npm test   (kept: your command; it still runs)');
    const postCheckout = content(plan, '.husky/post-checkout') ?? '';
    expect(postCheckout.split('\n')[1]).toBe('node scripts/notify.js "$@"');
    expect(plan.notes?.join('\n')).toContain("husky 4's runner scripts in .git/hooks stay but no longer run");
  });

  it('reads .huskyrc.json, and names the file to delete', () => {
    const plan = planInit(
      facts(
        { name: 'old', devDependencies: { husky: '4.3.8' } },
        { files: { '.huskyrc.json': '{"hooks":{"pre-push":"npm test"}}' } },
      ),
      options,
      templates,
    );
    expect(content(plan, '.husky/pre-push')).toBe(`${PRE_PUSH}\nnpm test\n`);
    expect(plan.notes?.join('\n')).toContain('delete it (git rm .huskyrc.json)');
  });

  it('refuses what it cannot move exactly: code configs, HUSKY_GIT_STDIN', () => {
    const refused = (candidate: ProjectFacts) => {
      try {
        planInit(candidate, options, templates);
        return null;
      } catch (error) {
        return isShipwrightError(error) ? error : null;
      }
    };
    const js = refused(facts({ name: 'a' }, { files: { '.huskyrc.js': 'module.exports = {hooks: {}}' } }));
    expect(js?.code).toBe('husky-not-migratable');
    expect(js?.message).toContain('.huskyrc.js is code or YAML');
    expect(js?.message).toMatch(/1\. for each hook in \.huskyrc\.js, write its command into \.husky\/<hook>/);
    const stdin = refused(facts({ name: 'a', husky: { hooks: { 'pre-push': 'check "$HUSKY_GIT_STDIN"' } } }));
    expect(stdin?.message).toContain('it reads HUSKY_GIT_STDIN');
  });

  it('converts commands: -E HUSKY_GIT_PARAMS, plain && lists split, anything else one line', () => {
    expect(convertHusky4Command('commitlint -E HUSKY_GIT_PARAMS')).toEqual(['commitlint --edit "$1"']);
    expect(convertHusky4Command('a && b "$HUSKY_GIT_PARAMS"')).toEqual(['a', 'b "$@"']);
    expect(convertHusky4Command('a || b')).toEqual(['a || b']);
    expect(convertHusky4Command("echo 'x && y'")).toEqual(["echo 'x && y'"]);
    expect(convertHusky4Command('run $HUSKY_DEBUG')).toBe('it uses HUSKY_DEBUG');
  });

  it('is not a migration when husky is 9 already', () => {
    expect(
      planHuskyMigration({
        pkg: { scripts: { prepare: 'husky' }, devDependencies: { husky: '^9.0.0' } },
        files: {},
        installed: null,
        target: '^9.1.7',
      }),
    ).toBeNull();
  });
});

describe('a team core.hooksPath', () => {
  const team = (tracked = true): Partial<ProjectFacts> => ({
    hooksPath: '.githooks',
    teamHooks: {
      dir: '.githooks',
      inRepo: true,
      hooks: [
        { name: 'pre-commit', path: '.githooks/pre-commit', text: '#!/bin/sh\nmake lint\n', tracked },
        { name: 'pre-push', path: '.githooks/pre-push', text: '#!/bin/sh\nnpm test\n', tracked },
        { name: 'post-merge', path: '.githooks/post-merge', text: '#!/bin/sh\nnpm install\n', tracked },
      ],
    },
  });

  it("runs the team's hook first from shipwright's, for every hook it had, and says so", () => {
    const plan = planInit(facts({ name: 'a' }, team()), options, templates);
    expect(content(plan, '.husky/pre-commit')).toBe(
      `${chainLine('pre-commit', '.githooks/pre-commit', '.githooks')}\n${PRE_COMMIT}\n`,
    );
    expect(step(plan, '.husky/pre-commit')?.description).toContain(
      '+ ./.githooks/pre-commit "$@"   (added: runs your .githooks/pre-commit first (it ran from core.hooksPath .githooks)',
    );
    expect(content(plan, '.husky/post-merge')).toBe(
      `${chainLine('post-merge', '.githooks/post-merge', '.githooks')}\n`,
    );
    expect(content(plan, '.husky/pre-push')).toContain('< "$shipwright_in"');
    const install = plan.steps.find((candidate) => candidate.kind === 'install-husky');
    expect(install?.description).toBe(
      'run husky: point core.hooksPath at .husky/_ (was .githooks; the hooks of .githooks run first from .husky/pre-commit, .husky/pre-push, .husky/post-merge)',
    );
  });

  it('a second run plans nothing', () => {
    const before = facts({ name: 'a' }, team());
    const second = planInit(afterRun(before, planInit(before, options, templates)), options, templates);
    expect(second.steps).toEqual([]);
  });

  it('refuses uncommitted team hooks with the choices; --force lists each command that stops running', () => {
    let refusal: unknown = null;
    try {
      planInit(facts({ name: 'a' }, team(false)), options, templates);
    } catch (error) {
      refusal = error;
    }
    expect(isShipwrightError(refusal) && refusal.code).toBe('team-hooks-unchainable');
    expect((refusal as Error).message).toContain('1. commit them (git add .githooks/pre-commit');
    const forced = planInit(facts({ name: 'a' }, team(false)), { ...options, force: true }, templates);
    expect(forced.notes?.join('\n')).toContain(
      '--force: .githooks/pre-push stops running (it is not committed, so .husky/pre-push cannot call it) — line by line:\n       - npm test   (dropped: no longer runs on pre-push)',
    );
    expect(content(forced, '.husky/pre-push')).toBe(`${PRE_PUSH}\n`);
  });

  it('chain lines are found again, quoted paths included', () => {
    expect(chainedHookPath(chainLine('pre-push', 'hooks dir/pre-push', 'hooks dir'))).toBe('hooks dir/pre-push');
    expect(chainedHookPath(chainLine('pre-commit', '/abs/pre-commit', '/abs'))).toBe('/abs/pre-commit');
    const once = chainTeamHook(
      '#!/bin/sh\nnpm test\n',
      { name: 'pre-push', path: 'x/pre-push', text: '', tracked: true },
      'x',
    );
    expect(once.text.split('\n')[0]).toBe('#!/bin/sh');
    expect(
      chainTeamHook(once.text, { name: 'pre-push', path: 'x/pre-push', text: '', tracked: true }, 'x').changed,
    ).toBe(false);
  });
});

describe('--force', () => {
  it("names every line of the user's file it replaces, e.g. a workflow's `npm test`", () => {
    const workflow = 'name: PR\non: pull_request\njobs:\n  test:\n    steps:\n      - run: npm test\n';
    const plan = planInit(
      facts({ name: 'a' }, { files: { '.github/workflows/pull-request.yml': workflow } }),
      { ...options, ci: 'github', force: true },
      { ...templates, github: { '.github/workflows/pull-request.yml': 'name: PR\non: pull_request\n' } },
    );
    const replaced = step(plan, '.github/workflows/pull-request.yml')?.description ?? '';
    expect(replaced).toContain('replace .github/workflows/pull-request.yml — GitHub template — line by line:');
    expect(replaced).toContain("- - run: npm test   (dropped by --force: not in shipwright's version)");
    expect(replaced).not.toContain('- name: PR');
  });
});
