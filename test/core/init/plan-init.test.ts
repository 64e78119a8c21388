// The init planner from facts: what it adds, merges, and leaves alone.
import { describe, expect, it } from 'vitest';
import { COMMITLINT_CONFIG_TEXT, planInit } from '../../../src/core/init/plan-init.js';
import type { InitOptions, InitTemplates, ProjectFacts } from '../../../src/core/init/project-facts.js';

const templates: InitTemplates = {
  hooks: {
    'pre-commit': 'run shipwright hook pre-commit\n',
    'commit-msg': 'run shipwright hook commit-msg "$1"\n',
    'pre-push': 'run shipwright hook pre-push "$@"\n',
  },
  github: { '.github/workflows/pull-request.yml': 'name: PR\n' },
};

function facts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    packageManager: 'npm',
    packageJsonText: '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    files: {},
    commitlintConfig: null,
    lintStagedConfig: null,
    tools: { eslint: true, prettier: false, biome: false, typescript: true },
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
};
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
      expect(hook?.kind === 'write-file' && hook.content).toBe(`${templates.hooks['pre-commit']}npm test\n`);
      expect(hook?.description).toContain('= npm test   (kept: your command; it still runs)');
      expect(hook?.description).toContain('+ run shipwright hook pre-commit');
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
      '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}': 'eslint --fix',
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
    expect(pkg?.kind === 'write-file' && JSON.parse(pkg.content)['lint-staged']).toEqual({
      '*.js': 'eslint',
      '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}': 'eslint --fix',
      '*.{ts,tsx,mts,cts}': 'shipwright hook typecheck',
    });
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
