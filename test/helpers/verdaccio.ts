// A real npm registry for tests: verdaccio on 127.0.0.1 (a free port) with its own storage, a user
// created through the registry's own adduser endpoint, and an npmrc holding its token (npm, pnpm and
// yarn read it). Without `upstream` it holds only what a test publishes (nothing reaches another
// address); with it, every package the test does not publish is proxied from the registry npm is
// configured with.
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Found from this file like hooked-repo.ts's, without its imports: the global setup loads this file
// in vitest's main process, where the CLI (run-shipwright.ts) has no business.
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface VerdaccioOptions {
  /** Proxy the packages not listed in `localOnly` to `npm config get registry`. */
  upstream?: boolean;
  /** Packages served from this registry only, never from the uplink (the package under test). */
  localOnly?: readonly string[];
}

export interface Verdaccio {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** An npmrc with the registry and the user's token. */
  npmrc: string;
  /** Environment for a package manager talking to this registry only. */
  env: Record<string, string>;
  /** `npm view NAME dist-tags` from this registry. */
  distTags(name: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function upstreamRegistry(): Promise<string> {
  const { stdout } = await execa('npm', ['config', 'get', 'registry'], { cwd: PROJECT_ROOT });
  const url = stdout.trim();
  return url.endsWith('/') ? url : `${url}/`;
}

async function waitForPing(url: string, server: ResultPromise, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  void server.then(
    () => (exited = true),
    () => (exited = true),
  );
  while (Date.now() < deadline) {
    if (exited) throw new Error(`verdaccio exited before answering:\n${log()}`);
    const answered = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${log()}`);
}

/** Creates a user the way `npm adduser` does and returns its token. */
async function addUser(url: string): Promise<string> {
  const name = 'shipwright-test';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      _id: `org.couchdb.user:${name}`,
      name,
      password: 'not-a-secret-1',
      type: 'user',
      roles: [],
      date: new Date(0).toISOString(),
    }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token)
    throw new Error(`verdaccio refused the test user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

async function configText(dir: string, options: VerdaccioOptions): Promise<string> {
  const uplink = options.upstream
    ? [
        'uplinks:',
        '  upstream:',
        `    url: ${JSON.stringify(await upstreamRegistry())}`,
        '    timeout: 120s',
        // One registry serves a whole test run: a package's metadata is fetched once, not again
        // every two minutes (the default) while the run goes on.
        '    maxage: 30m',
        '    max_fails: 5',
      ]
    : ['uplinks: {}'];
  const local = (options.localOnly ?? []).flatMap((name) => [
    `  ${JSON.stringify(name)}:`,
    '    access: $all',
    '    publish: $authenticated',
  ]);
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: 10',
    ...uplink,
    'packages:',
    ...local,
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    ...(options.upstream ? ['    proxy: upstream'] : []),
    'server:',
    '  keepAliveTimeout: 60',
    'max_body_size: 50mb',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

export async function startVerdaccio(options: VerdaccioOptions = {}): Promise<Verdaccio> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-verdaccio-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const configPath = join(dir, 'config.yaml');
  await writeFile(configPath, await configText(dir, options));

  let output = '';
  const server = execa(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
      '--config',
      configPath,
      '--listen',
      `127.0.0.1:${port}`,
    ],
    {
      cwd: dir,
      reject: false,
      all: true,
      env: { NODE_ENV: 'production' },
    },
  );
  server.all?.on('data', (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-20_000);
  });
  const stop = async () => {
    server.kill('SIGTERM');
    await server;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPing(url, server, () => output);
    const token = await addUser(url);
    const npmrc = join(dir, 'npmrc');
    await writeFile(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    // Without an uplink nothing is worth caching across runs: a cache of its own keeps the user's clean.
    const cache: Record<string, string> = options.upstream ? {} : { npm_config_cache: join(dir, 'cache') };
    const env: Record<string, string> = {
      npm_config_registry: url,
      npm_config_userconfig: npmrc,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      ...cache,
    };
    return {
      url,
      npmrc,
      env,
      async distTags(name) {
        const result = await execa('npm', ['view', name, 'dist-tags', '--json'], {
          env: { ...process.env, ...env },
          cwd: dir,
        });
        return JSON.parse(result.stdout) as Record<string, string>;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
