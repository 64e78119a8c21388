// `shipwright … | head`: a reader that leaves early loses the rest of the output, nothing else.
// The command runs to its end and keeps its own exit code, with no EPIPE stack trace.
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuiltCli } from './support/built-cli.js';

let repo: TempRepo | undefined;

beforeAll(async () => {
  await ensureBuiltCli();
});

afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

/** Runs the built CLI with its stdout pipe closed before it writes a byte. */
async function runWithReaderGone(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SHIPWRIGHT_BIN as string, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stderr };
}

async function aRepoWithARelease(): Promise<TempRepo> {
  const created = await createTempRepo({ prefix: 'shipwright-pipe-' });
  await created.write('package.json', '{ "name": "piped", "version": "1.0.0" }\n');
  await created.commit('feat: first feature', {
    path: 'package.json',
    content: '{ "name": "piped", "version": "1.0.0" }\n',
  });
  await created.tag('v1.0.0', { message: 'v1.0.0' });
  await created.commit('fix: a fix after the release');
  return created;
}

describe('a reader that closes the pipe early', () => {
  it('changelog: exit 0 and no EPIPE stack trace', async () => {
    repo = await aRepoWithARelease();
    const run = await runWithReaderGone(['changelog', '--stdout', '--release-count', '0'], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('lint-msg keeps its failing exit code: a broken pipe never turns a rejected message into a pass', async () => {
    repo = await aRepoWithARelease();
    await repo.commit('not a conventional message');
    const run = await runWithReaderGone(['lint-msg', '--from', 'HEAD~1'], repo.dir);
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.code).toBe(1);
  });

  it('release runs to its end: the version commit and the tag are made, no interrupted run is left', async () => {
    repo = await aRepoWithARelease();
    const run = await runWithReaderGone(['release', '--yes', '--no-push'], repo.dir);
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.code).toBe(0);
    expect(await repo.git('tag', '--list', 'v1.0.1')).toBe('v1.0.1');
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(await repo.git('log', '-1', '--format=%s')).toBe('chore(release): v1.0.1');
  });
});
