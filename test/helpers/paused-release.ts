// A gitflow `release finish` paused on the back-merge into dev, run in the main worktree or in a
// linked one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createGitflowRepo, startReleaseWithConflictingDev, type ReleaseRepo } from './release-repo.js';
import { snapshotRepo, type RepoSnapshot } from './repo-snapshot.js';
import { runShipwright } from './run-shipwright.js';
import type { TempRepo } from './temp-repo.js';

export const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
export const shipwright = (dir: string, ...args: string[]) => runShipwright(args, { cwd: dir, env: ENV });
/** package.json with the back-merge conflict resolved. */
export const RESOLVED = '{\n  "name": "demo",\n  "version": "0.2.0"\n}\n';

export interface Paused {
  entry: ReleaseRepo;
  /** The worktree `release finish` ran (and paused) in. */
  ran: TempRepo;
  /** The other worktree, where the user types `continue` or `abort`. */
  other: TempRepo;
  /** Both worktrees before `release finish`. */
  before: { ran: RepoSnapshot; other: RepoSnapshot };
}

/**
 * `release finish` paused on the back-merge into dev, run in the main worktree or in a linked one;
 * the other worktree is on a branch of its own (feature/side) the release never touches.
 * `track` keeps the repository until the test ends (removedAfterEach).
 */
export async function pausedRelease(
  runIn: 'main' | 'linked',
  track: (created: Promise<ReleaseRepo>) => Promise<ReleaseRepo>,
): Promise<Paused> {
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

export const journalIn = (repo: Pick<TempRepo, 'dir'>): string => join(repo.dir, '.git', 'shipwright', 'journal.json');
