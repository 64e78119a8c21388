// The push is the commit point: the journal says the push started before it does, and from then on
// a failure asks the remote (ls-remote) instead of rolling back. Before it, a crash is undone.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN, waitFor } from '../helpers/hooked-repo.js';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();

/** A hook that says it started (a marker file), then sleeps: holds a git write open. */
async function sleepingHook(path: string, marker: string): Promise<void> {
  await writeFile(path, `#!/bin/sh\ntouch '${marker}'\nsleep 30\n`);
  await chmod(path, 0o755);
}

/** The built CLI in its own process group, so the test can signal the whole group as a terminal's Ctrl-C does. */
const startRelease = (dir: string) =>
  execa(process.execPath, [SHIPWRIGHT_BIN, 'release', '--yes'], {
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: '1717200000' },
    reject: false,
    stdin: 'ignore',
    detached: true,
  });

describe('push started', () => {
  it('kill -9 inside the release commit (before any push): abort restores the snapshot', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const marker = join(repo.dir, '.git', 'hook-started');
    await sleepingHook(join(repo.dir, '.git', 'hooks', 'commit-msg'), marker);
    const before = await snapshotRepo(repo);
    const remoteBefore = await remote.git('for-each-ref');
    const run = startRelease(repo.dir);
    await waitFor(() => existsSync(marker), 'the commit-msg hook');
    process.kill(-(run.pid as number), 'SIGKILL');
    await run;
    const aborted = await runShipwright(['abort'], { cwd: repo.dir });
    expect(aborted.code, aborted.stderr).toBe(0);
    await execa('rm', ['-f', marker]);
    expect(await snapshotRepo(repo)).toEqual(before);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);
  });

  it('Ctrl-C of the process group while the remote accepts the push: the run finishes, nothing rolled back', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const marker = join(repo.dir, '.git', 'remote-accepting');
    await sleepingHook(join(remote.dir, 'hooks', 'post-receive'), marker);
    const run = startRelease(repo.dir);
    await waitFor(() => existsSync(marker), 'the remote post-receive hook');
    process.kill(-(run.pid as number), 'SIGINT');
    const result = await run;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('origin has it: the push landed');
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    expect(await remote.git('rev-parse', 'main')).toBe(await repo.git('rev-parse', 'main'));
    // The remote-tracking ref follows, as after a push git finished itself.
    expect(await repo.git('rev-parse', 'origin/main')).toBe(await repo.git('rev-parse', 'main'));
    expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(false);
  });

  it('kill -9 once the push started and landed: continue and abort both finish it, tracking refs updated', async () => {
    for (const command of ['continue', 'abort'] as const) {
      const { repo, remote } = await track(createReleaseRepo());
      const marker = join(repo.dir, '.git', 'remote-accepting');
      await sleepingHook(join(remote.dir, 'hooks', 'post-receive'), marker);
      const run = startRelease(repo.dir);
      await waitFor(() => existsSync(marker), 'the remote post-receive hook');
      process.kill(-(run.pid as number), 'SIGKILL');
      await run;
      const journal = JSON.parse(await readFile(join(repo.dir, '.git', 'shipwright', 'journal.json'), 'utf8'));
      expect(journal.pushStarted).toBe(true);
      expect(await repo.git('rev-parse', 'origin/main')).not.toBe(await repo.git('rev-parse', 'main'));
      const result = await runShipwright([command], { cwd: repo.dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(
        command === 'continue'
          ? 'origin already has it'
          : 'origin already has v0.2.0, so abort cannot undo it: finished `shipwright release --yes` instead',
      );
      if (command === 'abort') expect(result.stdout).toContain('git push origin --delete refs/tags/v0.2.0');
      expect(await repo.git('rev-parse', 'origin/main')).toBe(await repo.git('rev-parse', 'main'));
      expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
      expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(false);
      expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    }
  });
});
