// Installing shipwright by name, as a team would: the packed package is published to a local
// registry (verdaccio on 127.0.0.1, proxying the rest to the configured registry) and installed
// with npm, pnpm and yarn into fresh projects, where `shipwright init` sets up hooks that work.
// Needs `npm run build`; downloads shipwright's dependencies through the registry once per run.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv, PROJECT_ROOT } from '../helpers/hooked-repo.js';
import { startVerdaccio, type Verdaccio } from '../helpers/verdaccio.js';

const own = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

let registry: Verdaccio;
let work: string;
let env: Record<string, string>;

const run = async (command: string, args: string[], cwd: string, extra: Record<string, string> = {}) => {
  const result = await execa(command, args, {
    cwd,
    env: { ...env, ...extra },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    all: true,
  });
  return { code: result.exitCode ?? -1, output: String(result.all ?? '') };
};

beforeAll(async () => {
  registry = await startVerdaccio({ upstream: true, localOnly: ['shipwright'] });
  work = await mkdtemp(join(tmpdir(), 'shipwright-install-'));
  // pnpm and yarn are devDependencies of shipwright (the machine may have neither); only they, not
  // the rest of shipwright's node_modules/.bin, join PATH.
  const tools = join(work, 'bin');
  await mkdir(tools);
  for (const tool of ['pnpm', 'yarn'])
    await symlink(join(PROJECT_ROOT, 'node_modules', '.bin', tool), join(tools, tool));
  const home = join(work, 'home');
  await mkdir(home);
  env = { ...isolatedGitEnv(home), ...registry.env, PATH: `${tools}:${process.env.PATH ?? ''}` };

  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], PROJECT_ROOT);
  expect(packed.code, packed.output).toBe(0);
  const tarball = join(work, `shipwright-${own.version}.tgz`);
  expect(existsSync(tarball), packed.output).toBe(true);
  const published = await run('npm', ['publish', tarball, '--ignore-scripts', '--registry', registry.url], work);
  expect(published.code, published.output).toBe(0);
}, 180_000);

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The store and cache come from the environment so init's own `pnpm install` / `yarn install` use the same ones. */
const INSTALL: Record<string, { argv: string[]; env: (store: string) => Record<string, string> }> = {
  npm: { argv: ['npm', 'install', '--save-dev', 'shipwright'], env: () => ({}) },
  pnpm: { argv: ['pnpm', 'add', '--save-dev', 'shipwright'], env: (store) => ({ npm_config_store_dir: store }) },
  yarn: {
    argv: ['yarn', 'add', '--dev', 'shipwright', '--non-interactive'],
    env: (store) => ({ YARN_CACHE_FOLDER: store }),
  },
};

describe('shipwright from a registry', () => {
  it.each(Object.keys(INSTALL))(
    '%s installs it by name; init sets up hooks that refuse a bad message and let a good commit in',
    async (manager) => {
      const dir = join(work, `app-${manager}`);
      await mkdir(dir);
      await writeFile(
        join(dir, 'package.json'),
        `${JSON.stringify({ name: `app-${manager}`, version: '1.0.0' }, null, 2)}\n`,
      );
      await writeFile(join(dir, 'index.js'), 'console.log("hello");\n');
      expect((await run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);

      const install = INSTALL[manager] as (typeof INSTALL)[string];
      const managerEnv = install.env(join(work, `${manager}-store`));
      const [command = '', ...args] = install.argv;
      const installed = await run(command, args, dir, managerEnv);
      expect(installed.code, installed.output).toBe(0);
      // A prepare script that needs files the tarball lacks makes npm warn on every install.
      expect(installed.output).not.toMatch(/scripts\/prepare\.mjs|Cannot find module/);
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      };
      expect(pkg.devDependencies.shipwright).toMatch(new RegExp(`^\\^?${own.version.replace(/\./g, '\\.')}$`));

      const bin = join(dir, 'node_modules', '.bin', 'shipwright');
      const version = await run(bin, ['--version'], dir, managerEnv);
      expect(version.code, version.output).toBe(0);
      expect(version.output).toContain(own.version);

      const init = await run(bin, ['init', '--yes'], dir, managerEnv);
      expect(init.code, init.output).toBe(0);
      expect(init.output).toContain(`${manager} install`);
      const after = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      };
      expect(after.devDependencies.shipwright).not.toMatch(/^file:/);
      expect(Object.keys(after.devDependencies)).toEqual(
        expect.arrayContaining(['husky', 'lint-staged', '@commitlint/config-conventional', 'shipwright']),
      );

      expect((await run('git', ['add', '-A'], dir)).code).toBe(0);
      const refused = await run('git', ['commit', '-m', 'added stuff'], dir, managerEnv);
      expect(refused.code, refused.output).not.toBe(0);
      expect(refused.output).toContain('shipwright: ');
      expect(refused.output).toMatch(/type-empty|subject-empty/);
      const landed = await run('git', ['commit', '-m', 'feat: start the app'], dir, managerEnv);
      expect(landed.code, landed.output).toBe(0);
      expect((await run('git', ['log', '--format=%s'], dir)).output.trim()).toBe('feat: start the app');

      const doctor = await run(bin, ['doctor'], dir, managerEnv);
      expect(doctor.code, doctor.output).toBe(0);
      const again = await run(bin, ['init', '--yes'], dir, managerEnv);
      expect(again.code, again.output).toBe(0);
      expect(again.output).toContain('nothing to do');
    },
    600_000,
  );
});

