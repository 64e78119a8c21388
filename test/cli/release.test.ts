// `shipwright release` on real repositories with a real bare remote: the happy trunk release, and
// every refusal or failure leaving refs, files, tags and the current branch exactly as they were.
import { execa } from 'execa';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReleaseRepo, rejectPushes, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo } from '../helpers/temp-repo.js';

const repos: ReleaseRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((entry) => entry.remove()));
});

async function releaseRepo(options?: Parameters<typeof createReleaseRepo>[0]): Promise<ReleaseRepo> {
  const created = await createReleaseRepo(options);
  repos.push(created);
  return created;
}

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const release = (dir: string, ...args: string[]) => runShipwright(['release', ...args], { cwd: dir, env: ENV });

describe('shipwright release (trunk)', () => {
  it('bumps package.json, updates CHANGELOG.md, commits, tags and pushes branch and tag', async () => {
    const { repo, remote } = await releaseRepo();
    const result = await release(repo.dir, '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Released v0.2.0: main and v0.2.0 pushed to origin.');

    expect((await repo.git('log', '-1', '--format=%B')).trim()).toBe('chore(release): v0.2.0');
    expect(JSON.parse(await readFile(join(repo.dir, 'package.json'), 'utf8')).version).toBe('0.2.0');
    const changelog = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n\n## 0\.2\.0 \(2024-06-01\)/);
    expect(changelog).toContain('* add the widget');
    expect(await repo.git('cat-file', '-t', 'v0.2.0')).toBe('tag');
    const tagMessage = await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.0');
    expect(tagMessage).toContain('### Features');
    expect(tagMessage).not.toContain('## 0.2.0');
    expect(await repo.git('status', '--porcelain')).toBe('');

    const head = await repo.git('rev-parse', 'HEAD');
    expect(await remote.git('rev-parse', 'refs/heads/main')).toBe(head);
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(head);
    expect(existsSync(join(repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('--no-push commits and tags locally only', async () => {
    const { repo, remote } = await releaseRepo();
    const result = await release(repo.dir, '--yes', '--no-push');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('');
  });

  it('bumps both versions of package-lock.json', async () => {
    const { repo } = await releaseRepo();
    await repo.write(
      'package-lock.json',
      `${JSON.stringify({ name: 'demo', version: '0.1.0', lockfileVersion: 3, packages: { '': { name: 'demo', version: '0.1.0' } } }, null, 2)}\n`,
    );
    await repo.git('add', '.');
    await repo.commit('chore: lockfile', { allowEmpty: true });
    await repo.git('push', '-q');
    const result = await release(repo.dir, '--yes');
    expect(result.code, result.stderr).toBe(0);
    const lock = JSON.parse(await readFile(join(repo.dir, 'package-lock.json'), 'utf8'));
    expect([lock.version, lock.packages[''].version]).toEqual(['0.2.0', '0.2.0']);
  });

  it('a push the remote rejects leaves the repository exactly as before (refs, HEAD, index, files)', async () => {
    const { repo, remote } = await releaseRepo();
    await rejectPushes(remote);
    const before = await snapshotRepo(repo);
    const remoteBefore = await remote.git('for-each-ref');
    const result = await release(repo.dir, '--yes');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('rejected the push');
    expect(result.stderr).toContain('pushes are frozen');
    expect(result.stderr).toMatch(/Restored: .*tag v0\.2\.0 deleted/);
    expect(await snapshotRepo(repo)).toEqual(before);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);
  });

  it('an undo that fails is reported with its manual command, after the original error', async () => {
    const { repo, remote } = await releaseRepo();
    // The rejecting hook also locks the new tag's ref in the local repository, so deleting it fails.
    const lock = join(repo.dir, '.git', 'refs', 'tags', 'v0.2.0.lock');
    await writeFile(
      join(remote.dir, 'hooks', 'pre-receive'),
      `#!/bin/sh\ntouch '${lock}'\necho "pushes are frozen" >&2\nexit 1\n`,
    );
    await chmod(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    const result = await release(repo.dir, '--yes');
    expect(result.code).toBe(3);
    const rejected = result.stderr.indexOf('rejected the push');
    const manual = result.stderr.indexOf(
      'Could not restore (fix by hand, then run shipwright abort to check the rest): tag v0.2.0 deleted',
    );
    expect(rejected).toBeGreaterThan(-1);
    expect(manual).toBeGreaterThan(rejected);
    expect(result.stderr).toContain('by hand: git update-ref -d refs/tags/v0.2.0');
    expect(result.stderr).toMatch(/Restored: .*main back at \w{7}/);
    expect(await repo.git('log', '-1', '--format=%s')).toBe('fix(widget): handle empty input');
    // The journal stays, so abort can finish the job once the cause is gone.
    expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(true);
    await rm(lock, { force: true });
    const aborted = await runShipwright(['abort'], { cwd: repo.dir });
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('');
    expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(false);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const { repo } = await releaseRepo();
    const before = await snapshotRepo(repo);
    const result = await release(repo.dir, '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('commit "chore(release): v0.2.0" on main');
    expect(result.stdout).toContain('push main and v0.2.0 to origin');
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('--json emits the plan, engine events and a result as JSON lines', async () => {
    const { repo } = await releaseRepo();
    const result = await release(repo.dir, '--yes', '--json');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });
    expect(lines[0]?.type).toBe('plan');
    expect(lines.filter((line) => line.type === 'step-done')).toHaveLength(6);
    expect(lines.at(-1)).toMatchObject({ type: 'result', ok: true, version: '0.2.0', tag: 'v0.2.0', pushed: true });
  });

  it('without a terminal and without --yes it fails naming --yes, writing nothing', async () => {
    const { repo } = await releaseRepo();
    const before = await snapshotRepo(repo);
    const result = await release(repo.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shipwright release --yes');
    expect(await snapshotRepo(repo)).toEqual(before);
  });
});

describe('shipwright release: versions', () => {
  it('a first release (no tags yet) gets the first version', async () => {
    const remote = await createTempRepo({ bare: true, prefix: 'shipwright-remote-' });
    const repo = await createTempRepo();
    repos.push({ repo, remote, remove: async () => void (await Promise.all([repo.remove(), remote.remove()])) });
    await repo.commit('feat: the beginning');
    await repo.git('remote', 'add', 'origin', `file://${remote.dir}`);
    await repo.git('push', '-q', '-u', 'origin', 'main');
    const result = await release(repo.dir, '--yes');
    expect(result.code, result.stderr).toBe(0);
    const tag = await repo.git('tag', '--points-at', 'HEAD');
    expect(tag).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(await remote.git('tag', '-l')).toBe(tag);
    expect(existsSync(join(repo.dir, 'package.json'))).toBe(false);
  });

  it('a prerelease, then the stable release with one section covering everything since the last stable', async () => {
    const { repo } = await releaseRepo();
    const rc = await release(repo.dir, '--yes', '--preid', 'rc');
    expect(rc.code, rc.stderr).toBe(0);
    expect(await repo.git('tag', '--points-at', 'HEAD')).toBe('v0.2.0-rc.0');
    expect(JSON.parse(await readFile(join(repo.dir, 'package.json'), 'utf8')).version).toBe('0.2.0-rc.0');
    await repo.commit('fix: found in the rc');
    await repo.git('push', '-q');
    const stable = await release(repo.dir, '--yes');
    expect(stable.code, stable.stderr).toBe(0);
    expect(await repo.git('tag', '--points-at', 'HEAD')).toBe('v0.2.0');
    const notes = await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.0');
    for (const line of ['add the widget', 'handle empty input', 'found in the rc']) expect(notes).toContain(line);
    const changelog = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog.indexOf('## 0.2.0 ')).toBeLessThan(changelog.indexOf('0.2.0-rc.0'));
  });

  it('--bump releases when no commit asks for one', async () => {
    const { repo } = await releaseRepo();
    await release(repo.dir, '--yes');
    await repo.commit('chore: tidy');
    await repo.git('push', '-q');
    const result = await release(repo.dir, '--yes', '--bump', 'patch');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('tag', '--points-at', 'HEAD')).toBe('v0.2.1');
    // Chores only: the notes say what the release is, as lerna's "Version bump only" does.
    const bumpOnly = 'Version bump only for package demo: no feature, fix or breaking change since v0.2.0.\n';
    expect(await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.1')).toBe(bumpOnly);
    const notes = await runShipwright(['changelog', '--release-notes', '0.2.1'], { cwd: repo.dir });
    expect(notes).toEqual({ code: 0, stdout: bumpOnly, stderr: '' });
  });
});

describe('shipwright release refuses before writing', () => {
  const refused = async (
    entry: ReleaseRepo,
    expected: { code: number; message: RegExp; fix: RegExp },
    ...args: string[]
  ) => {
    const before = await snapshotRepo(entry.repo);
    const result = await release(entry.repo.dir, '--yes', ...args);
    expect(result.code, result.stderr).toBe(expected.code);
    expect(result.stderr).toMatch(expected.message);
    expect(result.stderr).toMatch(expected.fix);
    expect(await snapshotRepo(entry.repo)).toEqual(before);
  };

  it('when the tag exists only on the remote', async () => {
    const entry = await releaseRepo();
    await entry.remote.git('tag', 'v0.2.0', 'main');
    await refused(entry, {
      code: 1,
      message: /tag v0\.2\.0 already exists on origin/,
      fix: /fix: .*git fetch origin tag v0\.2\.0/,
    });
  });

  it('when the tag exists locally', async () => {
    const entry = await releaseRepo();
    // On a commit outside the released history, as a tag fetched from an abandoned branch would be.
    await entry.repo.git('switch', '-q', '-c', 'side');
    await entry.repo.commit('chore: abandoned');
    await entry.repo.git('tag', 'v0.2.0');
    await entry.repo.git('switch', '-q', 'main');
    await entry.repo.git('branch', '-q', '-D', 'side');
    await refused(entry, { code: 1, message: /tag v0\.2\.0 already exists here/, fix: /fix: / });
  });

  it('with a modified file', async () => {
    const entry = await releaseRepo();
    await entry.repo.write('history.txt', 'edited\n');
    await refused(entry, { code: 1, message: /working tree is not clean/, fix: /git stash push --include-untracked/ });
  });

  it('with an untracked file', async () => {
    const entry = await releaseRepo();
    await entry.repo.write('notes.txt', 'scratch\n');
    await refused(entry, {
      code: 1,
      message: /not clean \(\?\? notes\.txt\)/,
      fix: /git stash push --include-untracked/,
    });
  });

  it('on a detached HEAD', async () => {
    const entry = await releaseRepo();
    await entry.repo.git('switch', '-q', '--detach', 'HEAD');
    await refused(entry, { code: 1, message: /HEAD is detached/, fix: /git switch main/ });
  });

  it('on another branch than production', async () => {
    const entry = await releaseRepo();
    await entry.repo.git('switch', '-q', '-c', 'feature/x');
    await refused(entry, {
      code: 1,
      message: /Releases are made on main, and this is feature\/x/,
      fix: /git switch main/,
    });
  });

  it('when the branch is behind its upstream', async () => {
    const entry = await releaseRepo();
    // Someone else pushes; this clone has not fetched yet, so only the release's own fetch sees it.
    const other = await createTempRepo({ prefix: 'shipwright-other-' });
    await other.git('fetch', '-q', `file://${entry.remote.dir}`, 'main');
    await other.git('reset', '-q', '--hard', 'FETCH_HEAD');
    await other.commit('fix: pushed from elsewhere');
    await other.git('push', '-q', `file://${entry.remote.dir}`, 'HEAD:refs/heads/main');
    await other.remove();
    const before = await snapshotRepo(entry.repo);
    const result = await release(entry.repo.dir, '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/main is 1 commit behind origin/);
    expect(result.stderr).toMatch(/fix: git switch main && git pull --rebase origin main/);
    // Only the fetch moved something: the remote-tracking ref, which is its job.
    const after = await snapshotRepo(entry.repo);
    const withoutTracking = (refs: string) =>
      refs
        .split('\n')
        .filter((line) => !line.startsWith('refs/remotes/'))
        .join('\n');
    expect({ ...after, refs: withoutTracking(after.refs) }).toEqual({ ...before, refs: withoutTracking(before.refs) });
  });

  it('when the upstream branch was deleted on the remote, naming --unset-upstream', async () => {
    const entry = await releaseRepo();
    await entry.remote.git('update-ref', '-d', 'refs/heads/main');
    const result = await release(entry.repo.dir, '--dry-run');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('which no longer exists there');
    expect(result.stderr).toContain('git branch --unset-upstream main');
  });

  it('when the branch is behind its remote-tracking ref', async () => {
    const entry = await releaseRepo();
    const head = await entry.repo.git('rev-parse', 'HEAD');
    await entry.repo.commit('fix: pushed from elsewhere');
    await entry.repo.git('push', '-q');
    await entry.repo.git('reset', '-q', '--hard', head);
    await refused(entry, { code: 1, message: /main is 1 commit behind origin/, fix: /git pull --rebase origin main/ });
  });

  it('when nothing is releasable, naming --bump', async () => {
    const entry = await releaseRepo();
    await entry.repo.commit('chore: tidy');
    await entry.repo.git('tag', '-a', '-m', 'x', 'v0.2.0');
    await entry.repo.git('push', '-q', '--follow-tags');
    await refused(entry, { code: 1, message: /Nothing to release since v0\.2\.0/, fix: /--bump patch/ });
  });

  it('in a shallow clone', async () => {
    const entry = await releaseRepo();
    const shallow = await createTempRepo({ prefix: 'shipwright-shallow-' });
    await shallow.remove();
    await execa('git', ['clone', '-q', '--depth', '1', `file://${entry.remote.dir}`, shallow.dir]);
    const result = await release(shallow.dir, '--yes');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('shallow clone');
    expect(result.stderr).toContain('git fetch --unshallow --tags');
    await shallow.remove();
  });

  it('when the preRelease command fails (run first, as argv; --dry-run does not run it)', async () => {
    const entry = await releaseRepo();
    const marker = join(entry.repo.dir, '.git', 'pre-release-ran');
    const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, ''); console.error('2 tests failed'); process.exit(1)`;
    await entry.repo.commit('chore: check before releasing', {
      path: 'shipwright.config.json',
      content: `${JSON.stringify({ preRelease: [process.execPath, '-e', script] })}\n`,
    });
    await entry.repo.git('push', '-q');
    const dry = await release(entry.repo.dir, '--dry-run');
    expect(dry.stdout).toContain('1. checklist: preRelease (');
    expect(existsSync(marker)).toBe(false);
    const before = await snapshotRepo(entry.repo);
    const result = await release(entry.repo.dir, '--yes');
    expect(result.code).toBe(1); // a refused check, per CLI.md
    expect(result.stderr).toContain('2 tests failed');
    expect(result.stderr).toContain('Nothing had been changed yet.');
    expect(existsSync(marker)).toBe(true);
    expect(await snapshotRepo(entry.repo)).toEqual(before);
  });

  it('when package.json does not parse', async () => {
    const entry = await releaseRepo();
    await entry.repo.commit('chore: break it', { path: 'package.json', content: '{ "version": ' });
    await entry.repo.git('push', '-q');
    const result = await release(entry.repo.dir, '--yes');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/package\.json is not valid JSON/);
  });
});

describe('names with shell metacharacters never reach a shell', () => {
  it('releases from a branch and with a tag prefix full of metacharacters, literally', async () => {
    const branch = 'main;touch${IFS}pwned-branch';
    const tagPrefix = 'rel$(touch${IFS}pwned-tag)&-';
    const { repo, remote } = await releaseRepo({
      branch,
      config: { branches: { production: branch, integration: 'dev' }, tagPrefix },
    });
    const result = await release(repo.dir, '--yes');
    expect(result.code, result.stderr).toBe(0);
    const tag = `${tagPrefix}0.2.0`;
    expect(await repo.git('tag', '-l', tag)).toBe(tag);
    expect(await remote.git('rev-parse', `refs/heads/${branch}`)).toBe(await repo.git('rev-parse', 'HEAD'));
    expect(await remote.git('tag', '-l', tag)).toBe(tag);
    for (const name of ['pwned-branch', 'pwned-tag']) expect(existsSync(join(repo.dir, name))).toBe(false);
  });

  it('refuses a tag prefix with a leading dash', async () => {
    const { repo } = await releaseRepo();
    await repo.commit('chore: dash prefix', { path: 'shipwright.config.json', content: '{ "tagPrefix": "-v" }\n' });
    await repo.git('push', '-q');
    const before = await snapshotRepo(repo);
    const result = await release(repo.dir, '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/'-v[\d.]+' is not a valid tag name/);
    expect(await snapshotRepo(repo)).toEqual(before);
  });
});
