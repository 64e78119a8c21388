// Where `continue` and `abort` work: the run's worktree found again by the name git gives it and
// checked to belong to this repository. A moved repository finishes its run; a copied one finishes
// its own copy and never reaches back into the original; when the run's worktree is gone, abort
// puts back the branches and tags every worktree shares and reports the rest.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { journalIn, pausedRelease, RESOLVED, shipwright, writeEarlierJournal } from '../helpers/paused-release.js';
import { createGitflowRepo, removedAfterEach, startReleaseWithConflictingDev, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo, type RepoSnapshot } from '../helpers/repo-snapshot.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const track = removedAfterEach();
const extraDirs: string[] = [];
afterEach(async () => {
  await Promise.all(extraDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

type Worktree = Pick<TempRepo, 'dir' | 'git'>;
const worktreeAt = (dir: string): Worktree => ({ dir, git: async (...args: string[]) => (await execa('git', args, { cwd: dir })).stdout });

/** `release finish` paused on the back-merge in a repository with one worktree; `before`: as it was before the run. */
async function pausedFinish(): Promise<{ entry: ReleaseRepo; before: RepoSnapshot }> {
  const entry = await track(createGitflowRepo());
  await startReleaseWithConflictingDev(entry);
  const before = await snapshotRepo(entry.repo);
  expect((await shipwright(entry.repo.dir, 'release', 'finish', '--yes')).code).toBe(1);
  return { entry, before };
}

async function resolveConflict(worktree: Worktree): Promise<void> {
  await execa('sh', ['-c', `printf '%s' '${RESOLVED}' > package.json`], { cwd: worktree.dir });
  await worktree.git('add', 'package.json');
}

describe('a repository moved or copied while a run waits', () => {
  it('moved: continue finds the run in the main worktree where it is now', async () => {
    const { entry } = await pausedFinish();
    const moved = `${entry.repo.dir}-moved`;
    await rename(entry.repo.dir, moved);
    extraDirs.push(moved);
    const repo = worktreeAt(moved);
    await resolveConflict(repo);
    const resumed = await shipwright(moved, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Finished `shipwright release finish --yes`.');
    expect(await repo.git('branch', '--show-current')).toBe('dev');
    expect(await entry.remote.git('rev-parse', 'refs/heads/dev')).toBe(await repo.git('rev-parse', 'dev'));
  });

  it('copied (cp -a): continue in the copy finishes the copy; the original stays paused, byte for byte', async () => {
    const { entry } = await pausedFinish();
    const original = entry.repo;
    const copy = worktreeAt(`${original.dir}-copy`);
    extraDirs.push(copy.dir);
    await execa('cp', ['-a', original.dir, copy.dir]);
    const [originalPaused, originalJournal] = await Promise.all([snapshotRepo(original), readFile(journalIn(original), 'utf8')]);

    await resolveConflict(copy);
    const resumed = await shipwright(copy.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await copy.git('branch', '--show-current')).toBe('dev');
    expect(await copy.git('rev-parse', 'dev^2')).toBe(await copy.git('rev-parse', 'main'));
    expect(await copy.git('status', '--porcelain')).toBe('');
    expect(await snapshotRepo(original)).toEqual(originalPaused);
    expect(await readFile(journalIn(original), 'utf8')).toBe(originalJournal);
  });

  it('copied, with a journal that records only the absolute root: continue refuses and changes nothing in either', async () => {
    const { entry } = await pausedFinish();
    const original = entry.repo;
    const copy = worktreeAt(`${original.dir}-copy`);
    extraDirs.push(copy.dir);
    await execa('cp', ['-a', original.dir, copy.dir]);
    await writeEarlierJournal(journalIn(copy), { keepRoot: true, refsNow: copy });
    const [originalRefs, originalJournal, copyRefs, copyJournal] = await Promise.all([
      original.git('for-each-ref'),
      readFile(journalIn(original), 'utf8'),
      copy.git('for-each-ref'),
      readFile(journalIn(copy), 'utf8'),
    ]);

    await resolveConflict(original);
    await resolveConflict(copy);
    const refused = await shipwright(copy.dir, 'continue');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`cannot be finished here: the worktree the run works in (${original.dir}) is not a worktree of this repository`);
    expect(refused.stderr).toContain('shipwright abort');
    // The original's merge was not concluded from the copy.
    expect(await original.git('rev-parse', '-q', '--verify', 'MERGE_HEAD')).toMatch(/^\w{40}$/);
    expect(await original.git('for-each-ref')).toBe(originalRefs);
    expect(await readFile(journalIn(original), 'utf8')).toBe(originalJournal);
    expect(await copy.git('for-each-ref')).toBe(copyRefs);
    expect(await readFile(journalIn(copy), 'utf8')).toBe(copyJournal);
  });

  it('copied, with a journal that records only the absolute root: abort puts back the copy\'s branches and tags and reports the rest', async () => {
    const { entry, before } = await pausedFinish();
    const original = entry.repo;
    const copy = worktreeAt(`${original.dir}-copy`);
    extraDirs.push(copy.dir);
    await execa('cp', ['-a', original.dir, copy.dir]);
    await writeEarlierJournal(journalIn(copy), { keepRoot: true, refsNow: copy });
    const [originalPaused, originalJournal] = await Promise.all([snapshotRepo(original), readFile(journalIn(original), 'utf8')]);

    const aborted = await shipwright(copy.dir, 'abort');
    expect(aborted.code).toBe(3);
    expect(aborted.stdout).toContain('refs/tags/v0.2.0 deleted');
    expect(aborted.stderr).toContain('✗ branch release/0.2.0 checked out: the worktree the run works in');
    expect(aborted.stderr).toContain('✗ CHANGELOG.md: the worktree the run works in');
    expect(await copy.git('for-each-ref', '--format=%(refname) %(objectname)')).toBe(before.refs);
    expect(existsSync(journalIn(copy))).toBe(true);
    expect(await snapshotRepo(original)).toEqual(originalPaused);
    expect(await readFile(journalIn(original), 'utf8')).toBe(originalJournal);
  });
});

describe('the worktree the run works in is gone', () => {
  it('continue refuses; abort puts back the branches and tags, reports its branch and files, and finishes once it is back', async () => {
    const { ran, other, before } = await pausedRelease('linked', track);
    await rm(ran.dir, { recursive: true, force: true });

    const refused = await shipwright(other.dir, 'continue');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`cannot be finished here: the worktree the run works in (${ran.dir}) is gone`);
    expect(refused.stderr).toContain('shipwright abort');

    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code).toBe(3);
    expect(aborted.stdout).toContain('refs/tags/v0.2.0 deleted');
    expect(aborted.stdout).toMatch(/refs\/heads\/main back at \w{7}/);
    expect(aborted.stderr).toContain(`✗ branch release/0.2.0 checked out: the worktree the run works in (${ran.dir}) is gone`);
    expect(aborted.stderr).toContain(`by hand: git worktree prune && git worktree add ${ran.dir} release/0.2.0, then shipwright abort again`);
    expect(aborted.stderr).toContain('✗ CHANGELOG.md: the worktree the run works in');
    // Every branch and tag is back; the journal stays for what could not be put back.
    expect(await other.git('for-each-ref', '--format=%(refname) %(objectname)')).toBe(before.ran.refs);
    expect(await snapshotRepo(other)).toEqual({ ...before.other, shipwrightDir: ['journal.json'] });

    // As the failure says: the worktree added again where it was, abort finishes.
    await other.git('worktree', 'prune');
    await other.git('worktree', 'add', '-q', ran.dir, 'release/0.2.0');
    const again = await shipwright(other.dir, 'abort');
    expect(again.code, again.stderr).toBe(0);
    expect(await snapshotRepo(ran)).toEqual(before.ran);
    expect(existsSync(journalIn(other))).toBe(false);
  });

  it('a branch the run moved, checked out meanwhile in another worktree, is left for that worktree to reset', async () => {
    const { ran, other, before } = await pausedRelease('linked', track);
    await rm(ran.dir, { recursive: true, force: true });
    await other.git('worktree', 'prune');
    // main, at the run's release merge, is checked out where abort is typed.
    await other.git('switch', '-q', 'main');
    const mainBefore = before.ran.refs.match(/^refs\/heads\/main (\w+)$/m)?.[1] as string;

    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code).toBe(3);
    expect(aborted.stdout).toContain('refs/tags/v0.2.0 deleted');
    expect(aborted.stderr).toContain(`✗ refs/heads/main back at ${mainBefore.slice(0, 7)}: it is checked out in the worktree ${other.dir}`);
    expect(aborted.stderr).toContain(`by hand: cd ${other.dir} && git reset --keep ${mainBefore}`);
    // Not moved under that worktree, whose index and files would have been left behind.
    expect(await other.git('status', '--porcelain')).toBe('');
    expect(await other.git('rev-parse', 'main')).not.toBe(mainBefore);
  });
});
