// No release tag yet: the next version comes from package.json's, and --first-release tags it as it is.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

async function untaggedRepo(): Promise<TempRepo> {
  const repo = await createTempRepo();
  repos.push(repo);
  await repo.write('package.json', '{\n  "name": "adopted",\n  "version": "2.3.0"\n}\n');
  await repo.git('add', '.');
  await repo.commit('chore: init');
  await repo.commit('feat: a feature before shipwright');
  return repo;
}

describe('a project with no release tag yet', () => {
  it('version bumps the version package.json declares; --first-release keeps it', async () => {
    const repo = await untaggedRepo();
    expect((await runShipwright(['version'], { cwd: repo.dir })).stdout).toBe('2.4.0\n');
    expect((await runShipwright(['version', '--first-release'], { cwd: repo.dir })).stdout).toBe('2.3.0\n');
    const json = JSON.parse((await runShipwright(['version', '--json'], { cwd: repo.dir })).stdout) as {
      reason: string;
      firstRelease: boolean;
    };
    expect(json).toMatchObject({
      firstRelease: true,
      reason: expect.stringContaining('minor bump from the version the project declares'),
    });
  });

  it("release --first-release tags package.json's version without bumping it, then refuses a second time", async () => {
    const repo = await untaggedRepo();
    const first = await runShipwright(['release', '--first-release', '--yes', '--no-push'], { cwd: repo.dir });
    expect(first.code, first.stderr).toBe(0);
    expect(await repo.git('tag', '--points-at', 'HEAD')).toBe('v2.3.0');
    expect(await readFile(join(repo.dir, 'package.json'), 'utf8')).toBe(
      '{\n  "name": "adopted",\n  "version": "2.3.0"\n}\n',
    );
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toMatch(
      /^# Changelog\n\n## 2\.3\.0 \(\d{4}-\d\d-\d\d\)\n\n### Features\n\n\* a feature before shipwright /,
    );

    await repo.commit('fix: after the first release');
    const again = await runShipwright(['release', '--first-release', '--yes', '--no-push'], { cwd: repo.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('v2.3.0 is already released');
    expect(again.stderr).toContain('shipwright release');
    expect((await runShipwright(['version'], { cwd: repo.dir })).stdout).toBe('2.3.1\n');
  });

  it('--first-release does not go with --bump', async () => {
    const repo = await untaggedRepo();
    const result = await runShipwright(['release', '--first-release', '--bump', 'major', '--yes'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does not go with --bump');
  });
});
