// `shipwright release --release-as VERSION` (the wizard's custom version, from flags): the exact
// version is released, or refused before anything is written when it is not a version above the
// current release.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitflowRepo, createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const release = (dir: string, ...args: string[]) => runShipwright(['release', ...args], { cwd: dir, env: ENV });

describe('shipwright release --release-as', () => {
  it('releases exactly that version: package.json, changelog, tag here and on the remote', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const result = await release(repo.dir, '--release-as', '1.0.0-beta.1', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Released v1.0.0-beta.1');
    expect(JSON.parse(await readFile(join(repo.dir, 'package.json'), 'utf8')).version).toBe('1.0.0-beta.1');
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toContain('## 1.0.0-beta.1 (2024-06-01)');
    expect(await remote.git('rev-parse', 'v1.0.0-beta.1^{commit}')).toBe(await repo.git('rev-parse', 'HEAD'));
  });

  it.each([
    ['0.1.0', 'Cannot release as 0.1.0: 0.1.0 is not above the current release 0.1.0'],
    ['1.5', "Cannot release as 1.5: '1.5' is not a semantic version"],
  ])('refuses %s with exit 2 and changes nothing', async (version, message) => {
    const { repo } = await track(createReleaseRepo());
    const before = await snapshotRepo(repo);
    const result = await release(repo.dir, '--release-as', version, '--yes');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('does not go with --bump', async () => {
    const { repo } = await track(createReleaseRepo());
    const result = await release(repo.dir, '--release-as', '1.0.0', '--bump', 'minor', '--yes');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--release-as names the whole version');
  });

  it('starts a gitflow release branch for a typed prerelease and tags it for testing', async () => {
    const { repo, remote } = await track(createGitflowRepo());
    const result = await release(repo.dir, 'start', '--release-as', '0.3.0-rc.2', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe('release/0.3.0');
    expect(await remote.git('rev-parse', 'v0.3.0-rc.2^{commit}')).toBe(await repo.git('rev-parse', 'HEAD'));
  });
});
