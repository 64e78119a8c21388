// Installing shipwright by name, as a team would, from the run's local registry (verdaccio on
// 127.0.0.1 with the packed package published, proxying the rest to the configured registry): the
// checks the registry-*.test.ts files share. One file per package manager or repository shape, so
// the slow installs run on parallel workers. Needs `npm run build`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RegistryWork } from '../../helpers/shared-registry.js';

/** The store and cache come from the environment so init's own `pnpm install` / `yarn install` use the same ones. */
const INSTALL: Record<Manager, { argv: string[]; env: (store: string) => Record<string, string> }> = {
  npm: { argv: ['npm', 'install', '--save-dev', 'shipwright'], env: () => ({}) },
  pnpm: { argv: ['pnpm', 'add', '--save-dev', 'shipwright'], env: (store) => ({ npm_config_store_dir: store }) },
  yarn: {
    argv: ['yarn', 'add', '--dev', 'shipwright', '--non-interactive'],
    env: (store) => ({ YARN_CACHE_FOLDER: store }),
  },
};

export type Manager = 'npm' | 'pnpm' | 'yarn';

/** `manager` installs it by name; init sets up hooks that refuse a bad message and let a good commit in. */
export async function installsByName(work: RegistryWork, manager: Manager): Promise<void> {
  const { run } = work;
  const dir = join(work.dir, `app-${manager}`);
  await mkdir(dir);
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `app-${manager}`, version: '1.0.0' }, null, 2)}\n`,
  );
  await writeFile(join(dir, 'index.js'), 'console.log("hello");\n');
  expect((await run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);

  const install = INSTALL[manager];
  const managerEnv = install.env(join(work.dir, `${manager}-store`));
  const [command = '', ...args] = install.argv;
  const installed = await run(command, args, dir, managerEnv);
  expect(installed.code, installed.output).toBe(0);
  // A prepare script that needs files the tarball lacks makes npm warn on every install.
  expect(installed.output).not.toMatch(/scripts\/prepare\.mjs|Cannot find module/);
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  expect(pkg.devDependencies.shipwright).toMatch(new RegExp(`^\\^?${work.version.replace(/\./g, '\\.')}$`));

  const bin = join(dir, 'node_modules', '.bin', 'shipwright');
  const version = await run(bin, ['--version'], dir, managerEnv);
  expect(version.code, version.output).toBe(0);
  expect(version.output).toContain(work.version);

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
}

/** A lint-staged task that records each run (one line per run, with how many files it got) in .git/. */
export const RECORDER =
  "import { appendFileSync } from 'node:fs';\nimport { execFileSync } from 'node:child_process';\n" +
  "const gitDir = execFileSync('git', ['rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();\n" +
  'appendFileSync(`${gitDir}/${process.argv[2]}-ran`, `${process.cwd()} ${process.argv.length - 3}\\n`);\n';

export const ranLines = async (dir: string, task: string) =>
  (await readFile(join(dir, '.git', `${task}-ran`), 'utf8').catch(() => '')).split('\n').filter(Boolean);

export const writeFiles = async (dir: string, files: Record<string, string>) => {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
};

export interface DoctorJson {
  ok: boolean;
  checks: { id: string; status: string; summary: string }[];
}
