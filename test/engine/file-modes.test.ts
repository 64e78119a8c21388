// What a release writes keeps what the file was: its mode (a 100755 version file stays 100755),
// a symlink inside the repository stays a symlink whose target gets the new bytes, a failed
// release puts a symlink back as that symlink, and a path that leads outside the repository
// through a symlinked folder is refused with nothing written.
import { chmod, lstat, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeFiles } from '../helpers/crash-matrix.js';
import { createReleaseRepo, rejectPushes, removedAfterEach } from '../helpers/release-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();
const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const release = (dir: string) => runShipwright(['release', '--yes'], { cwd: dir, env: ENV });
const indexMode = async (repo: { git(...args: string[]): Promise<string> }, path: string) =>
  (await repo.git('ls-files', '-s', '--', path)).split(' ')[0];

/** A released repository whose CHANGELOG.md is a symlink to docs/CHANGELOG.md (committed, pushed). */
async function symlinkedChangelog() {
  const entry = await track(createReleaseRepo());
  await entry.repo.write('docs/CHANGELOG.md', '# Changelog\n');
  await symlink('docs/CHANGELOG.md', join(entry.repo.dir, 'CHANGELOG.md'));
  await entry.repo.git('add', '.');
  await entry.repo.commit('docs: the changelog lives in docs/', { allowEmpty: true });
  await entry.repo.git('push', '-q');
  return entry;
}

describe('writes keep modes and follow symlinks inside the repository', () => {
  it.fails('a release keeps a 100755 version file executable, in the tree and in the commit [CM-8]', async () => {
    const { repo } = await track(createReleaseRepo());
    await chmod(join(repo.dir, 'package.json'), 0o755);
    await repo.git('add', 'package.json');
    await repo.commit('chore: package.json is executable', { allowEmpty: true });
    await repo.git('push', '-q');
    const released = await release(repo.dir);
    expect(released.code, released.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(repo.dir, 'package.json'), 'utf8')).version).toBe('0.2.0');
    expect((await stat(join(repo.dir, 'package.json'))).mode & 0o777).toBe(0o755);
    expect(await indexMode(repo, 'package.json')).toBe('100755');
    expect(await repo.git('ls-tree', 'HEAD', 'package.json')).toMatch(/^100755 /);
  });

  it.fails('a release writes the target of a symlinked CHANGELOG.md and leaves the link a link [CM-9]', async () => {
    const { repo } = await symlinkedChangelog();
    const released = await release(repo.dir);
    expect(released.code, released.stderr).toBe(0);
    expect((await lstat(join(repo.dir, 'CHANGELOG.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(repo.dir, 'CHANGELOG.md'))).toBe('docs/CHANGELOG.md');
    expect(await readFile(join(repo.dir, 'docs', 'CHANGELOG.md'), 'utf8')).toContain('## 0.2.0');
    expect(await repo.git('show', 'HEAD:docs/CHANGELOG.md')).toContain('## 0.2.0');
    expect(await indexMode(repo, 'CHANGELOG.md')).toBe('120000');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it.fails('a release the remote refuses puts a symlinked CHANGELOG.md back as the same symlink [CM-9]', async () => {
    const { repo, remote } = await symlinkedChangelog();
    await rejectPushes(remote);
    const before = await treeFiles(repo.dir);
    const refsBefore = await repo.git('for-each-ref', '--format=%(refname) %(objectname)');
    const released = await release(repo.dir);
    expect(released.code).not.toBe(0);
    expect(released.stderr).toContain('pushes are frozen');
    expect(await treeFiles(repo.dir)).toEqual(before);
    expect(await repo.git('for-each-ref', '--format=%(refname) %(objectname)')).toBe(refsBefore);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it.fails(
    'a version file reached through a symlinked folder outside the repository is refused, nothing written [CM-10]',
    async () => {
      const outside = await mkdtemp(join(tmpdir(), 'shipwright-outside-'));
      try {
        const text = "version = '0.1.0'\n";
        await writeFile(join(outside, 'version.txt'), text);
        const entry = await track(
          createReleaseRepo({
            config: { versionFiles: [{ path: 'ext/version.txt', pattern: "^version = '([^']*)'" }] },
          }),
        );
        const { repo } = entry;
        await symlink(outside, join(repo.dir, 'ext'));
        await repo.git('add', '.');
        await repo.commit('chore: the shared version folder', { allowEmpty: true });
        await repo.git('push', '-q');
        const before = await treeFiles(repo.dir);
        const refsBefore = await repo.git('for-each-ref', '--format=%(refname) %(objectname)');
        const released = await release(repo.dir);
        expect(released.code).not.toBe(0);
        expect(released.stderr).toContain('ext/version.txt');
        expect(released.stderr).toContain('outside the repository');
        expect(await readFile(join(outside, 'version.txt'), 'utf8')).toBe(text);
        expect(await treeFiles(repo.dir)).toEqual(before);
        expect(await repo.git('for-each-ref', '--format=%(refname) %(objectname)')).toBe(refsBefore);
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    },
  );
});
