// `shipwright init` on real repositories: what it writes, what it keeps, and that it can be run
// again, previewed, refused without a terminal, and rolled back when a step fails.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_GLOB } from '../../src/core/init/lint-staged-tasks.js';
import { hookScript } from '../../src/core/init/hook-scripts.js';
import type { HookName } from '../../src/core/init/project-facts.js';
import { createBareRemote, PROJECT_ROOT, type HookedRepo } from '../helpers/hooked-repo.js';
import {
  COUNT_TASK,
  expectSecondInitNoop,
  readDoctor,
  readRepoText,
  recordRun,
  useHookedRepos,
} from '../helpers/init-repo.js';

const hookedRepo = useHookedRepos();

const localConfig = async (repo: HookedRepo) => (await repo.git(['config', '--local', '--list'])).stdout;

/** Everything init may touch: the working tree (hashes and modes), the local git config, .git/shipwright. */
async function fullState(repo: HookedRepo) {
  return {
    tree: (await repo.snapshot()).files,
    config: await localConfig(repo),
    shipwrightDir: existsSync(join(repo.dir, '.git', 'shipwright')),
  };
}

const rootHook = (hook: HookName) => hookScript(hook, { kind: 'package', dir: '', install: 'npm ci (or npm install)' });

describe('shipwright init', () => {
  it('sets up hooks, commit rules, the branch model and package.json on a fresh repository', async () => {
    const repo = await hookedRepo({ init: false });
    const result = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('not installing (--no-install)');
    expect(result.stdout).toContain('Done.');

    for (const hook of ['pre-commit', 'commit-msg', 'pre-push'] as const) {
      const text = await readRepoText(repo, `.husky/${hook}`);
      expect(text).toBe(rootHook(hook));
      expect((await stat(join(repo.dir, '.husky', hook))).mode & 0o111).not.toBe(0);
    }
    expect(await repo.read('config', 'core.hooksPath')).toBe('.husky/_');
    expect(existsSync(join(repo.dir, '.husky', '_', 'h'))).toBe(true);
    const pkg = JSON.parse(await readRepoText(repo, 'package.json')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.prepare).toBe('husky');
    expect(Object.keys(pkg.devDependencies)).toEqual(
      expect.arrayContaining([
        'husky',
        'lint-staged',
        '@commitlint/cli',
        '@commitlint/config-conventional',
        'shipwright',
      ]),
    );
    // The range of the shipwright that ran init, never a path that only resolves on this machine.
    const own = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.devDependencies.shipwright).toBe(`^${own.version}`);
    expect(await readRepoText(repo, 'commitlint.config.ts')).toContain("extends: ['@commitlint/config-conventional']");
    expect(JSON.parse(await readRepoText(repo, 'shipwright.config.json'))).toEqual({
      workflow: 'trunk',
      stagedChecks: ['conflict-markers', 'private-keys'],
    });
  });

  it('run twice: the second run plans nothing, says so, and changes no byte', async () => {
    const repo = await hookedRepo();
    const before = await fullState(repo);
    const result = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(await fullState(repo)).toEqual(before);

    const dry = await repo.shipwright(['init', '--dry-run']);
    expect(dry.stdout).toContain('  nothing to do');
  });

  it('--dry-run prints the plan and writes nothing (files, git config, .git/shipwright)', async () => {
    const repo = await hookedRepo({ init: false });
    const before = await fullState(repo);
    const result = await repo.shipwright(['init', '--dry-run', '--ci', 'github']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('create .husky/pre-commit');
    expect(result.stdout).toContain('point core.hooksPath at .husky/_');
    expect(result.stdout).toContain('create .github/workflows/deploy-production.yml');
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(await fullState(repo)).toEqual(before);
    expect((await repo.git(['config', 'core.hooksPath'])).code).not.toBe(0);
  });

  it('without --yes and without a terminal: exit 2, names --yes, writes nothing', async () => {
    const repo = await hookedRepo({ init: false });
    const before = await fullState(repo);
    const result = await repo.shipwright(['init', '--no-install'], { interactive: false });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no terminal to ask on');
    expect(result.stderr).toContain('fix: shipwright init --no-install --yes');
    expect(await fullState(repo)).toEqual(before);
  });

  it('adopts husky 9 hooks: lint-staged and commitlint lines replaced, the team’s commands kept, each task runs once', async () => {
    const packageJson = `${JSON.stringify(
      {
        name: 'legacy',
        version: '1.0.0',
        private: true,
        scripts: { test: recordRun('tests-ran'), prepare: 'husky' },
        devDependencies: {
          husky: '^9.0.0',
          'lint-staged': '^16.0.0',
          '@commitlint/cli': '^19.0.0',
          '@commitlint/config-conventional': '^19.0.0',
        },
      },
      null,
      2,
    )}\n`;
    const hooks = {
      '.husky/pre-commit': 'npx lint-staged\nnode check-licenses.mjs\n',
      '.husky/commit-msg': 'npx --no -- commitlint --edit "$1"\n',
      '.husky/pre-push': 'npm test\n',
      '.husky/prepare-commit-msg': 'exec < /dev/tty && npx cz --hook || true\n',
    };
    const repo = await hookedRepo({
      init: false,
      packageJson,
      files: {
        ...hooks,
        'check-licenses.mjs':
          "import { appendFileSync } from 'node:fs';\nappendFileSync('.git/licenses-ran', 'x\\n');\n",
        'count.mjs': COUNT_TASK,
        '.lintstagedrc.json': `${JSON.stringify({ '*.txt': 'node count.mjs' }, null, 2)}\n`,
      },
    });
    for (const path of Object.keys(hooks)) await chmod(join(repo.dir, path), 0o755);
    await execa(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'husky', 'bin.js')], {
      cwd: repo.dir,
      env: repo.env,
      extendEnv: false,
    });

    // Before: doctor names each hook that does not run shipwright, and the fix.
    const before = await readDoctor(repo);
    expect(before.ok).toBe(false);
    const notRunning = before.checks.filter((check) => check.id.startsWith('hook-runs:') && check.status === 'fail');
    expect(notRunning.map((check) => check.summary)).toEqual([
      '.husky/pre-commit does not run shipwright, so staged files and protected branches go unchecked',
      '.husky/commit-msg does not run shipwright, so commit messages go unchecked',
      '.husky/pre-push does not run shipwright, so branch and tag names go unchecked on push',
    ]);
    expect(notRunning[0]?.fix).toContain('shipwright init');

    const dry = await repo.shipwright(['init', '--dry-run']);
    expect(dry.stdout).toContain('update .husky/pre-commit — line by line:');
    expect(dry.stdout).toContain('- npx lint-staged   (replaced: by `shipwright hook pre-commit`');
    expect(dry.stdout).toContain('= node check-licenses.mjs   (kept: your command; it still runs)');
    expect(dry.stdout).toContain('- npx --no -- commitlint --edit "$1"   (replaced');
    expect(dry.stdout).toContain('= npm test   (kept: your command; it still runs)');
    expect(dry.stdout).toContain('- exec < /dev/tty && npx cz --hook || true   (removed: shipwright commit composes');
    expect(await readRepoText(repo, '.husky/pre-commit')).toBe(hooks['.husky/pre-commit']);

    // --force too: it never drops a user's command.
    const result = await repo.shipwright(['init', '--yes', '--no-install', '--force']);
    expect(result.code, result.stderr).toBe(0);
    const own = async (hook: HookName) => rootHook(hook);
    expect(await readRepoText(repo, '.husky/pre-commit')).toBe(`${await own('pre-commit')}node check-licenses.mjs\n`);
    expect(await readRepoText(repo, '.husky/commit-msg')).toBe(await own('commit-msg'));
    expect(await readRepoText(repo, '.husky/pre-push')).toBe(`${await own('pre-push')}npm test\n`);
    expect(await readRepoText(repo, '.husky/prepare-commit-msg')).not.toMatch(/\bcz\b/);

    await repo.write('notes.txt', 'one\n');
    const refused = await repo.commit('added notes');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('shipwright: ');
    expect((await repo.git(['rev-parse', '-q', '--verify', 'HEAD'])).code).not.toBe(0);
    const made = await repo.commit('feat: add notes');
    expect(made.code, made.stderr).toBe(0);
    // Each lint-staged task ran once per commit attempt (the refused one included, as before), the
    // team's own pre-commit command ran on both.
    expect(await readRepoText(repo, '.git/lint-ran')).toBe('1\n1\n');
    expect(await readRepoText(repo, '.git/licenses-ran')).toBe('x\nx\n');

    // pre-push: shipwright's check, then the team's `npm test`.
    const remote = await createBareRemote();
    try {
      await repo.read('remote', 'add', 'origin', remote.url);
      const pushed = await repo.git(['push', '-q', 'origin', 'main']);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(await readRepoText(repo, '.git/tests-ran')).toBe('x\n');
    } finally {
      await remote.remove();
    }

    await expectSecondInitNoop(repo);
    const after = await readDoctor(repo);
    expect(after.checks.filter((check) => check.id.startsWith('hook-runs:')).map((check) => check.status)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
  });

  it('keeps tab indentation in package.json', async () => {
    const packageJson = '{\n\t"name": "tabs",\n\t"version": "1.0.0",\n\t"scripts": {\n\t\t"build": "tsc"\n\t}\n}\n';
    const repo = await hookedRepo({ packageJson });
    const text = await readRepoText(repo, 'package.json');
    expect(text).toMatch(
      /^\{\n\t"name": "tabs",\n\t"version": "1.0.0",\n\t"scripts": \{\n\t\t"build": "tsc",\n\t\t"prepare": "husky"\n\t\},\n\t"devDependencies": \{\n\t\t"/,
    );
    expect(text).not.toMatch(/^ +/m);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('merges its tasks into an existing .lintstagedrc.json per tool, keeping the tasks already there first', async () => {
    const existing = { '*.md': 'node check.mjs', [CODE_GLOB]: 'node mine.mjs' };
    const repo = await hookedRepo({
      files: {
        '.lintstagedrc.json': `${JSON.stringify(existing, null, 2)}\n`,
        'eslint.config.js': 'export default [];\n',
        'tsconfig.json': '{}\n',
      },
    });
    const merged = JSON.parse(await readRepoText(repo, '.lintstagedrc.json')) as Record<string, unknown>;
    // ESLint is appended to the glob that already covers its files, so it runs after the team's task
    // there instead of at the same time from a second, overlapping glob.
    expect(merged).toEqual({
      ...existing,
      [CODE_GLOB]: ['node mine.mjs', 'eslint --fix'],
      '*.{ts,tsx,mts,cts}': 'shipwright hook typecheck',
    });
    expect(Object.keys(merged).slice(0, 2)).toEqual(Object.keys(existing));
    expect(existsSync(join(repo.dir, 'lint-staged.config.mjs'))).toBe(false);
    expect(JSON.parse(await readRepoText(repo, 'package.json'))).not.toHaveProperty('lint-staged');
  });

  it('a failing step rolls back every earlier step: files and core.hooksPath are as before', async () => {
    const repo = await hookedRepo({ init: false });
    await repo.read('config', 'core.hooksPath', '.githooks');
    // A folder where init writes shipwright.config.json (one of its last steps): the rename fails.
    await mkdir(join(repo.dir, 'shipwright.config.json'));
    await repo.write('shipwright.config.json/keep', 'x\n');
    const before = await fullState(repo);

    const result = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Step \d+ \(create shipwright\.config\.json/);
    expect(result.stderr).toMatch(/Restored: .*core\.hooksPath.*package\.json[,.]/);
    expect(await fullState(repo)).toEqual(before);
    expect(await repo.read('config', 'core.hooksPath')).toBe('.githooks');
    expect(existsSync(join(repo.dir, '.husky'))).toBe(false);
  });
});
