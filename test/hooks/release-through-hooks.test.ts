// The release commit goes through the repository's own installed hooks (commit-msg, pre-commit)
// like any commit, and passes them: its message is conventional and it is made by the engine.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHookedRepo, type HookedRepo } from '../helpers/hooked-repo.js';

const repos: HookedRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

describe('shipwright release with shipwright hooks installed', () => {
  it('trunk: the release commit passes commit-msg and pre-commit, and is tagged', async () => {
    const repo = await createHookedRepo({ workflow: 'trunk' });
    repos.push(repo);
    await repo.commitNoVerify('chore: set up');
    await repo.write('feature.txt', 'new\n');
    await repo.commitNoVerify('feat: a feature');
    const result = await repo.shipwright(['release', '--yes', '--no-push']);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(await repo.read('log', '-1', '--format=%s')).toMatch(/^chore\(release\): v\d+\.\d+\.\d+$/);
    expect(await repo.read('tag', '--points-at', 'HEAD')).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toContain('a feature');
    expect(await repo.read('status', '--porcelain')).toBe('');
  });
});
