// A private npm registry for tests: verdaccio on 127.0.0.1 (a free port), no uplinks (nothing
// reaches the internet), a user created through the registry's own adduser endpoint, and an
// npmrc holding its token. Reusable by any test that publishes or installs.
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './hooked-repo.js';

export interface Verdaccio {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** An npmrc with the registry and the user's token. */
  npmrc: string;
  /** Environment that points npm at this registry only (npm_config_userconfig, npm_config_registry). */
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

async function waitUntilUp(url: string, child: ResultPromise, timeoutMs: number): Promise<void> {
  const start = Date.now();
  let exited = false;
  void child.then(() => (exited = true), () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`verdaccio exited before it was ready:\n${String((await child.catch((error: unknown) => error)) as string)}`);
    try {
      const response = await fetch(new URL('-/ping', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`verdaccio did not answer on ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startVerdaccio(): Promise<Verdaccio> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-verdaccio-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, 'config.yaml');
  await writeFile(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: 10',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const child = execa(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--config', config, '--listen', `127.0.0.1:${port}`], { cwd: dir, reject: false, all: true });
  const stop = async () => {
    child.kill('SIGTERM');
    await child.catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, 60_000);
    const added = await fetch(new URL('-/user/org.couchdb.user:shipwright-test', url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'shipwright-test', password: 'test-password-1', email: 'test@example.com', type: 'user' }),
    });
    const { token } = (await added.json()) as { token?: string };
    if (!token) throw new Error(`verdaccio did not create the test user (${added.status})`);
    const npmrc = join(dir, '.npmrc');
    await writeFile(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    const env = { npm_config_userconfig: npmrc, npm_config_registry: url, npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
    return {
      url,
      npmrc,
      env,
      async distTags(name) {
        const result = await execa('npm', ['view', name, 'dist-tags', '--json'], { env: { ...process.env, ...env }, cwd: dir });
        return JSON.parse(result.stdout) as Record<string, string>;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
