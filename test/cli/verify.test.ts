// `shipwright verify` against real HTTP servers on 127.0.0.1: one that turns healthy after two
// 503s, one that never does, one that is not there; flags checked before any request.
import { describe, expect, it } from 'vitest';
import { retryWaitSeconds } from '../../src/core/verify/verify-policy.js';
import { serversClosedAfterEach, startTestServer } from '../helpers/http-server.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const serve = serversClosedAfterEach();
const verify = (...args: string[]) => runShipwright(['verify', ...args], { cwd: process.cwd() });

describe('shipwright verify', () => {
  it('retries through two 503s and passes on the 200 (exit 0), saying after how many attempts', async () => {
    const server = await serve((n) => (n < 2 ? { status: 503, body: 'warming up' } : { status: 200, body: 'ok' }));
    const result = await verify('--url', `${server.origin}/health`, '--retries', '5', '--interval', '0.01');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✗ attempt 1 of 6: 503 Service Unavailable — next in 0.01 s');
    expect(result.stdout).toContain('✗ attempt 2 of 6: 503 Service Unavailable — next in 0.02 s');
    expect(result.stdout).toContain('✓ attempt 3 of 6: 200 OK\n');
    expect(result.stdout).toContain(`${server.origin}/health is healthy: 200 OK after 3 attempts.`);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /health',
      'GET /health',
      'GET /health',
    ]);
  });

  it('never healthy: exit 1 after the retries with the last status and the body excerpt, and the rollback', async () => {
    const server = await serve(() => ({ status: 503, body: 'db connection refused\u001b[2J\n  pool exhausted' }));
    const result = await verify('--url', `${server.origin}/health`, '--retries', '2', '--interval', '0.01');
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(3);
    expect(result.stderr).toContain(
      `${server.origin}/health is not healthy: it did not answer with a 2xx status in 3 attempts; the last was 503 Service Unavailable.`,
    );
    expect(result.stderr).toContain('  body: db connection refused[2J pool exhausted');
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain(
      "fix: read the deploy's logs; to put the previous release back: shipwright rollback",
    );
  });

  it('--expect-status: only that status is healthy; --json reports every attempt', async () => {
    const server = await serve((n) => (n === 0 ? { status: 200, body: 'starting' } : { status: 204 }));
    const result = await verify(
      '--url',
      `${server.origin}/ready`,
      '--expect-status',
      '204',
      '--interval',
      '0',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      url: `${server.origin}/ready`,
      healthy: true,
      expected: 204,
      attempts: [
        { attempt: 1, status: 200, error: null, healthy: false },
        { attempt: 2, status: 204, error: null, healthy: true },
      ],
      last: { status: 204, error: null, body: '' },
    });
  });

  it('nothing listening: each attempt says why there was no answer; --json exit 1', async () => {
    // Started untracked: closed here, before the request.
    const server = await startTestServer(() => ({ status: 200 }));
    const origin = server.origin;
    await server.close();
    const result = await verify('--url', `${origin}/health`, '--retries', '1', '--interval', '0', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ healthy: false, last: { status: null, error: 'ECONNREFUSED' } });
    expect(report.attempts).toHaveLength(2);
  });

  it('a request slower than --timeout counts as no answer', async () => {
    const { createServer } = await import('node:http');
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as { port: number }).port;
    try {
      const result = await verify('--url', `http://127.0.0.1:${port}/`, '--retries', '0', '--timeout', '0.2');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the last was no answer (timed out)');
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('refuses bad flags before any request (exit 2)', async () => {
    expect((await verify()).stderr).toContain('verify needs the URL to check.');
    expect((await verify('--url', 'ftp://example.test/')).stderr).toContain(
      "--url must be http:// or https://; got 'ftp:'.",
    );
    const bad = await verify('--url', 'http://127.0.0.1:9/', '--retries', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--retries takes a whole number from 0 to 100; got 'many'.");
    expect((await verify('--url', 'http://127.0.0.1:9/', '--expect-status', '99')).stderr).toContain(
      '--expect-status takes a whole number from 100 to 599',
    );
  });

  it('backs off exponentially, capped at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryWaitSeconds({ intervalSeconds: 5 }, n))).toEqual([
      5, 10, 20, 40, 60, 60, 60, 60,
    ]);
    expect(retryWaitSeconds({ intervalSeconds: 90 }, 3)).toBe(90);
  });
});
