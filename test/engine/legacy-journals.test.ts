// Journals written by earlier versions: one without `root` in the shared git dir was written by the
// main worktree and is finished or undone there, wherever the command is typed.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../helpers/hooked-repo.js';
import { ENV, journalIn, pausedRelease, shipwright, writeEarlierJournal } from '../helpers/paused-release.js';
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
    const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'release', 'finish', '--yes'], { cwd: repo.dir, env: { ...ENV, SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '2:SIGKILL' }, reject: false });
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
