// The run's one local registry (test/helpers/registry-setup.ts), from a test file: verdaccio on
// 127.0.0.1 with shipwright published, proxying every other package to the registry npm is
// configured with, and a scratch folder of the file's own with a HOME of its own.
import { execa } from 'execa';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { isolatedGitEnv, PROJECT_ROOT } from './hooked-repo.js';
import type { SharedRegistry } from './registry-setup.js';

export type { SharedRegistry } from './registry-setup.js';

/** Starts the run's registry if no file has yet, and returns it. */
export async function sharedRegistry(): Promise<SharedRegistry> {
  const response = await fetch(inject('registryControl'));
  const body = await response.text();
  if (!response.ok) throw new Error(`the run's local registry did not start:\n${body}`);
  return JSON.parse(body) as SharedRegistry;
}

export interface CommandResult {
  code: number;
  output: string;
}

export interface RegistryWork {
  /** A fresh folder for this file's projects. */
  dir: string;
  /** The version of shipwright the registry has. */
  version: string;
  /** Isolated git (HOME inside `dir`), the registry, and pnpm and yarn on PATH. */
  env: Record<string, string>;
  /** Runs a command with `env` (plus `extra`) and nothing else, stdin closed; never throws on an exit code. */
  run(command: string, args: string[], cwd: string, extra?: Record<string, string>): Promise<CommandResult>;
  remove(): Promise<void>;
}

/**
 * A scratch folder whose commands install from the run's registry. Call in beforeAll. With
 * `managers`, pnpm and yarn join PATH: they are devDependencies of shipwright (the machine may have
 * neither); only they, not the rest of shipwright's node_modules/.bin.
 */
async function registryWork(name: string, options: { managers?: boolean } = {}): Promise<RegistryWork> {
  const registry = await sharedRegistry();
  const dir = await mkdtemp(join(tmpdir(), `shipwright-${name}-`));
  const home = join(dir, 'home');
  await mkdir(home);
  const env = { ...isolatedGitEnv(home), ...registry.env };
  if (options.managers) {
    const tools = join(dir, 'bin');
    await mkdir(tools);
    for (const tool of ['pnpm', 'yarn'])
      await symlink(join(PROJECT_ROOT, 'node_modules', '.bin', tool), join(tools, tool));
    env.PATH = `${tools}:${process.env.PATH ?? ''}`;
  }
  return {
    dir,
    version: registry.version,
    env,
    async run(command, args, cwd, extra = {}) {
      const result = await execa(command, args, {
        cwd,
        env: { ...env, ...extra },
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        all: true,
      });
      return { code: result.exitCode ?? -1, output: String(result.all ?? '') };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * registryWork for a whole test file: made before its tests (installs can take minutes under load)
 * and removed after them. Returns the work, for use inside the tests.
 */
export function useRegistryWork(name: string, options: { managers?: boolean } = {}): () => RegistryWork {
  let work: RegistryWork | undefined;
  beforeAll(async () => {
    work = await registryWork(name, options);
  }, 300_000);
  afterAll(async () => {
    await work?.remove();
  });
  return () => {
    if (!work) throw new Error(`the registry work for ${name} was not made: its beforeAll failed`);
    return work;
  };
}
