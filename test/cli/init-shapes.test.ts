// `shipwright init` on the shapes of repository besides a package at the root, through the built
// CLI and real git hooks: a package in a subfolder (no root package.json) and a repository
// without package.json (Python). The registry test (test/package/) installs the same by name.
import { symlink, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHIPWRIGHT_BIN } from '../helpers/hooked-repo.js';
import { doctorCheck, expectSecondInitNoop, readDoctor, useHookedRepos } from '../helpers/init-repo.js';

const hookedRepo = useHookedRepos({ init: false });

describe('init on a package in a subfolder (packages/app, no root package.json)', () => {
  it('plans its package.json, runs its tools from its folder, and refuses a type error there', async () => {
    const app = {
      name: 'app',
      version: '1.0.0',
      private: true,
      devDependencies: { typescript: '^5.9.0' },
    };
    const repo = await hookedRepo({
      packageJson: null,
      init: false,
      linkInto: 'packages/app',
      files: {
        'packages/app/package.json': `${JSON.stringify(app, null, 2)}\n`,
        'packages/app/tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] })}\n`,
        'packages/app/src/index.ts': 'export const answer: number = 42;\n',
        'README.md': '# monorepo-ish\n',
      },
    });
    const dry = await repo.shipwright(['init', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('update packages/app/package.json — key by key:');
    expect(dry.stdout).toContain('+ scripts.prepare: "cd ../.. && husky"');
    expect(dry.stdout).toContain('create packages/app/lint-staged.config.mjs');
    expect(dry.stdout).not.toMatch(/create package\.json/);

    const init = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(repo.dir, 'package.json'))).toBe(false);
    expect(existsSync(join(repo.dir, 'packages/app/commitlint.config.ts'))).toBe(true);
    const pre = await readFile(join(repo.dir, '.husky/pre-commit'), 'utf8');
    expect(pre).toContain('d=packages/app;');
    expect(pre).not.toMatch(/^b=node_modules/);
    // The package's TypeScript, as `npm install` in packages/app would have put it there.
    await mkdir(join(repo.dir, 'packages/app/node_modules/.bin'), { recursive: true });
    await symlink(
      join(PROJECT_ROOT, 'node_modules', 'typescript'),
      join(repo.dir, 'packages/app/node_modules/typescript'),
    );
    await symlink(
      join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      join(repo.dir, 'packages/app/node_modules/.bin/tsc'),
    );

    await repo.write('packages/app/src/index.ts', "export const answer: number = 'forty-two';\n");
    const typeError = await repo.commit('feat: answer in words');
    expect(typeError.code, typeError.stderr).not.toBe(0);
    expect(typeError.stdout + typeError.stderr).toMatch(/TS2322/);
    expect((await repo.git(['rev-parse', '-q', '--verify', 'HEAD'])).code).not.toBe(0);

    await repo.write('packages/app/src/index.ts', 'export const answer: number = 42;\n');
    const badMessage = await repo.commit('added stuff');
    expect(badMessage.code).not.toBe(0);
    expect(badMessage.stderr).toMatch(/shipwright: .*(type-empty|subject-empty)|type may not be empty/);
    const landed = await repo.commit('feat: start the app');
    expect(landed.code, landed.stderr).toBe(0);
    expect(await repo.read('log', '--format=%s')).toBe('feat: start the app');
    // tsc ran in the package's folder: its build info is there, none at the root.
    expect(existsSync(join(repo.dir, 'packages/app/node_modules/.cache/shipwright/tsbuildinfo'))).toBe(true);

    const report = await readDoctor(repo);
    expect(doctorCheck(report, 'local-binary')).toMatchObject({
      status: 'ok',
      summary: 'the hooks run packages/app/node_modules/.bin/shipwright',
    });
    expect(doctorCheck(report, 'hook-runner')).toBeUndefined();
    expect(report.checks.filter((item) => item.status === 'fail')).toEqual([]);
    await expectSecondInitNoop(repo);
  }, 240_000);
});

describe('init on a repository without package.json (Python)', () => {
  it('plans no package.json; the hooks run a global shipwright; doctor names it', async () => {
    const repo = await hookedRepo({
      packageJson: null,
      init: false,
      linkInto: null,
      files: {
        'pyproject.toml': '[project]\nname = "tool"\nversion = "0.1.0"\n',
        'src/tool/__init__.py': '__version__ = "0.1.0"\n',
      },
    });
    // A global install: `shipwright` on PATH, nothing in the repository.
    const bin = join(repo.home, 'bin');
    await mkdir(bin);
    await symlink(SHIPWRIGHT_BIN, join(bin, 'shipwright'));
    const path = { PATH: `${bin}:${repo.env.PATH ?? ''}` };

    const init = await repo.shipwright(['init', '--yes'], { env: path });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('npx --yes husky');
    expect(existsSync(join(repo.dir, 'package.json'))).toBe(false);
    expect(existsSync(join(repo.dir, 'commitlint.config.ts'))).toBe(false);
    expect(existsSync(join(repo.dir, 'node_modules'))).toBe(false);
    expect(await readFile(join(repo.dir, '.husky/commit-msg'), 'utf8')).toContain('if command -v shipwright');

    await repo.read('add', '-A');
    const refused = await repo.git(['commit', '-m', 'added stuff'], { env: path });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('shipwright: ');
    const landed = await repo.git(['commit', '-m', 'feat: first version'], { env: path });
    expect(landed.code, landed.stderr).toBe(0);

    const report = await readDoctor(repo, path);
    expect(doctorCheck(report, 'local-binary')?.summary).toBe(
      `the hooks run the global shipwright (${join(bin, 'shipwright')})`,
    );
    expect(report.checks.filter((item) => item.status === 'fail')).toEqual([]);
    await expectSecondInitNoop(repo, { args: ['--yes'], env: path });
  });
});

describe('init reads the branch names the team already uses', () => {
  it('proposes feat/ and bugfix/ from local and remote branches, writes them, and the hooks accept them', async () => {
    const repo = await hookedRepo({ init: false });
    await repo.commitNoVerify('chore: start');
    await repo.read('branch', 'feat/login');
    await repo.read('branch', 'feat/cart');
    // A remote-tracking branch only (a teammate's), as after a fetch.
    await repo.read('update-ref', 'refs/remotes/origin/bugfix/crash', 'HEAD');
    await repo.read('update-ref', 'refs/remotes/origin/bugfix/leak', 'HEAD');
    const dry = await repo.shipwright(['init', '--dry-run']);
    expect(dry.stdout).toContain(
      "branch prefixes from this repository's branches: feat/ for feature (2 branches), bugfix/ for fix (2 branches)",
    );
    expect((await repo.shipwright(['init', '--yes', '--no-install'])).code).toBe(0);
    const config = JSON.parse(await readFile(join(repo.dir, 'shipwright.config.json'), 'utf8')) as {
      branchTypes: Record<string, { prefix: string; aliases: string[] }>;
    };
    expect(config.branchTypes.feature?.prefix).toBe('feat/');
    expect(config.branchTypes.fix?.prefix).toBe('bugfix/');
    const ok = await repo.shipwright(['hook', 'check-branch', 'bugfix/crash']);
    expect(ok.code, ok.stderr).toBe(0);
    // A name that fits nothing: the fix renames that very branch, whichever is checked out.
    const refused = await repo.shipwright(['hook', 'check-branch', 'Login_Page']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('git branch -m Login_Page feat/login_page');
  });
});
