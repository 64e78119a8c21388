// What git's children inherit from shipwright's git calls: buffered output is for streamed reads.
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLogArray } from '../../src/git/read-log.js';
import { runGit } from '../../src/git/run-git.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('runGit', () => {
  it('never hands GIT_FLUSH=0 to the hooks a commit runs; streamed log reads still work', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    await repo.write(
      '.git/hooks/pre-commit',
      '#!/bin/sh\nprintf "GIT_FLUSH=%s\\n" "${GIT_FLUSH-unset}" > .git/hook-env\n',
    );
    await chmod(hook, 0o755);
    await runGit(repo.dir, ['commit', '--allow-empty', '-q', '-m', 'fix: second']);
    expect(await readFile(join(repo.dir, '.git', 'hook-env'), 'utf8')).toBe(
      `GIT_FLUSH=${process.env.GIT_FLUSH ?? 'unset'}\n`,
    );
    expect((await readLogArray(repo.dir, { include: ['HEAD'] })).map((commit) => commit.message.trim())).toEqual([
      'fix: second',
      'feat: first',
    ]);
  });
});
