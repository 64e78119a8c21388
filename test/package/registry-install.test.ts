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
