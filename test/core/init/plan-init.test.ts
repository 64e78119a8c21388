// The init planner from facts: what it adds, merges, and leaves alone.
import { describe, expect, it } from 'vitest';
import { COMMITLINT_CONFIG_TEXT, planInit } from '../../../src/core/init/plan-init.js';
import type { InitOptions, InitTemplates, ProjectFacts } from '../../../src/core/init/project-facts.js';
import { hookScript } from '../../../src/core/init/hook-scripts.js';
import { defaultConfig } from '../../../src/config/default-config.js';
import { CODE_GLOB, globExtensions } from '../../../src/core/init/lint-staged-tasks.js';

const templates: InitTemplates = {
  github: { '.github/workflows/pull-request.yml': 'name: PR\n' },
};

function facts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    packageManager: 'npm',
    packageDir: '',
    otherPackageDirs: [],
    branchNames: [],
    packageJsonText: '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    files: {},
    commitlintConfig: null,
    lintStagedConfig: null,
    tools: { eslint: true, prettier: false, biome: false, xo: false, typescript: true },
    hooksPath: null,
    huskyInternalExists: false,
    dependencySpecs: { husky: '^9.1.7', 'lint-staged': '^16.4.0', shipwright: '^0.1.0' },
    folderName: 'app',
    ...overrides,
  };
}

const options: InitOptions = {
  workflow: 'gitflow',
  ci: null,
  install: true,
  force: false,
  stagedChecks: ['conflict-markers'],
  defaultBranchTypes: defaultConfig().branchTypes,
};
const rootHook = (hook: 'pre-commit' | 'commit-msg' | 'pre-push') =>
  hookScript(hook, { kind: 'package', dir: '', install: 'npm ci (or npm install)' });
const paths = (plan: ReturnType<typeof planInit>) =>
  plan.steps.map((step) => (step.kind === 'write-file' ? step.path : step.kind));