/** A lint-staged task that records each run (one line per run, with how many files it got) in .git/. */
const RECORDER =
  "import { appendFileSync } from 'node:fs';\nimport { execFileSync } from 'node:child_process';\n" +
  "const gitDir = execFileSync('git', ['rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();\n" +
  'appendFileSync(`${gitDir}/${process.argv[2]}-ran`, `${process.cwd()} ${process.argv.length - 3}\\n`);\n';

const ranLines = async (dir: string, task: string) =>
  (await readFile(join(dir, '.git', `${task}-ran`), 'utf8').catch(() => '')).split('\n').filter(Boolean);

const writeFiles = async (dir: string, files: Record<string, string>) => {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
};

interface DoctorJson {
  ok: boolean;
  checks: { id: string; status: string; summary: string }[];
}

describe('shipwright from a registry, on other shapes of repository', () => {
  it('a JSON lint-staged config and husky 9 hooks: merged per tool, each task runs once per commit', async () => {
    const dir = join(work, 'shape-json');
    await mkdir(dir);
    await writeFiles(dir, {
      'package.json': `${JSON.stringify({ name: 'shape-json', version: '1.0.0', scripts: { prepare: 'husky' } }, null, 2)}\n`,
      '.lintstagedrc.json': `${JSON.stringify({ '*.js': 'node record.mjs lint' }, null, 2)}\n`,
      'record.mjs': RECORDER,
      '.husky/pre-commit': 'npx lint-staged\n',
      'index.js': 'console.log("hello");\n',
    });
    expect((await run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);
    const installed = await run('npm', ['install', '--save-dev', 'shipwright', 'husky'], dir);
    expect(installed.code, installed.output).toBe(0);
    const bin = join(dir, 'node_modules', '.bin', 'shipwright');

    const dry = await run(bin, ['init', '--dry-run'], dir);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toContain('- npx lint-staged   (replaced: by `shipwright hook pre-commit`');
    expect(dry.output).toMatch(/\+ devDependencies\.lint-staged: "\^/);
    const init = await run(bin, ['init', '--yes'], dir);
    expect(init.code, init.output).toBe(0);
    expect(JSON.parse(await readFile(join(dir, '.lintstagedrc.json'), 'utf8'))).toEqual({
      '*.js': 'node record.mjs lint',
    });

    expect((await run('git', ['add', '-A'], dir)).code).toBe(0);
    const refused = await run('git', ['commit', '-m', 'added stuff'], dir);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('shipwright: ');
    const landed = await run('git', ['commit', '-m', 'feat: start'], dir);
    expect(landed.code, landed.output).toBe(0);
    // Once per commit attempt (the refused one included: pre-commit runs before the message check).
    expect(await ranLines(dir, 'lint')).toHaveLength(2);

    const doctor = JSON.parse((await run(bin, ['doctor', '--json'], dir)).output) as DoctorJson;
    expect(doctor.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect((await run(bin, ['init', '--yes'], dir)).output).toContain('nothing to do');
  }, 600_000);

  it('a package in a subfolder (no root package.json): its tools run from its folder, a type error there is refused', async () => {
    const dir = join(work, 'shape-subfolder');
    const app = join(dir, 'packages', 'app');
    await mkdir(app, { recursive: true });
    await writeFiles(app, {
      'package.json': `${JSON.stringify({ name: 'app', version: '1.0.0', private: true }, null, 2)}\n`,
      'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] })}\n`,
      'src/index.ts': 'export const answer: number = 42;\n',
      '.lintstagedrc.json': `${JSON.stringify({ '*.ts': 'node record.mjs lint' }, null, 2)}\n`,
      'record.mjs': RECORDER,
    });
    expect((await run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);
    const installed = await run('npm', ['install', '--save-dev', 'shipwright', 'typescript'], app);
    expect(installed.code, installed.output).toBe(0);
    const bin = join(app, 'node_modules', '.bin', 'shipwright');

    const init = await run(bin, ['init', '--yes'], app);
    expect(init.code, init.output).toBe(0);
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    expect(existsSync(join(dir, '.husky', '_', 'h'))).toBe(true);
    expect(JSON.parse(await readFile(join(app, '.lintstagedrc.json'), 'utf8'))).toEqual({
      '*.ts': 'node record.mjs lint',
      '*.{ts,tsx,mts,cts}': 'shipwright hook typecheck',
    });

    await writeFile(join(app, 'src', 'index.ts'), "export const answer: number = 'forty-two';\n");
    expect((await run('git', ['add', '-A'], dir)).code).toBe(0);
    const typeError = await run('git', ['commit', '-m', 'feat: answer in words'], dir);
    expect(typeError.code, typeError.output).not.toBe(0);
    expect(typeError.output).toContain('TS2322');
    await writeFile(join(app, 'src', 'index.ts'), 'export const answer: number = 42;\n');
    expect((await run('git', ['add', '-A'], dir)).code).toBe(0);
    const refused = await run('git', ['commit', '-m', 'added stuff'], dir);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('shipwright: ');
    const landed = await run('git', ['commit', '-m', 'feat: start the app'], dir);
    expect(landed.code, landed.output).toBe(0);
    // Three commit attempts, the task once each (on src/index.ts and the commitlint.config.ts init
    // wrote), always in the package's folder.
    expect(await ranLines(dir, 'lint')).toEqual([`${app} 2`, `${app} 2`, `${app} 2`]);

    const doctor = JSON.parse((await run(bin, ['doctor', '--json'], app)).output) as DoctorJson;
    expect(doctor.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect(doctor.checks.find((check) => check.id === 'local-binary')?.summary).toBe(
      'the hooks run packages/app/node_modules/.bin/shipwright',
    );
    expect((await run(bin, ['init', '--yes'], app)).output).toContain('nothing to do');
  }, 600_000);

  it('no package.json (Python): init and the hooks run through npx --yes shipwright@RANGE', async () => {
    const dir = join(work, 'shape-python');
    await mkdir(dir);
    await writeFiles(dir, {
      'pyproject.toml': '[project]\nname = "tool"\nversion = "0.1.0"\n',
      'src/tool/__init__.py': '__version__ = "0.1.0"\n',
    });
    expect((await run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);
    // npx keeps what it fetches in npm's cache: one of this test's own.
    const npx = { npm_config_cache: join(work, 'npx-cache') };
    const spec = `shipwright@${own.version}`;
    const init = await run('npx', ['--yes', spec, 'init', '--yes'], dir, npx);
    expect(init.code, init.output).toBe(0);
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(await readFile(join(dir, '.husky', 'commit-msg'), 'utf8')).toContain(
      `npx --yes 'shipwright@^${own.version}'`,
    );

    expect((await run('git', ['add', '-A'], dir)).code).toBe(0);
    const refused = await run('git', ['commit', '-m', 'added stuff'], dir, npx);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('shipwright: ');
    const landed = await run('git', ['commit', '-m', 'feat: first version'], dir, npx);
    expect(landed.code, landed.output).toBe(0);

    const doctor = JSON.parse((await run('npx', ['--yes', spec, 'doctor', '--json'], dir, npx)).output) as DoctorJson;
    expect(doctor.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect(doctor.checks.find((check) => check.id === 'local-binary')?.summary).toContain(
      `the hooks run npx --yes shipwright@^${own.version}`,
    );
    expect((await run('npx', ['--yes', spec, 'init', '--yes'], dir, npx)).output).toContain('nothing to do');
  }, 600_000);
});
