// What a kill -9 inside a git write leaves behind is the run's, and abort clears it: a half-done
// merge, a locked backport worktree, a temp file of an atomic write. And abort never writes the
// original branch's files into a worktree it could not switch back.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chmod, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN, waitFor } from '../helpers/hooked-repo.js';
import { ENV, pausedRelease } from '../helpers/paused-release.js';
import { createGitflowRepo, createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo } from '../helpers/temp-repo.js';

const track = removedAfterEach();
const MERGING = 'test -f .git/MERGE_HEAD';

async function sleepingHook(path: string, marker: string, when = 'true'): Promise<void> {
  await writeFile(path, `#!/bin/sh\n${when} || exit 0\ntouch '${marker}'\nsleep 30\n`);
  await chmod(path, 0o755);
}

/** Starts the built CLI in its own process group, waits for the hook's marker, kills the group with -9. */
async function killInside(dir: string, args: string[], marker: string): Promise<void> {
  const run = execa(process.execPath, [SHIPWRIGHT_BIN, ...args], {
    cwd: dir,
    env: ENV,
    reject: false,
    stdin: 'ignore',
    detached: true,
  });
  await waitFor(() => existsSync(marker), 'the sleeping hook');
  process.kill(-(run.pid as number), 'SIGKILL');
  await run;
  await rm(marker, { force: true });
}

describe('abort clears what a killed git write left', () => {
  it('kill -9 inside the merge of a gitflow finish: abort clears it and restores; continue finishes', async () => {
    for (const command of ['abort', 'continue'] as const) {
      const entry = await track(createGitflowRepo());
      const { repo } = entry;
      const started = await runShipwright(['release', 'start', '--yes'], { cwd: repo.dir, env: ENV });
      expect(started.code, started.stderr).toBe(0);
      const marker = join(repo.dir, '.git', 'hook-started');
      // Inside the merge: git has written MERGE_HEAD and waits for the hook before committing.
      await sleepingHook(join(repo.dir, '.git', 'hooks', 'commit-msg'), marker, MERGING);
      const before = await snapshotRepo(repo);
      await killInside(repo.dir, ['release', 'finish', '--yes'], marker);
      expect(existsSync(join(repo.dir, '.git', 'MERGE_HEAD'))).toBe(true);
      await rm(join(repo.dir, '.git', 'hooks', 'commit-msg'));
      const result = await runShipwright([command], { cwd: repo.dir, env: ENV });
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(join(repo.dir, '.git', 'MERGE_HEAD'))).toBe(false);
      if (command === 'abort') {
        await sleepingHook(join(repo.dir, '.git', 'hooks', 'commit-msg'), marker, MERGING);
        expect(await snapshotRepo(repo)).toEqual(before);
      } else {
        expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
        expect(await repo.git('status', '--porcelain')).toBe('');
      }
    }
  });

  it('kill -9 while a backport worktree is being added: abort removes the locked worktree', async () => {
    const repo = await createTempRepo();
    await repo.commit('feat: first');
    await repo.git('branch', '1.x');
    const fix = await repo.commit('fix: token expiry', { path: 'auth.txt' });
    const before = await snapshotRepo(repo);
    const marker = join(repo.dir, '.git', 'hook-started');
    await sleepingHook(join(repo.dir, '.git', 'hooks', 'post-checkout'), marker);
    try {
      await killInside(repo.dir, ['backport', fix, '--to', '1.x', '--yes'], marker);
      expect(await repo.git('worktree', 'list', '--porcelain')).toContain('.git/shipwright/worktrees');
      await rm(join(repo.dir, '.git', 'hooks', 'post-checkout'));
      const aborted = await runShipwright(['abort'], { cwd: repo.dir });
      expect(aborted.code, aborted.stderr).toBe(0);
      expect(await repo.git('worktree', 'list', '--porcelain')).not.toContain('.git/shipwright/worktrees');
      expect(await snapshotRepo(repo)).toEqual(before);
      const again = await runShipwright(['backport', fix, '--to', '1.x', '--yes'], { cwd: repo.dir });
      expect(again.code, again.stderr).toBe(0);
    } finally {
      await repo.remove();
    }
  });

  it('a temp file of a killed atomic write is removed by abort', async () => {
    const { repo } = await track(createReleaseRepo());
    const before = await snapshotRepo(repo);
    const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'release', '--yes'], {
      cwd: repo.dir,
      env: { ...ENV, SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '0:SIGKILL' },
      reject: false,
      stdin: 'ignore',
    });
    expect(killed.signal).toBe('SIGKILL');
    // What a kill between the temp file's write and its rename leaves, beside the file and the journal.
    await writeFile(join(repo.dir, '.0123456789ab.shipwright.tmp'), '{"half":');
    await writeFile(join(repo.dir, '.git', 'shipwright', '.ba9876543210.shipwright.tmp'), '{"half":');
    const aborted = await runShipwright(['abort'], { cwd: repo.dir });
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(await snapshotRepo(repo)).toEqual(before);
    expect((await readdir(repo.dir)).filter((name) => name.endsWith('.shipwright.tmp'))).toEqual([]);
  });

  it('abort during a pause that cannot switch back writes no file into the worktree left on another branch', async () => {
    const { ran } = await pausedRelease('main', track);
    // The user gives up the merge and takes the release branch to another worktree: abort cannot
    // switch the run's worktree back to it, so the release branch's files must not land on dev.
    await ran.git('merge', '--abort');
    const elsewhere = await ran.addWorktree({ branch: 'side-two', from: 'main' });
    await elsewhere.git('switch', '-q', 'release/0.2.0');
    const onDev = await snapshotRepo(ran);
    const aborted = await runShipwright(['abort'], { cwd: ran.dir });
    expect(aborted.code).not.toBe(0);
    expect(aborted.stderr).toMatch(/CHANGELOG\.md: not written: .* is on dev, not release\/0\.2\.0/);
    expect((await snapshotRepo(ran)).files).toEqual(onDev.files);
  });
});
