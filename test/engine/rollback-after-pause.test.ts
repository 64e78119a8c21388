// Undoing a run that paused on a conflict: a ref the run's own steps moved (even one its undo then
// recreated) is put back where it was before the run; only a ref someone else moved during the
// pause is left where they put it, and said so.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../helpers/hooked-repo.js';
import { ENV, journalIn, RESOLVED, shipwright } from '../helpers/paused-release.js';
import {
  createGitflowRepo,
  rejectPushes,
  removedAfterEach,
  startReleaseWithConflictingDev,
  type ReleaseRepo,
} from '../helpers/release-repo.js';
import { snapshotRepo, type RepoSnapshot } from '../helpers/repo-snapshot.js';
import { createTempRepo } from '../helpers/temp-repo.js';

const track = removedAfterEach();

/** `release finish` paused on the back-merge into dev, its conflict resolved, and the remote refusing pushes from now on. */
async function resolvedButFrozen(): Promise<{ entry: ReleaseRepo; before: RepoSnapshot }> {
  const entry = await track(createGitflowRepo());
  const { repo, remote } = entry;
  await startReleaseWithConflictingDev(entry);
  const before = await snapshotRepo(repo);
  expect((await shipwright(repo.dir, 'release', 'finish', '--yes')).code).toBe(1);
  await repo.write('package.json', RESOLVED);
  await repo.git('add', 'package.json');
  await rejectPushes(remote);
  return { entry, before };
}

const refAt = (snapshot: RepoSnapshot, ref: string): string =>
  snapshot.refs.match(new RegExp(`^${ref} (\\w+)$`, 'm'))?.[1] as string;

