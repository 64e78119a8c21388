// `shipwright … | head`: when the reader closes the pipe early, the CLI stops quietly.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuiltCli } from './support/built-cli.js';

let repo: TempRepo;

beforeAll(async () => {
  await ensureBuiltCli();
  repo = await createTempRepo({ prefix: 'shipwright-pipe-' });
  await repo.commit('feat: first feature');
  await repo.tag('v1.0.0', { message: 'v1.0.0' });
  await repo.commit('fix: a fix after the release');
});

afterAll(async () => {
  await repo?.remove();
});

describe('a reader that closes the pipe early', () => {
  it('ends the CLI with exit 0 and nothing on stderr, not an EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [SHIPWRIGHT_BIN as string, 'changelog', '--stdout', '--release-count', '0'], { cwd: repo.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI writes a byte: its first write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
