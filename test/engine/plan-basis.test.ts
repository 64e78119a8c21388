// The engine runs a plan only on the repository it was made from: an edit made while the
// confirmation waits (CLI prompt, TUI wizard: both prepare, then execute) is never overwritten.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { prepareRelease } from '../../src/app/prepare-release.js';
import { executePlan } from '../../src/engine/execute-plan.js';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';

const track = removedAfterEach();

const prepare = async (dir: string) =>
  prepareRelease(await openRepo(dir, { refusePendingRun: true }), { push: true, day: '2024-06-01' });

describe('plan basis', () => {
  it('an edit to a version file made after planning is refused, with nothing written', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const release = await prepare(repo.dir);
    await writeFile(
      join(repo.dir, 'package.json'),
      '{\n  "name": "demo",\n  "version": "0.1.0",\n  "private": true\n}\n',
    );
    const before = await snapshotRepo(repo);
    const remoteBefore = await remote.git('for-each-ref');
    await expect(executePlan(repo.dir, release.plan)).rejects.toMatchObject({
      code: 'plan-stale',
      message: expect.stringContaining('package.json changed'),
    });
    expect(await snapshotRepo(repo)).toEqual(before);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);
  });

  it('a commit made after planning (HEAD moved) and an untracked file are refused', async () => {
    const { repo } = await track(createReleaseRepo());
    const release = await prepare(repo.dir);
    await repo.commit('fix: one more');
    await expect(executePlan(repo.dir, release.plan)).rejects.toMatchObject({
      code: 'plan-stale',
      message: expect.stringMatching(/HEAD \(now main at [0-9a-f]{7}\) changed[\s\S]*refs\/heads\/main changed/),
    });

    const again = await prepare(repo.dir);
    await repo.write('notes.txt', 'scratch\n');
    const before = await snapshotRepo(repo);
    await expect(executePlan(repo.dir, again.plan)).rejects.toMatchObject({
      code: 'plan-stale',
      message: expect.stringContaining('notes.txt is not committed'),
    });
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('an unchanged repository runs the plan', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const release = await prepare(repo.dir);
    await executePlan(repo.dir, release.plan);
    expect(await remote.git('tag', '-l')).toContain('v0.2.0');
  });
});
