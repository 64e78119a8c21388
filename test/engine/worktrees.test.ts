// A run's journal belongs to the repository, not to the worktree it was typed in: a release paused
// on a conflict in one worktree is continued or aborted from another, in the worktree it ran in,
// and the other worktree is left as it was.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pausedRelease as pause, RESOLVED, shipwright } from '../helpers/paused-release.js';
import { removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';

const track = removedAfterEach();
const pausedRelease = (runIn: 'main' | 'linked') => pause(runIn, track);

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
    expect({ head: after.head, status: after.status, files: after.files }).toEqual({
      head: before.other.head,
      status: before.other.status,
      files: before.other.files,
    });
    expect(existsSync(join(entry.repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('is aborted from the other worktree: the worktree it ran in is put back, the other left alone', async () => {
    const { entry, ran, other, before } = await pausedRelease(runIn);
    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain('Undid `shipwright release finish --yes`.');
    expect(aborted.stdout).toContain('tag v0.2.0 deleted');
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
