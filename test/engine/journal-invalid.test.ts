// One journal format: a journal that does not parse, or is not of that format, is never guessed
// at. continue and abort refuse it (nothing written), naming what to do; once it is removed as the
// message says, the next run goes ahead.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quoteShellWord } from '../../src/core/display-text/shell-words.js';
import { createReleaseRepo, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const repos: ReleaseRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((entry) => entry.remove()));
});

describe('a journal of no known format', () => {
  it('is refused by continue and abort with the way out, and a run goes ahead once it is removed', async () => {
    const created = await createReleaseRepo();
    repos.push(created);
    const { repo } = created;
    const dir = join(repo.dir, '.git', 'shipwright');
    const path = join(dir, 'journal.json');
    await mkdir(dir, { recursive: true });
    const journals = [
      '{"version": 2, "command": "shipwright release --y',
      JSON.stringify({ version: 1, command: 'shipwright release --yes', done: [] }),
      JSON.stringify({ version: 2, command: 'shipwright release --yes', done: [] }),
    ];
    for (const text of journals) {
      await writeFile(path, text);
      const before = await snapshotRepo(repo);
      for (const command of ['continue', 'abort']) {
        const result = await runShipwright([command], { cwd: repo.dir });
        expect(result.code, result.stderr).toBe(3);
        expect(result.stderr).toContain('The journal of the interrupted run cannot be read');
        expect(result.stderr).toContain(`rm ${quoteShellWord(path)}`);
        expect(await snapshotRepo(repo)).toEqual(before);
      }
    }
    await rm(path);
    const again = await runShipwright(['release', '--yes'], {
      cwd: repo.dir,
      env: { SOURCE_DATE_EPOCH: '1717200000' },
    });
    expect(again.code, again.stderr).toBe(0);
  });
});
