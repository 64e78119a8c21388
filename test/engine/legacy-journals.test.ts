// Journals written by earlier versions: one without `root` in the shared git dir was written by the
// main worktree and is finished or undone there, wherever the command is typed; one left in a
// linked worktree's own git dir blocks new runs and is adopted by `continue` / `abort`, which say so.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../helpers/hooked-repo.js';
import { ENV, journalIn, pausedRelease, RESOLVED, shipwright, writeEarlierJournal } from '../helpers/paused-release.js';
import { createGitflowRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';

const track = removedAfterEach();

describe('a journal without root, in the shared git dir (written by the main worktree)', () => {
  it('is aborted in the main worktree from a linked one, whose untracked file and branch stay', async () => {
    const { ran, other, before } = await pausedRelease('main', track);
    await writeEarlierJournal(journalIn(ran), { keepRoot: false, refsNow: ran });
    // An untracked file in the linked worktree with the name of a file the run created.
    await other.write('CHANGELOG.md', 'my own notes\n');
    const { head, status, files } = await snapshotRepo(other);

    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain('refs/tags/v0.2.0 deleted');
    expect(await snapshotRepo(ran)).toEqual(before.ran);
    const after = await snapshotRepo(other);
    expect({ head: after.head, status: after.status, files: after.files }).toEqual({ head, status, files });
    expect(status).toBe('?? CHANGELOG.md');
  });

  it('is continued in the main worktree from a linked one: its remaining switches and merges happen there', async () => {
    const entry = await track(createGitflowRepo());
    const { repo, remote } = entry;
    expect((await shipwright(repo.dir, 'release', 'start', '--yes')).code).toBe(0);
    const other = await repo.addWorktree({ branch: 'feature/side', from: 'dev' });
    // Killed after the release commit (steps: changelog, stage, commit, switch to main, merge, …).
    const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'release', 'finish', '--yes'], {
      cwd: repo.dir,
      env: { ...ENV, SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '2:SIGKILL' },
      reject: false,
    });
    expect(killed.signal).toBe('SIGKILL');
    await writeEarlierJournal(journalIn(repo), { keepRoot: false, refsNow: repo });
    const { head, status, files } = await snapshotRepo(other);

    const resumed = await shipwright(other.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Finished `shipwright release finish --yes`.');
    expect(await repo.git('branch', '--show-current')).toBe('dev');
    expect(await repo.git('rev-parse', 'dev^2')).toBe(await repo.git('rev-parse', 'main'));
    expect(await remote.git('rev-parse', 'refs/heads/dev')).toBe(await repo.git('rev-parse', 'dev'));
    const after = await snapshotRepo(other);
    expect({ head: after.head, status: after.status, files: after.files }).toEqual({ head, status, files });
  });
});

describe("a journal left in a linked worktree's own git dir by an earlier version", () => {
  /** Moves the paused run's journal to where earlier versions kept it: the linked worktree's git dir. */
  async function leftInLinkedGitDir(runIn: 'linked') {
    const paused = await pausedRelease(runIn, track);
    const gitDir = await paused.ran.git('rev-parse', '--absolute-git-dir');
    const legacy = join(gitDir, 'shipwright', 'journal.json');
    await mkdir(dirname(legacy), { recursive: true });
    await writeEarlierJournal(journalIn(paused.other), { keepRoot: false, to: legacy, refsNow: paused.ran });
    await rm(join(paused.other.dir, '.git', 'shipwright'), { recursive: true });
    return { ...paused, legacy };
  }

  it('blocks new runs from every worktree, naming the file', async () => {
    const { ran, other, legacy } = await leftInLinkedGitDir('linked');
    for (const dir of [ran.dir, other.dir]) {
      const refused = await shipwright(dir, 'release', '--dry-run');
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toContain(`its journal is in ${legacy}`);
      expect(refused.stderr).toContain('shipwright continue');
      expect(refused.stderr).toContain('shipwright abort');
    }
  });

  it('is adopted by continue typed in the main worktree, which says so and finishes in the linked one', async () => {
    const { entry, ran, other, legacy } = await leftInLinkedGitDir('linked');
    const otherFiles = (await snapshotRepo(other)).files;
    const unresolved = await shipwright(other.dir, 'continue');
    expect(unresolved.code).toBe(1);
    expect(unresolved.stdout).toContain(`Moved the journal of the interrupted run from ${legacy}`);
    expect(unresolved.stderr).toContain('still has conflicts in:\n  package.json');
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(journalIn(other))).toBe(true);

    await ran.write('package.json', RESOLVED);
    await ran.git('add', 'package.json');
    const resumed = await shipwright(other.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Finished `shipwright release finish --yes`.');
    expect(await ran.git('branch', '--show-current')).toBe('dev');
    expect(await entry.remote.git('rev-parse', 'refs/heads/dev')).toBe(await ran.git('rev-parse', 'dev'));
    expect(await other.git('branch', '--show-current')).toBe('feature/side');
    expect((await snapshotRepo(other)).files).toEqual(otherFiles);
    expect(existsSync(join(other.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('is adopted by abort, which puts the linked worktree back and leaves the main one alone', async () => {
    const { ran, other, before, legacy } = await leftInLinkedGitDir('linked');
    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain(`Moved the journal of the interrupted run from ${legacy}`);
    expect(aborted.stdout).toContain('Undid `shipwright release finish --yes`.');
    expect(await snapshotRepo(ran)).toEqual(before.ran);
    expect(await snapshotRepo(other)).toEqual(before.other);
    expect(existsSync(legacy)).toBe(false);
    // The run's id given to its worktree when the journal was adopted goes with the journal.
    expect(existsSync(join(legacy, '..', '..', 'shipwright-run'))).toBe(false);
  });
});
