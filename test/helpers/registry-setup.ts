// vitest globalSetup: ONE local registry for every test file that installs shipwright by name.
// Started only for a run that has such files (any other run never pays for it): the setup opens a
// control address on 127.0.0.1 and, when the run includes registry-*.test.ts, starts verdaccio,
// packs shipwright once, publishes it and installs it once to fill the caches, in the background;
// `sharedRegistry()` (test/helpers/shared-registry.ts) waits for that (or starts it, in a run the
// setup could not see into) and every call gets the same registry. One registry and one npm cache for the run is what makes the
// installs cheap: a package's metadata and tarball go through verdaccio once, not once per file.
import { execa } from 'execa';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startVerdaccio, type Verdaccio } from './verdaccio.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a test file gets from `sharedRegistry()`. */
export interface SharedRegistry {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /**
   * npm, pnpm and yarn talking to this registry: its npmrc (with the token), and one npm cache for
   * the whole run, read before asking the registry again (prefer-offline). Nothing in it is stale:
   * shipwright is published before any test installs, and nothing is published afterwards.
   */
  env: Record<string, string>;
  /** The version of shipwright published there (package.json's). */
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The control address of the run's registry (see test/helpers/shared-registry.ts). */
    registryControl: string;
  }
}

async function startShared(dir: string, started: (registry: Verdaccio) => void): Promise<SharedRegistry> {
  const registry = await startVerdaccio({ upstream: true, localOnly: ['shipwright'] });
  started(registry);
  const env = {
    ...registry.env,
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_prefer_offline: 'true',
  };
  const npm = async (args: string[], cwd: string) => {
    const result = await execa('npm', args, { cwd, env, reject: false, all: true, stdin: 'ignore' });
    if (result.exitCode !== 0)
      throw new Error(`npm ${args.join(' ')} failed (exit ${result.exitCode}):\n${result.all}`);
    return result.stdout;
  };
  const packed = JSON.parse(
    await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], PROJECT_ROOT),
  ) as {
    filename: string;
    version: string;
  }[];
  const [tarball] = packed;
  if (!tarball) throw new Error('npm pack listed no tarball: is dist/ built (npm run build)?');
  await npm(['publish', join(dir, tarball.filename), '--ignore-scripts', '--registry', registry.url], dir);
  // Fill verdaccio's storage and the npm cache once, before any file installs: files that start
  // together would otherwise each fetch every package through the uplink at the same time.
  const warm = join(dir, 'warm');
  await mkdir(warm);
  await writeFile(join(warm, 'package.json'), '{ "name": "warm", "version": "1.0.0", "private": true }\n');
  await npm(['install', '--ignore-scripts', `shipwright@${tarball.version}`], warm);
  await rm(warm, { recursive: true, force: true });
  return { url: registry.url, env, version: tarball.version };
}

/** The files that use the registry are named registry-*.test.ts. */
const REGISTRY_FILE = /[\\/]registry-[^\\/]*\.test\.tsx?$/;

function runIncludesRegistryFiles(project: TestProject): boolean {
  // The list of files this run is about to start (an experimental API: without it, start on first use).
  const paths = (project.vitest.state as { getPaths?: () => string[] } | undefined)?.getPaths?.() ?? [];
  return paths.some((path) => REGISTRY_FILE.test(path));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let dir: string | undefined;
  let registry: Verdaccio | undefined;
  let shared: Promise<SharedRegistry> | undefined;
  const start = async () => {
    dir = await mkdtemp(join(tmpdir(), 'shipwright-registry-run-'));
    return startShared(dir, (started) => (registry = started));
  };

  const server = createServer((request, response) => {
    if (request.url !== '/registry') {
      response.writeHead(404).end();
      return;
    }
    shared ??= start();
    shared.then(
      (value) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value)),
      (error: unknown) =>
        response
          .writeHead(500, { 'content-type': 'text/plain' })
          .end(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    );
  });
  // Starting verdaccio and publishing can take a while on a loaded machine: no server-side timeout.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('registryControl', `http://127.0.0.1:${port}/registry`);
  // Most of the start is waiting on the uplink (~200 metadata documents, one after another): when
  // the run has files that will ask, start now, while other files use the workers.
  if (runIncludesRegistryFiles(project)) {
    shared = start();
    shared.catch(() => undefined); // reported to each file that asks
  }

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await shared?.catch(() => undefined);
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