describe('planInit', () => {
  it('plans everything for a bare project, package.json first and install right after it', () => {
    const plan = planInit(facts(), options, templates);
    expect(paths(plan)).toEqual([
      'package.json',
      'run-command',
      '.husky/pre-commit',
      '.husky/commit-msg',
      '.husky/pre-push',
      '.husky/post-checkout',
      'install-husky',
      'lint-staged.config.mjs',
      'commitlint.config.ts',
      '.gitignore',
      'shipwright.config.json',
    ]);
    const ignore = plan.steps.find((step) => step.kind === 'write-file' && step.path === '.gitignore');
    expect(ignore?.kind === 'write-file' && ignore.content).toBe('node_modules/\n');
    const pkg = plan.steps[0];
    expect(pkg?.kind === 'write-file' && JSON.parse(pkg.content)).toMatchObject({
      devDependencies: { husky: '^9.1.7', 'lint-staged': '^16.4.0', shipwright: '^0.1.0' },
      scripts: { prepare: 'husky' },
    });
    const install = plan.steps[1];
    expect(install?.kind === 'run-command' && install.touches).toEqual(['package.json', 'package-lock.json']);
    const hook = plan.steps[2];
    expect(hook?.kind === 'write-file' && hook.mode).toBe(0o755);
  });

  it('is a no-op when everything is already in place', () => {
    const first = planInit(facts(), options, templates);
    const written = Object.fromEntries(
      first.steps.flatMap((step) => (step.kind === 'write-file' ? [[step.path, step.content]] : [])),
    );
    const second = planInit(
      facts({
        packageJsonText: written['package.json'],
        files: written,
        hooksPath: '.husky/_',
        huskyInternalExists: true,
        commitlintConfig: 'commitlint.config.ts',
        lintStagedConfig: { path: 'lint-staged.config.mjs', format: 'code' },
      }),
      options,
      templates,
    );
    expect(second.steps).toEqual([]);
    expect(second.notes).toEqual([]);
  });

  it('adopts existing hooks (their commands kept, with or without --force) and keeps configs', () => {
    for (const force of [false, true]) {
      const plan = planInit(
        facts({
          files: { '.husky/pre-commit': 'npm test\n' },
          commitlintConfig: 'commitlint.config.js',
          lintStagedConfig: { path: '.lintstagedrc.js', format: 'code' },
        }),
        { ...options, force },
        templates,
      );
      const hook = plan.steps.find((step) => step.kind === 'write-file' && step.path === '.husky/pre-commit');
      expect(hook?.kind === 'write-file' && hook.content).toBe(`${rootHook('pre-commit')}npm test\n`);
      expect(hook?.description).toContain('= npm test   (kept: your command; it still runs)');
      expect(hook?.description).toContain(
        '+ b=node_modules/.bin/shipwright; if [ -x "$b" ]; then "$b" hook pre-commit',
      );
      expect(paths(plan)).not.toContain('commitlint.config.ts');
      expect(plan.notes?.join('\n')).toContain('commit rules come from commitlint.config.js');
      expect(plan.notes?.join('\n')).toContain('.lintstagedrc.js is code');
    }
  });

  it('replaces differing files only with --force', () => {
    const existing = facts({ files: { 'shipwright.config.json': '{"workflow":"trunk"}\n' } });
    expect(paths(planInit(existing, options, templates))).not.toContain('shipwright.config.json');
    expect(paths(planInit(existing, { ...options, force: true }, templates))).toContain('shipwright.config.json');
  });

  it('merges tasks into a JSON lint-staged config and into package.json "lint-staged"', () => {
    const json = planInit(
      facts({
        files: { '.lintstagedrc.json': '{"*.md": "prettier --write"}' },
        lintStagedConfig: { path: '.lintstagedrc.json', format: 'json' },
      }),
      options,
      templates,
    );
    const rc = json.steps.find((step) => step.kind === 'write-file' && step.path === '.lintstagedrc.json');
    expect(rc?.kind === 'write-file' && JSON.parse(rc.content)).toEqual({
      '*.md': 'prettier --write',
      [CODE_GLOB]: 'eslint --fix',
      '*.{ts,tsx,mts,cts}': 'shipwright hook typecheck',
    });
    const inPackage = planInit(
      facts({
        packageJsonText: '{"name":"a","lint-staged":{"*.js":"eslint"}}',
        lintStagedConfig: { path: 'package.json', format: 'package.json' },
      }),
      options,
      templates,
    );
    const pkg = inPackage.steps[0];
    // ESLint already runs (on *.js, the team's choice): never a second, overlapping ESLint glob.
    expect(pkg?.kind === 'write-file' && JSON.parse(pkg.content)['lint-staged']).toEqual({
      '*.js': 'eslint',
      '*.{ts,tsx,mts,cts}': 'shipwright hook typecheck',
    });
    // Every key it adds or changes is in the plan, package.json's own keys included.
    expect(pkg?.description).toContain('+ devDependencies.husky: "^9.1.7"');
    expect(pkg?.description).toContain('+ scripts.prepare: "husky"');
    expect(pkg?.description).toContain('+ lint-staged["*.{ts,tsx,mts,cts}"]: "shipwright hook typecheck"');
    expect(pkg?.description).toContain('= ESLint   (kept: your config already runs it');
  });

  it('merges per tool: a new writer is appended to the widest glob covering its files, never a second glob on them', () => {
    const existing = { '*.ts': 'tsc-files --noEmit', '*.{js,ts}': ['eslint --fix'], '*.md': 'markdownlint' };
    const plan = planInit(
      facts({
        files: { '.lintstagedrc.json': `${JSON.stringify(existing, null, 4)}\n` },
        lintStagedConfig: { path: '.lintstagedrc.json', format: 'json' },
        tools: { eslint: true, prettier: true, biome: false, xo: false, typescript: true },
      }),
      options,
      templates,
    );
    const rc = plan.steps.find((step) => step.kind === 'write-file' && step.path === '.lintstagedrc.json');
    const merged = rc?.kind === 'write-file' ? (JSON.parse(rc.content) as Record<string, unknown>) : {};
    expect(merged).toEqual({
      '*.ts': 'tsc-files --noEmit',
      '*.{js,ts}': ['eslint --fix', 'prettier --write --ignore-unknown'],
      '*.md': ['markdownlint', 'prettier --write --ignore-unknown'],
      '*.{jsx,mjs,cjs,tsx,mts,cts,json,jsonc,mdx,yml,yaml,css,scss,html}': 'prettier --write --ignore-unknown',
    });
    // Each extension gets Prettier from exactly one glob; the type-check (tsc-files) is already there.
    const prettierGlobs = (ext: string) =>
      Object.entries(merged).filter(
        ([glob, value]) => globExtensions(glob)?.includes(ext) && JSON.stringify(value).includes('prettier'),
      ).length;
    for (const ext of ['js', 'ts', 'tsx', 'md', 'json']) expect(prettierGlobs(ext), ext).toBe(1);
    expect(rc?.kind === 'write-file' && rc.content).toMatch(/^\{\n {4}"/);
    expect(rc?.description).toContain(
      '+ "*.{js,ts}": ["eslint --fix","prettier --write --ignore-unknown"]   (changed: Prettier appended',
    );
    expect(rc?.description).toContain('= ESLint   (kept');
    expect(rc?.description).toContain('= the type-check   (kept');
  });

  it('leaves a code config alone and says exactly what to add by hand', () => {
    const source = "export default { '*.ts': (files) => `eslint --fix ${files.join(' ')}` };\n";
    const plan = planInit(
      facts({
        files: { 'lint-staged.config.js': source },
        lintStagedConfig: { path: 'lint-staged.config.js', format: 'code' },
      }),
      options,
      templates,
    );
    expect(paths(plan)).not.toContain('lint-staged.config.js');
    const note = plan.notes?.find((line) => line.startsWith('lint-staged.config.js is code'));
    expect(note).toContain("'*.{ts,tsx,mts,cts}': () => 'tsc --noEmit");
    expect(note).not.toContain('eslint');
  });

  it('uses XO or Biome as the linter when the project does', () => {
    const xo = planInit(
      facts({ tools: { eslint: true, prettier: false, biome: false, xo: true, typescript: false } }),
      options,
      templates,
    );
    const module = xo.steps.find((step) => step.kind === 'write-file' && step.path === 'lint-staged.config.mjs');
    expect(module?.kind === 'write-file' && module.content).toContain(`'${CODE_GLOB}': ["xo --fix"]`);
    expect(module?.kind === 'write-file' && module.content).not.toContain('eslint');
    const biome = planInit(
      facts({ tools: { eslint: false, prettier: true, biome: true, xo: false, typescript: false } }),
      options,
      templates,
    );
    const biomeModule = biome.steps.find(
      (step) => step.kind === 'write-file' && step.path === 'lint-staged.config.mjs',
    );
    expect(biomeModule?.kind === 'write-file' && biomeModule.content).toContain('biome check --write');
    expect(biomeModule?.kind === 'write-file' && biomeModule.content).not.toContain('prettier');
  });

  it('a package in a subfolder: its package.json, configs and install there; hooks at the root run its shipwright', () => {
    const plan = planInit(
      facts({
        packageDir: 'packages/app',
        packageManager: 'pnpm',
        tools: { eslint: false, prettier: false, biome: false, xo: false, typescript: true },
      }),
      options,
      templates,
    );
    expect(paths(plan)).toEqual([
      'packages/app/package.json',
      'run-command',
      '.husky/pre-commit',
      '.husky/commit-msg',
      '.husky/pre-push',
      '.husky/post-checkout',
      'install-husky',
      'packages/app/lint-staged.config.mjs',
      'packages/app/commitlint.config.ts',
      '.gitignore',
      'shipwright.config.json',
    ]);
    const pkg = plan.steps[0];
    expect(pkg?.kind === 'write-file' && JSON.parse(pkg.content).scripts.prepare).toBe('cd ../.. && husky');
    const install = plan.steps[1];
    expect(install?.kind === 'run-command' && install.argv).toEqual(['pnpm', '--dir', 'packages/app', 'install']);
    expect(install?.kind === 'run-command' && install.touches).toEqual([
      'packages/app/package.json',
      'packages/app/pnpm-lock.yaml',
    ]);
    const hook = plan.steps[2];
    expect(hook?.kind === 'write-file' && hook.content).toContain(
      'd=packages/app; if [ -x "$d/node_modules/.bin/shipwright" ]; then (cd "$d" && exec node_modules/.bin/shipwright hook pre-commit) || exit $?;',
    );
    expect(hook?.kind === 'write-file' && hook.content).toContain(
      'Run cd packages/app && pnpm install, then commit again.',
    );
  });

  it('no package.json: no package.json planned, hooks run a global or npx shipwright, nothing to install', () => {
    const plan = planInit(facts({ packageDir: null, packageJsonText: null }), options, templates);
    expect(paths(plan)).toEqual([
      '.husky/pre-commit',
      '.husky/commit-msg',
      '.husky/pre-push',
      '.husky/post-checkout',
      'install-husky',
      'shipwright.config.json',
    ]);
    const notice = plan.steps.find((step) => step.kind === 'write-file' && step.path === '.husky/post-checkout');
    expect(notice?.kind === 'write-file' && notice.content).toContain('npx --yes husky');
    expect(notice?.kind === 'write-file' && notice.content).not.toContain('node_modules');
    const hook = plan.steps[0];
    expect(hook?.kind === 'write-file' && hook.content).toContain("npx --yes 'shipwright@^0.1.0' hook pre-commit");
    expect(plan.notes?.join('\n')).toContain('npx --yes husky');
    expect(plan.notes?.join('\n')).toContain('@commitlint/config-conventional, built into shipwright');
  });

  it('an earlier init line for another shape is replaced, the team’s lines kept', () => {
    const old = `${rootHook('pre-commit')}npm test\n`;
    const plan = planInit(
      facts({ packageDir: null, packageJsonText: null, files: { '.husky/pre-commit': old } }),
      options,
      templates,
    );
    const hook = plan.steps.find((step) => step.kind === 'write-file' && step.path === '.husky/pre-commit');
    expect(hook?.kind === 'write-file' && hook.content).toBe(
      `${hookScript('pre-commit', { kind: 'global', range: '^0.1.0' })}npm test\n`,
    );
  });

  it('proposes the branch prefixes the repository already uses and writes them to the config', () => {
    const plan = planInit(
      facts({ branchNames: ['main', 'feat/login', 'feat/cart', 'feature/old', 'bugfix/crash', 'renovate/lodash-4.x'] }),
      options,
      templates,
    );
    const config = plan.steps.find((step) => step.kind === 'write-file' && step.path === 'shipwright.config.json');
    const written = config?.kind === 'write-file' ? JSON.parse(config.content) : {};
    expect(written.branchTypes.feature).toMatchObject({ prefix: 'feat/', base: 'integration' });
    expect(written.branchTypes.feature.aliases).toContain('feature/');
    expect(written.branchTypes.fix).toMatchObject({ prefix: 'bugfix/', aliases: ['fix/'] });
    expect(written.branchTypes).not.toHaveProperty('chore');
    expect(config?.description).toContain('feat/ for feature (2 branches), bugfix/ for fix (1 branch)');
    expect(plan.notes?.join('\n')).toContain('renovate/ (1 branch) fit no branch type');
    // Defaults that fit write nothing extra.
    const plain = planInit(facts({ branchNames: ['main', 'feature/a', 'fix/b'] }), options, templates);
    const plainConfig = plain.steps.find(
      (step) => step.kind === 'write-file' && step.path === 'shipwright.config.json',
    );
    expect(plainConfig?.kind === 'write-file' && JSON.parse(plainConfig.content)).not.toHaveProperty('branchTypes');
  });

  it('keeps tab indentation and appends husky to an existing prepare script', () => {
    const plan = planInit(
      facts({ packageJsonText: '{\n\t"name": "a",\n\t"scripts": {\n\t\t"prepare": "tsc"\n\t}\n}\n' }),
      options,
      templates,
    );
    const pkg = plan.steps[0];
    expect(pkg?.kind === 'write-file' && pkg.content).toContain('\t"scripts": {\n\t\t"prepare": "tsc && husky"');
  });

  it('adds no install step with --no-install, and says what to run instead', () => {
    const plan = planInit(facts({ packageManager: 'pnpm' }), { ...options, install: false }, templates);
    expect(paths(plan)).not.toContain('run-command');
    expect(plan.notes?.join('\n')).toContain('pnpm install');
  });

  it('writes GitHub templates only with --ci github', () => {
    expect(paths(planInit(facts(), options, templates))).not.toContain('.github/workflows/pull-request.yml');
    expect(paths(planInit(facts(), { ...options, ci: 'github' }, templates))).toContain(
      '.github/workflows/pull-request.yml',
    );
  });

  it('writes a commitlint config that extends config-conventional', () => {
    expect(COMMITLINT_CONFIG_TEXT).toContain("extends: ['@commitlint/config-conventional']");
  });
});
