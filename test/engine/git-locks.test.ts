// A kill -9 inside a git write leaves git's lock files; the dead run's are removed by abort and
// continue, so neither they nor any later commit fails on "Unable to create …lock: File exists".
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../helpers/hooked-repo.js';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();
const LOCKS = ['HEAD.lock', 'index.lock', 'refs/heads/main.lock', 'packed-refs.lock', 'refs/remotes/origin/main.lock'];

/** A release killed once its commit is made, with the lock files git holds during a ref update (as a kill -9 inside it leaves them). */
async function killedWithLocks() {
  const entry = await track(createReleaseRepo());
  const before = await snapshotRepo(entry.repo);
  const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'release', '--yes'], {
    cwd: entry.repo.dir,
    env: { SOURCE_DATE_EPOCH: '1717200000', SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '3:SIGKILL' },
    reject: false,
  });
  expect(killed.signal).toBe('SIGKILL');
  for (const lock of LOCKS) await writeFile(join(entry.repo.dir, '.git', lock), '');
  return { ...entry, before };
}

describe("git's lock files left by a killed run", () => {
  it('abort removes them and restores the snapshot', async () => {
    const { repo, before } = await killedWithLocks();
    const aborted = await runShipwright(['abort'], { cwd: repo.dir });
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(await snapshotRepo(repo)).toEqual(before);
    for (const lock of LOCKS) expect(existsSync(join(repo.dir, '.git', lock)), lock).toBe(false);
    await repo.commit('chore: a commit after the abort');
  });

  it('continue removes them and finishes the release', async () => {
    const { repo, remote } = await killedWithLocks();
    const resumed = await runShipwright(['continue'], { cwd: repo.dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    expect(await repo.git('rev-parse', 'origin/main')).toBe(await repo.git('rev-parse', 'main'));
    for (const lock of LOCKS) expect(existsSync(join(repo.dir, '.git', lock)), lock).toBe(false);
  });
});
