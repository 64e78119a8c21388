// A run's journal belongs to the repository, not to the worktree it was typed in: a release paused
// on a conflict in one worktree is continued or aborted from another, in the worktree it ran in,
// and the other worktree is left as it was.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitflowRepo, removedAfterEach, startReleaseWithConflictingDev, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const track = removedAfterEach();
const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const shipwright = (dir: string, ...args: string[]) => runShipwright(args, { cwd: dir, env: ENV });
const RESOLVED = '{\n  "name": "demo",\n  "version": "0.2.0"\n}\n';

interface Paused {
  entry: ReleaseRepo;
  /** The worktree `release finish` ran (and paused) in. */
  ran: TempRepo;
  /** The other worktree, where the user types `continue` or `abort`. */
  other: TempRepo;
  /** Both worktrees before `release finish`. */
  before: { ran: Awaited<ReturnType<typeof snapshotRepo>>; other: Awaited<ReturnType<typeof snapshotRepo>> };
}

/**
 * `release finish` paused on the back-merge into dev, run in the main worktree or in a linked one;
 * the other worktree is on a branch of its own (feature/side) the release never touches.
 */
async function pausedRelease(runIn: 'main' | 'linked'): Promise<Paused> {
  const entry = await track(createGitflowRepo());
  const { repo } = entry;
  await startReleaseWithConflictingDev(entry);
  let ran: TempRepo;
  let other: TempRepo;
  if (runIn === 'main') {
    ran = repo;
    other = await repo.addWorktree({ branch: 'feature/side', from: 'dev' });
  } else {
    // release/0.2.0 moves to the linked worktree; the main one goes to a side branch.
    await repo.git('switch', '-q', '-c', 'feature/side', 'dev');
    ran = await repo.addWorktree();
    await ran.git('switch', '-q', 'release/0.2.0');
    other = repo;
  }
  const before = { ran: await snapshotRepo(ran), other: await snapshotRepo(other) };
  const paused = await shipwright(ran.dir, 'release', 'finish', '--yes');
  expect(paused.code, paused.stderr).toBe(1);
  expect(paused.stderr).toMatch(/merge main back into dev \(--no-ff\): stopped on conflicts in\n {2}package\.json/);
  // One journal for the repository, in the git dir every worktree shares.
  expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(true);
  return { entry, ran, other, before };
}

describe.each(['main', 'linked'] as const)('a release paused in the %s worktree', (runIn) => {
  it('is continued from the other worktree: it refuses while the conflict is unresolved there, then finishes where it ran', async () => {
    const { entry, ran, other, before } = await pausedRelease(runIn);
    const { remote } = entry;

    // The conflict is in the worktree the run paused in; `continue` looks there, not where it is typed.
    const unresolved = await shipwright(other.dir, 'continue');
    expect(unresolved.code).toBe(1);
    expect(unresolved.stderr).toContain('still has conflicts in:\n  package.json');

    await ran.write('package.json', RESOLVED);
    await ran.git('add', 'package.json');
    const resumed = await shipwright(other.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('conflicts resolved, merge committed');
    expect(resumed.stdout).toContain('Finished `shipwright release finish --yes`.');

    // The run went on in its own worktree: dev checked out there with the back-merge, all pushed.
    expect(await ran.git('branch', '--show-current')).toBe('dev');
    expect(await ran.git('rev-parse', 'dev^2')).toBe(await ran.git('rev-parse', 'main'));
    expect(await ran.git('status', '--porcelain')).toBe('');
    expect(await remote.git('rev-parse', 'refs/heads/dev')).toBe(await ran.git('rev-parse', 'dev'));
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(await ran.git('rev-parse', 'main'));
    // The worktree `continue` was typed in is as it was.
    const after = await snapshotRepo(other);
    expect({ head: after.head, status: after.status, files: after.files }).toEqual({ head: before.other.head, status: before.other.status, files: before.other.files });
    expect(existsSync(join(entry.repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('is aborted from the other worktree: the worktree it ran in is put back, the other left alone', async () => {
    const { entry, ran, other, before } = await pausedRelease(runIn);
    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain('Undid `shipwright release finish --yes`.');
    expect(aborted.stdout).toContain('refs/tags/v0.2.0 deleted');
    expect(await snapshotRepo(ran)).toEqual(before.ran);
    expect(await snapshotRepo(other)).toEqual(before.other);
    expect(existsSync(join(entry.repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('is aborted from the worktree it ran in, as before', async () => {
    const { ran, other, before } = await pausedRelease(runIn);
    const aborted = await shipwright(ran.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(await snapshotRepo(ran)).toEqual(before.ran);
    expect(await snapshotRepo(other)).toEqual(before.other);
  });
});
