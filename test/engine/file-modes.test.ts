// Writes keep a file's mode, follow a symlink that stays inside the repository, put a symlink back
// as a symlink, and refuse a path that leads outside the repository before anything is written.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../helpers/hooked-repo.js';
import { createReleaseRepo, PACKAGE_JSON, rejectPushes, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();
const outside: string[] = [];
afterEach(async () => {
  await Promise.all(outside.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const release = (dir: string, ...args: string[]) =>
  runShipwright(['release', ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1717200000' } });

/** A release repository whose CHANGELOG.md is a symlink to docs/CHANGELOG.md and whose package.json is 100755. */
async function linkedRepo() {
  const entry = await track(createReleaseRepo());
  const { repo } = entry;
  await repo.write('docs/CHANGELOG.md', '# Changelog\n');
  await symlink('docs/CHANGELOG.md', join(repo.dir, 'CHANGELOG.md'));
  await chmod(join(repo.dir, 'package.json'), 0o755);
  await repo.git('add', '-A');
  await repo.commit('chore: changelog in docs, executable package.json');
  await repo.git('push', '-q');
  return entry;
}

const modeOf = async (path: string) => (await lstat(path)).mode & 0o777;

describe('file modes and symlinks', () => {
  it('a release keeps a 100755 version file 100755 and a symlinked CHANGELOG.md a symlink, its target updated', async () => {
    const { repo } = await linkedRepo();
    const result = await release(repo.dir, '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('ls-files', '-s', 'package.json')).toMatch(/^100755 /);
    expect(await modeOf(join(repo.dir, 'package.json'))).toBe(0o755);
    expect(JSON.parse(await readFile(join(repo.dir, 'package.json'), 'utf8')).version).toBe('0.2.0');
    expect((await lstat(join(repo.dir, 'CHANGELOG.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(repo.dir, 'CHANGELOG.md'))).toBe('docs/CHANGELOG.md');
    expect(await repo.git('ls-files', '-s', 'CHANGELOG.md')).toMatch(/^120000 /);
    expect(await readFile(join(repo.dir, 'docs/CHANGELOG.md'), 'utf8')).toContain('0.2.0');
    // The target's update is in the release commit, and nothing is left uncommitted.
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).split('\n').sort()).toEqual([
      'docs/CHANGELOG.md',
      'package.json',
    ]);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('a failed release puts the symlink back as the symlink and the mode as it was', async () => {
    const { repo, remote } = await linkedRepo();
    await rejectPushes(remote);
    const before = await snapshotRepo(repo);
    const result = await release(repo.dir, '--yes');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('rejected the push');
    expect(await snapshotRepo(repo)).toEqual(before);
    expect((await lstat(join(repo.dir, 'CHANGELOG.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(repo.dir, 'CHANGELOG.md'))).toBe('docs/CHANGELOG.md');
    expect(await modeOf(join(repo.dir, 'package.json'))).toBe(0o755);
  });

  it('abort after a kill -9 puts a symlink replaced by a file back as the symlink', async () => {
    const { repo } = await linkedRepo();
    const before = await snapshotRepo(repo);
    const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'release', '--yes'], {
      cwd: repo.dir,
      env: { SOURCE_DATE_EPOCH: '1717200000', SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '1:SIGKILL' },
      reject: false,
    });
    expect(killed.signal).toBe('SIGKILL');
    // As if something replaced the link by a regular file while the run was dead.
    await rm(join(repo.dir, 'CHANGELOG.md'));
    await writeFile(join(repo.dir, 'CHANGELOG.md'), 'not a link\n');
    const aborted = await runShipwright(['abort'], { cwd: repo.dir });
    expect(aborted.code, aborted.stderr).toBe(0);
    expect((await lstat(join(repo.dir, 'CHANGELOG.md'))).isSymbolicLink()).toBe(true);
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  for (const how of ['the version file is a symlink', 'a symlinked folder'] as const) {
    it(`a version file that leads outside the repository (${how}) is refused before anything is written`, async () => {
      const elsewhere = await mkdtemp(join(tmpdir(), 'shipwright-outside-'));
      outside.push(elsewhere);
      await writeFile(join(elsewhere, 'package.json'), PACKAGE_JSON);
      const entry = await track(
        createReleaseRepo(how === 'a symlinked folder' ? { config: { versionFiles: ['app/package.json'] } } : {}),
      );
      const { repo } = entry;
      if (how === 'a symlinked folder') await symlink(elsewhere, join(repo.dir, 'app'));
      else {
        await rm(join(repo.dir, 'package.json'));
        await symlink(join(elsewhere, 'package.json'), join(repo.dir, 'package.json'));
      }
      await repo.git('add', '-A');
      await repo.commit('chore: the version file elsewhere');
      await repo.git('push', '-q');
      const before = await snapshotRepo(repo);

      const result = await release(repo.dir, '--yes');
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(
        `leads through a symlink to ${join(elsewhere, 'package.json')}, outside the repository. Nothing was written.`,
      );
      expect(await readFile(join(elsewhere, 'package.json'), 'utf8')).toBe(PACKAGE_JSON);
      expect(await snapshotRepo(repo)).toEqual(before);
      expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(false);
    });
  }
});