describe('a continue whose push is rejected after a pause', () => {
  it('puts the release branch its delete-branch step had removed back where it was before the run', async () => {
    const { entry, before } = await resolvedButFrozen();
    const continued = await shipwright(entry.repo.dir, 'continue');
    expect(continued.code).toBe(3);
    expect(continued.stderr).toContain('rejected the push');
    expect(continued.stderr).toContain(
      `release/0.2.0 back at ${refAt(before, 'refs/heads/release/0.2.0').slice(0, 7)}`,
    );
    expect(continued.stderr).not.toContain('moved outside this run');
    expect(await snapshotRepo(entry.repo)).toEqual(before);
  });

  it('leaves a commit made on main during the pause, saying so, and puts back everything else', async () => {
    const { entry, before } = await resolvedButFrozen();
    const { repo } = entry;
    const side = await repo.addWorktree();
    await side.git('switch', '-q', 'main');
    const mine = await side.commit('fix: made while the release waited');

    const continued = await shipwright(repo.dir, 'continue');
    expect(continued.code).toBe(3);
    expect(continued.stderr).toContain(`main left at ${mine.slice(0, 7)}: it was moved outside this run`);
    expect(continued.stderr).not.toContain('release/0.2.0 left at');
    expect(await repo.git('rev-parse', 'main')).toBe(mine);
    for (const ref of ['refs/heads/release/0.2.0', 'refs/heads/dev'])
      expect(await repo.git('rev-parse', ref)).toBe(refAt(before, ref));
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('');
    expect(await repo.git('branch', '--show-current')).toBe('release/0.2.0');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});

describe('abort after the user committed the paused merge by hand', () => {
  it("counts the merge as the run's, as continue does, and puts dev back where it was before the run", async () => {
    const entry = await track(createGitflowRepo());
    const { repo } = entry;
    await startReleaseWithConflictingDev(entry);
    const before = await snapshotRepo(repo);
    expect((await shipwright(repo.dir, 'release', 'finish', '--yes')).code).toBe(1);
    await repo.write('package.json', RESOLVED);
    await repo.git('add', 'package.json');
    await repo.git('commit', '-q', '--no-edit');

    const aborted = await shipwright(repo.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout + aborted.stderr).not.toContain('moved outside this run');
    expect(await repo.git('rev-parse', 'dev')).toBe(refAt(before, 'refs/heads/dev'));
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('still leaves a commit the user added on top of that merge', async () => {
    const entry = await track(createGitflowRepo());
    const { repo } = entry;
    await startReleaseWithConflictingDev(entry);
    expect((await shipwright(repo.dir, 'release', 'finish', '--yes')).code).toBe(1);
    await repo.write('package.json', RESOLVED);
    await repo.git('add', 'package.json');
    await repo.git('commit', '-q', '--no-edit');
    const mine = await repo.commit('fix: made on dev while the release waited');

    const aborted = await shipwright(repo.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain(`dev left at ${mine.slice(0, 7)}: it was moved outside this run`);
    expect(await repo.git('rev-parse', 'dev')).toBe(mine);
  });
});

describe('a step recognised as already done after a crash', () => {
  it("counts where it left its refs as the run's: a tag made just before kill -9 is deleted by abort after a later pause", async () => {
    const entry = await track(createGitflowRepo());
    const { repo } = entry;
    await startReleaseWithConflictingDev(entry);
    const before = await snapshotRepo(repo);
    // Steps: …, 4 merge into main, 5 tag v0.2.0, 6 switch to dev, 7 merge main back into dev (conflicts), …
    const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'release', 'finish', '--yes'], {
      cwd: repo.dir,
      env: { ...ENV, SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '5:SIGKILL' },
      reject: false,
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    // As if the process died between making the tag and writing it down.
    const recorded = JSON.parse(await readFile(journalIn(repo), 'utf8')) as {
      done: number[];
      refs: Record<string, { before: string | null; last: string | null }>;
    };
    recorded.done = recorded.done.filter((index) => index !== 5);
    (recorded.refs['refs/tags/v0.2.0'] as { last: string | null }).last = null;
    await writeFile(journalIn(repo), JSON.stringify(recorded));

    const continued = await shipwright(repo.dir, 'continue');
    expect(continued.code).toBe(1);
    expect(continued.stdout).toContain('tag v0.2.0 already on HEAD');
    expect(continued.stderr).toContain('stopped on conflicts');

    const aborted = await shipwright(repo.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain('tag v0.2.0 deleted');
    expect(aborted.stdout).not.toContain('moved outside this run');
    expect(await snapshotRepo(repo)).toEqual(before);
  });
});

describe('a commit made on the release branch during the pause', () => {
  it("is not deleted by the run's delete-branch step: the run is refused, rolled back, and the branch keeps it", async () => {
    const entry = await track(createGitflowRepo());
    const { repo, remote } = entry;
    await startReleaseWithConflictingDev(entry);
    const before = await snapshotRepo(repo);
    const remoteBefore = await remote.git('for-each-ref');
    expect((await shipwright(repo.dir, 'release', 'finish', '--yes')).code).toBe(1);
    const side = await repo.addWorktree();
    await side.git('switch', '-q', 'release/0.2.0');
    const mine = await side.commit('fix: made on the release branch while it waited');
    await side.git('switch', '-q', '--detach');
    await repo.write('package.json', RESOLVED);
    await repo.git('add', 'package.json');

    const continued = await shipwright(repo.dir, 'continue');
    expect(continued.code).toBe(1);
    expect(continued.stderr).toContain(`release/0.2.0 moved outside this run`);
    expect(continued.stderr).toContain(`Deleting it would lose ${mine.slice(0, 7)}, so it was not deleted.`);
    expect(continued.stderr).toContain(`release/0.2.0 left at ${mine.slice(0, 7)}: it was moved outside this run`);
    expect(await repo.git('rev-parse', 'release/0.2.0')).toBe(mine);
    for (const ref of ['refs/heads/main', 'refs/heads/dev'])
      expect(await repo.git('rev-parse', ref)).toBe(refAt(before, ref));
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('');
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);
    expect(existsSync(journalIn(repo))).toBe(false);
  });
});

describe('a commit made during the pause on a branch a later step then moves', () => {
  it('is where abort after a crash puts that branch back, not where it was before the run', async () => {
    const entry = await track(createGitflowRepo());
    const { repo } = entry;
    await repo.git('switch', '-q', 'main');
    await repo.commit('chore: the widget file', { path: 'widget.txt', content: 'widget: broken\n' });
    await repo.git('tag', '-d', 'v0.1.0');
    await repo.tag('v0.1.0', { message: 'v0.1.0' });
    await repo.git('switch', '-q', 'dev');
    await repo.git('merge', '-q', '--no-edit', 'main');
    await repo.git('branch', 'release/0.3.0');
    // dev rewrote the line the hotfix fixes: the hotfix's merge into dev conflicts, release/0.3.0's does not.
    await repo.commit('chore: widget wording', { path: 'widget.txt', content: 'widget: rewritten here\n' });
    await repo.git('switch', '-q', 'main');
    await repo.git('push', '-q', '-f', '--tags', 'origin', 'main', 'dev', 'release/0.3.0');
    expect((await shipwright(repo.dir, 'hotfix', 'start', '--yes')).code).toBe(0);
    await repo.commit('fix(widget): stop the crash', { path: 'widget.txt', content: 'widget: fixed\n' });
    const before = await snapshotRepo(repo);
    const paused = await shipwright(repo.dir, 'hotfix', 'finish', '--yes');
    expect(paused.code, paused.stderr).toBe(1);
    expect(paused.stderr).toMatch(/into dev \(--no-ff\): stopped on conflicts/);

    const side = await repo.addWorktree();
    await side.git('switch', '-q', 'release/0.3.0');
    const mine = await side.commit('fix: made on release/0.3.0 while the hotfix waited', { path: 'mine.txt' });
    await side.git('switch', '-q', '--detach');
    await repo.write('widget.txt', 'widget: fixed\n');
    await repo.git('add', 'widget.txt');
    // Killed once the hotfix is merged into release/0.3.0, on top of that commit (steps: …, 9 switch
    // to release/0.3.0, 10 merge into it, 11 switch back to main, 12 delete the hotfix branch, 13 push).
    const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'continue'], {
      cwd: repo.dir,
      env: { ...ENV, SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '10:SIGKILL' },
      reject: false,
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(await repo.git('rev-parse', 'release/0.3.0^1')).toBe(mine);

    const aborted = await shipwright(repo.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain(
      `release/0.3.0 back at ${mine.slice(0, 7)} (where it was moved outside this run during the pause`,
    );
    expect(await repo.git('rev-parse', 'release/0.3.0')).toBe(mine);
    for (const ref of ['refs/heads/main', 'refs/heads/dev', 'refs/heads/hotfix/0.1.1'])
      expect(await repo.git('rev-parse', ref)).toBe(refAt(before, ref));
    expect(await repo.git('tag', '-l', 'v0.1.1')).toBe('');
  });
});

describe('abort of a backport paused while the user checked out one of its targets', () => {
  it("does not move that branch under the user's working tree: it says to reset it there, then finishes", async () => {
    const repo = await createTempRepo();
    try {
      await repo.commit('chore: initial commit', { path: 'a.txt', content: 'a: broken\n' });
      await repo.git('branch', 'dev');
      await repo.git('branch', 'release/1.2');
      const fix = await repo.commit('fix(a): repair a', { path: 'a.txt', content: 'a: fixed\n' });
      await repo.git('switch', '-q', 'release/1.2');
      await repo.commit('chore: reword a', { path: 'a.txt', content: 'a: reworded on rel\n' });
      await repo.git('switch', '-q', 'main');
      const devBefore = await repo.git('rev-parse', 'dev');
      // dev gets the pick; release/1.2 conflicts and the backport pauses in its private worktree.
      const paused = await shipwright(repo.dir, 'backport', fix, '--to', 'dev', '--to', 'release/1.2', '--yes');
      expect(paused.code, paused.stderr).toBe(1);
      expect(await repo.git('rev-parse', 'dev')).not.toBe(devBefore);
      await repo.git('switch', '-q', 'dev');

      const aborted = await shipwright(repo.dir, 'abort');
      expect(aborted.code).toBe(3);
      expect(aborted.stderr).toContain(`dev back at ${devBefore.slice(0, 7)}: it is checked out in the worktree`);
      expect(aborted.stderr).toContain(`git reset --keep ${devBefore}`);
      expect(await repo.git('rev-parse', 'dev')).not.toBe(devBefore);
      expect(await repo.git('status', '--porcelain')).toBe('');

      await repo.git('reset', '-q', '--keep', devBefore);
      const again = await shipwright(repo.dir, 'abort');
      expect(again.code, again.stderr).toBe(0);
      expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);
      expect(await repo.git('branch', '--show-current')).toBe('dev');
      expect(await repo.git('status', '--porcelain')).toBe('');
      expect(existsSync(journalIn(repo))).toBe(false);
    } finally {
      await repo.remove();
    }
  });
});
