// Gitflow releases on real repositories with a real bare remote: `release start` cuts
// release/X.Y.Z from dev, `release finish` merges it into main, tags, merges back into dev, deletes
// it and pushes atomically; a back-merge conflict pauses for `continue` or `abort`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitflowRepo, startReleaseWithConflictingDev, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const repos: ReleaseRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((entry) => entry.remove()));
});

async function gitflowRepo(): Promise<ReleaseRepo> {
  const created = await createGitflowRepo();
  repos.push(created);
  return created;
}

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const shipwright = (dir: string, ...args: string[]) => runShipwright(args, { cwd: dir, env: ENV });
const parents = async (entry: ReleaseRepo, ref: string) =>
  (await entry.repo.git('rev-list', '--parents', '-n', '1', ref)).split(' ').slice(1);

describe('shipwright release start (gitflow)', () => {
  it('cuts release/0.2.0 from dev with the version bumped, pushes it, and leaves dev alone', async () => {
    const entry = await gitflowRepo();
    const { repo, remote } = entry;
    const devBefore = await repo.git('rev-parse', 'dev');
    const result = await shipwright(repo.dir, 'release', 'start', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Started v0.2.0 on a new release branch and pushed to origin');
    expect(await repo.git('branch', '--show-current')).toBe('release/0.2.0');
    expect((await repo.git('log', '-1', '--format=%s')).trim()).toBe('chore(release): start v0.2.0');
    expect(JSON.parse(await readFile(join(repo.dir, 'package.json'), 'utf8')).version).toBe('0.2.0');
    expect(existsSync(join(repo.dir, 'CHANGELOG.md'))).toBe(false);
    expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);
    expect(await remote.git('rev-parse', 'refs/heads/release/0.2.0')).toBe(await repo.git('rev-parse', 'HEAD'));
    // It tracks the remote branch, so `git push` and `git pull` work on it straight away.
    expect(await repo.git('rev-parse', '--abbrev-ref', 'release/0.2.0@{upstream}')).toBe('origin/release/0.2.0');
  });

  it('is what `shipwright release` does on dev, and the plan says so', async () => {
    const { repo } = await gitflowRepo();
    const result = await shipwright(repo.dir, 'release', '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Start release v0.2.0:');
    expect(result.stdout).toContain('create release/0.2.0 from dev');
  });

  it('with --preid rc tags the new branch v0.2.0-rc.0 for testing', async () => {
    const { repo, remote } = await gitflowRepo();
    const result = await shipwright(repo.dir, 'release', 'start', '--preid', 'rc', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe('release/0.2.0');
    expect(JSON.parse(await readFile(join(repo.dir, 'package.json'), 'utf8')).version).toBe('0.2.0-rc.0');
    expect(await repo.git('rev-parse', 'v0.2.0-rc.0^{commit}')).toBe(await repo.git('rev-parse', 'HEAD'));
    expect(await remote.git('tag', '-l', 'v0.2.0-rc.0')).toBe('v0.2.0-rc.0');
  });

  it('refuses a second start of the same version', async () => {
    const { repo } = await gitflowRepo();
    expect((await shipwright(repo.dir, 'release', 'start', '--yes')).code).toBe(0);
    await repo.git('switch', '-q', 'dev');
    const result = await shipwright(repo.dir, 'release', 'start', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('release/0.2.0 already exists');
    expect(result.stderr).toContain('shipwright release finish');
  });
});

describe('shipwright release finish (gitflow)', () => {
  it('merges into main (--no-ff), tags there, merges back into dev, deletes the branch and pushes it all', async () => {
    const entry = await gitflowRepo();
    const { repo, remote } = entry;
    expect((await shipwright(repo.dir, 'release', 'start', '--preid', 'rc', '--yes')).code).toBe(0);
    await repo.commit('fix: a bug found while testing the release');
    await repo.git('push', '-q');
    const mainBefore = await repo.git('rev-parse', 'main');

    const result = await shipwright(repo.dir, 'release', 'finish', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe('dev');
    expect(await repo.git('branch', '--list', 'release/*')).toBe('');

    const [first, second] = await parents(entry, 'main');
    expect(first).toBe(mainBefore);
    expect(await repo.git('log', '-1', '--format=%s', second as string)).toBe('chore(release): v0.2.0');
    expect(await repo.git('rev-parse', 'v0.2.0^{commit}')).toBe(await repo.git('rev-parse', 'main'));
    expect((await parents(entry, 'dev'))[1]).toBe(await repo.git('rev-parse', 'main'));

    // One stable section covering everything since v0.1.0, the rc and the fix on the branch included.
    const changelog = await repo.git('show', 'main:CHANGELOG.md');
    expect(changelog).toMatch(/^# Changelog\n\n## 0\.2\.0 \(2024-06-01\)/);
    expect(changelog).toContain('add the widget');
    expect(changelog).toContain('a bug found while testing the release');
    expect(JSON.parse(await repo.git('show', 'main:package.json')).version).toBe('0.2.0');
    expect(await repo.git('status', '--porcelain')).toBe('');

    for (const ref of ['refs/heads/main', 'refs/heads/dev'])
      expect(await remote.git('rev-parse', ref)).toBe(await repo.git('rev-parse', ref));
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(await repo.git('rev-parse', 'main'));
    expect(await remote.git('branch', '--list', 'release/*')).toBe('');
    expect(existsSync(join(repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('lists a fix that reached main outside the release branch (a hotfix not back-merged): it is in the tag', async () => {
    const entry = await gitflowRepo();
    const { repo } = entry;
    expect((await shipwright(repo.dir, 'release', 'start', '--yes')).code).toBe(0);
    await repo.git('switch', '-q', 'main');
    await repo.commit('fix(login): reject an empty password', { path: 'login.txt' });
    await repo.git('push', '-q');
    await repo.git('switch', '-q', 'release/0.2.0');

    const result = await shipwright(repo.dir, 'release', 'finish', '--yes');
    expect(result.code, result.stderr).toBe(0);
    const fixed = await repo.git('log', '-1', '--format=%H', '--grep', 'reject an empty password', 'main');
    expect(await repo.git('merge-base', '--is-ancestor', fixed, 'v0.2.0').then(() => true)).toBe(true);
    const notes = await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.0');
    for (const line of ['add the widget', 'handle empty input', '**login:** reject an empty password'])
      expect(notes).toContain(line);
    const section = (await repo.git('show', 'v0.2.0:CHANGELOG.md')).split(/^## /m)[1] ?? '';
    expect(section).toContain('**login:** reject an empty password');
  });

  it('a tagged hotfix not back-merged stays in its own release: v0.2.0 compares with v0.1.1 and does not repeat it', async () => {
    const entry = await gitflowRepo();
    const { repo } = entry;
    expect((await shipwright(repo.dir, 'release', 'start', '--yes')).code).toBe(0);
    await repo.git('switch', '-q', 'main');
    await repo.commit('fix(login): reject an empty password', { path: 'login.txt' });
    await repo.tag('v0.1.1', { message: 'v0.1.1' });
    await repo.git('push', '-q', '--follow-tags');
    await repo.git('switch', '-q', 'release/0.2.0');

    const result = await shipwright(repo.dir, 'release', 'finish', '--yes');
    expect(result.code, result.stderr).toBe(0);
    const notes = await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.0');
    expect(notes).toContain('add the widget');
    expect(notes).not.toContain('reject an empty password');
    const notesCommand = await shipwright(repo.dir, 'changelog', '--release-notes', '0.2.0');
    expect(notesCommand.stdout).toBe(notes);
  });

  it('--dry-run leaves the repository byte-identical', async () => {
    const entry = await gitflowRepo();
    expect((await shipwright(entry.repo.dir, 'release', 'start', '--yes')).code).toBe(0);
    const before = await snapshotRepo(entry.repo);
    const result = await shipwright(entry.repo.dir, 'release', 'finish', '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('merge release/0.2.0 into main (--no-ff)');
    expect(result.stdout).toContain('merge main back into dev (--no-ff)');
    expect(await snapshotRepo(entry.repo)).toEqual(before);
  });

  it('refuses on a branch that is not a release branch', async () => {
    const { repo } = await gitflowRepo();
    const result = await shipwright(repo.dir, 'release', 'finish', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('git switch release/<version>');
  });

  it('a back-merge conflict pauses with the files listed; continue refuses until resolved, then finishes', async () => {
    const entry = await gitflowRepo();
    const { repo, remote } = entry;
    await startReleaseWithConflictingDev(entry);
    const remoteBefore = await remote.git('for-each-ref');

    const paused = await shipwright(repo.dir, 'release', 'finish', '--yes');
    expect(paused.code).toBe(1);
    expect(paused.stderr).toMatch(/merge main back into dev \(--no-ff\): stopped on conflicts in\n {2}package\.json/);
    expect(paused.stderr).toContain('shipwright continue');
    expect(paused.stderr).toContain('shipwright abort');
    expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(true);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);

    // Another release cannot start meanwhile.
    const blocked = await shipwright(repo.dir, 'release', '--dry-run');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('shipwright continue');

    const unresolved = await shipwright(repo.dir, 'continue');
    expect(unresolved.code).toBe(1);
    expect(unresolved.stderr).toContain('still has conflicts in:\n  package.json');

    await repo.write('package.json', '{\n  "name": "demo",\n  "version": "0.2.0"\n}\n');
    await repo.git('add', 'package.json');
    const resumed = await shipwright(repo.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('conflicts resolved, merge committed');
    expect(await repo.git('branch', '--show-current')).toBe('dev');
    expect((await parents(entry, 'dev'))[1]).toBe(await repo.git('rev-parse', 'main'));
    expect(await repo.git('branch', '--list', 'release/*')).toBe('');
    expect(await remote.git('rev-parse', 'refs/heads/dev')).toBe(await repo.git('rev-parse', 'dev'));
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(await repo.git('rev-parse', 'main'));
    expect(existsSync(join(repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('abort after a back-merge conflict puts every branch, tag and file back', async () => {
    const entry = await gitflowRepo();
    const { repo } = entry;
    await startReleaseWithConflictingDev(entry);
    const before = await snapshotRepo(repo);
    expect((await shipwright(repo.dir, 'release', 'finish', '--yes')).code).toBe(1);
    const aborted = await shipwright(repo.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain('tag v0.2.0 deleted');
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('a conflict merging into main cannot be skipped: main is the release', async () => {
    const entry = await gitflowRepo();
    const { repo } = entry;
    expect((await shipwright(repo.dir, 'release', 'start', '--yes')).code).toBe(0);
    await repo.git('switch', '-q', 'main');
    await repo.commit('fix: a hotfix on main', {
      path: 'package.json',
      content: '{\n  "name": "demo",\n  "version": "0.1.1"\n}\n',
    });
    await repo.git('push', '-q');
    await repo.git('switch', '-q', 'release/0.2.0');
    const before = await snapshotRepo(repo);
    const paused = await shipwright(repo.dir, 'release', 'finish', '--yes');
    expect(paused.code).toBe(1);
    expect(paused.stderr).toContain('merge release/0.2.0 into main (--no-ff): stopped on conflicts');
    expect(paused.stderr).not.toContain('continue --skip');
    const skipped = await shipwright(repo.dir, 'continue', '--skip');
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toContain('cannot be skipped');
    expect((await shipwright(repo.dir, 'abort')).code).toBe(0);
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('continue --skip leaves dev for later, pushes the rest and says how to finish it', async () => {
    const entry = await gitflowRepo();
    const { repo, remote } = entry;
    await startReleaseWithConflictingDev(entry);
    const devBefore = await repo.git('rev-parse', 'dev');
    expect((await shipwright(repo.dir, 'release', 'finish', '--yes')).code).toBe(1);
    const skipped = await shipwright(repo.dir, 'continue', '--skip');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('Left for later: dev');
    expect(skipped.stdout).toContain(
      `git switch dev && git merge --no-ff ${(await repo.git('rev-parse', 'main')).slice(0, 12)}`,
    );
    expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);
    expect(await remote.git('rev-parse', 'refs/heads/dev')).toBe(devBefore);
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(await repo.git('rev-parse', 'main'));
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});
