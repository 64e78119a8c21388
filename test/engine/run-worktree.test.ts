// Where `continue` and `abort` work: the run's worktree found again by the name git gives it and
// checked to belong to this repository. A moved repository finishes its run; a copied one finishes
// its own copy and never reaches back into the original; when the run's worktree is gone, abort
// puts back the branches and tags every worktree shares and reports the rest.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journalIn, pausedRelease, RESOLVED, shipwright } from '../helpers/paused-release.js';
import {
  createGitflowRepo,
  removedAfterEach,
  startReleaseWithConflictingDev,
  type ReleaseRepo,
} from '../helpers/release-repo.js';
import { snapshotRepo, type RepoSnapshot } from '../helpers/repo-snapshot.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const track = removedAfterEach();
const extraDirs: string[] = [];
afterEach(async () => {
  await Promise.all(extraDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

type Worktree = Pick<TempRepo, 'dir' | 'git'>;
const worktreeAt = (dir: string): Worktree => ({
  dir,
  git: async (...args: string[]) => (await execa('git', args, { cwd: dir })).stdout,
});

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
    const [originalPaused, originalJournal] = await Promise.all([
      snapshotRepo(original),
      readFile(journalIn(original), 'utf8'),
    ]);

    await resolveConflict(copy);
    const resumed = await shipwright(copy.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await copy.git('branch', '--show-current')).toBe('dev');
    expect(await copy.git('rev-parse', 'dev^2')).toBe(await copy.git('rev-parse', 'main'));
    expect(await copy.git('status', '--porcelain')).toBe('');
    expect(await snapshotRepo(original)).toEqual(originalPaused);
    expect(await readFile(journalIn(original), 'utf8')).toBe(originalJournal);
  });
});

describe('the worktree the run works in is gone', () => {
  it('deleted without git worktree remove: continue refuses; abort puts back the branches and tags and reports its branch and files', async () => {
    const { ran, other, before } = await pausedRelease('linked', track);
    await rm(ran.dir, { recursive: true, force: true });

    const refused = await shipwright(other.dir, 'continue');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      `cannot be finished here: the worktree the run works in (${ran.dir}) is gone from ${ran.dir}: it was moved or deleted`,
    );
    expect(refused.stderr).toContain('git worktree repair NEWPATH');
    expect(refused.stderr).toContain('shipwright abort');

    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code).toBe(3);
    expect(aborted.stdout).toContain('tag v0.2.0 deleted');
    expect(aborted.stdout).toMatch(/main back at \w{7}/);
    expect(aborted.stderr).toContain(
      `✗ branch release/0.2.0 checked out: the worktree the run works in (${ran.dir}) is gone from ${ran.dir}`,
    );
    expect(aborted.stderr).toContain(
      'by hand: if it was moved: git worktree repair NEWPATH (its new path), then shipwright continue or shipwright abort; if it was deleted: git worktree prune && rm ',
    );
    expect(aborted.stderr).toContain('✗ CHANGELOG.md: the worktree the run works in');
    // Every branch and tag is back; the journal stays for what could not be put back.
    expect(await other.git('for-each-ref', '--format=%(refname) %(objectname)')).toBe(before.ran.refs);
    expect(await snapshotRepo(other)).toEqual({ ...before.other, shipwrightDir: ['journal.json'] });

    // A worktree added again where it was is another worktree: never taken for the run's.
    await other.git('worktree', 'prune');
    await other.git('worktree', 'add', '-q', ran.dir, 'release/0.2.0');
    await writeFile(join(ran.dir, 'CHANGELOG.md'), 'mine\n');
    const again = await shipwright(other.dir, 'abort');
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(
      `is gone: the worktree at ${ran.dir} was added after it was removed and is not the run's, so it was left alone`,
    );
    expect(await readFile(join(ran.dir, 'CHANGELOG.md'), 'utf8')).toBe('mine\n');
  });

  it("removed, and another worktree added with the same name: abort leaves that one alone and says the run's is gone", async () => {
    const { ran, other, before } = await pausedRelease('linked', track);
    await other.git('worktree', 'remove', '--force', ran.dir);
    const elsewhere = await mkdtemp(join(tmpdir(), 'shipwright-other-'));
    extraDirs.push(elsewhere);
    const impostor = join(elsewhere, basename(ran.dir));
    await other.git('worktree', 'add', '-q', impostor, '-b', 'mywork', 'dev');
    // git gives it the run's worktree's name.
    expect(await worktreeAt(impostor).git('rev-parse', '--git-dir')).toMatch(
      new RegExp(`worktrees/${basename(ran.dir)}$`),
    );
    await writeFile(join(impostor, 'CHANGELOG.md'), 'my notes\n');
    const impostorBefore = await snapshotRepo(worktreeAt(impostor));

    const refused = await shipwright(other.dir, 'continue');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      `the worktree the run works in (${ran.dir}) is gone: the worktree at ${impostor} was added after it was removed`,
    );

    const aborted = await shipwright(other.dir, 'abort');
    expect(aborted.code).toBe(3);
    expect(aborted.stdout).toContain('tag v0.2.0 deleted');
    expect(aborted.stderr).toContain(`✗ CHANGELOG.md: the worktree the run works in (${ran.dir}) is gone`);
    expect(await readFile(join(impostor, 'CHANGELOG.md'), 'utf8')).toBe('my notes\n');
    const after = await snapshotRepo(worktreeAt(impostor));
    expect({ ...after, refs: '', shipwrightDir: [] }).toEqual({ ...impostorBefore, refs: '', shipwrightDir: [] });
    // The branches and tags the run moved, which every worktree shares, are back.
    const refs = await other.git('for-each-ref', '--format=%(refname) %(objectname)');
    expect(
      refs
        .split('\n')
        .filter((line) => !line.startsWith('refs/heads/mywork '))
        .join('\n'),
    ).toBe(before.ran.refs);
  });

  it('moved by hand: continue says so, and after git worktree repair finishes there', async () => {
    const { ran, other } = await pausedRelease('linked', track);
    const elsewhere = await mkdtemp(join(tmpdir(), 'shipwright-moved-'));
    extraDirs.push(elsewhere);
    const moved = join(elsewhere, 'with space');
    await rename(ran.dir, moved);

    const refused = await shipwright(other.dir, 'continue');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`is gone from ${ran.dir}: it was moved or deleted`);
    expect(refused.stderr).toContain(
      'if it was moved: git worktree repair NEWPATH (its new path), then shipwright continue',
    );

    await other.git('worktree', 'repair', moved);
    await resolveConflict(worktreeAt(moved));
    const resumed = await shipwright(other.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Finished `shipwright release finish --yes`.');
    expect(await worktreeAt(moved).git('branch', '--show-current')).toBe('dev');
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
    expect(aborted.stdout).toContain('tag v0.2.0 deleted');
    expect(aborted.stderr).toContain(
      `✗ main back at ${mainBefore.slice(0, 7)}: it is checked out in the worktree ${other.dir}`,
    );
    expect(aborted.stderr).toContain(`by hand: cd ${other.dir} && git reset --keep ${mainBefore}`);
    // Not moved under that worktree, whose index and files would have been left behind.
    expect(await other.git('status', '--porcelain')).toBe('');
    expect(await other.git('rev-parse', 'main')).not.toBe(mainBefore);
  });
});
