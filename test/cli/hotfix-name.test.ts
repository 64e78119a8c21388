// `hotfix start NAME` checks the name, its length included, before anything is written.
import { describe, expect, it } from 'vitest';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();

describe('hotfix start NAME', () => {
  it('refuses a 300-character name with nothing written, and takes one of 64', async () => {
    const { repo } = await track(createReleaseRepo());
    const before = await snapshotRepo(repo);
    const long = await runShipwright(['hotfix', 'start', 'a'.repeat(300), '--yes'], { cwd: repo.dir });
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('at most 64 characters; got 300 characters');
    expect(await snapshotRepo(repo)).toEqual(before);
    const fits = await runShipwright(['hotfix', 'start', 'b'.repeat(64), '--yes'], { cwd: repo.dir });
    expect(fits.code, fits.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe(`hotfix/0.1.1-${'b'.repeat(64)}`);
  });
});
