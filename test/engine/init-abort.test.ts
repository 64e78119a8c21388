// `init` killed right after its husky step: `abort` puts core.hooksPath back and removes what husky made.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../helpers/hooked-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo } from '../helpers/temp-repo.js';

describe('init killed after husky', () => {
  it('abort restores core.hooksPath and every file', async () => {
    const repo = await createTempRepo();
    try {
      await repo.write('package.json', '{\n  "name": "demo",\n  "version": "0.1.0"\n}\n');
      await repo.git('add', '.');
      await repo.commit('chore: initial commit');
      await repo.git('config', 'core.hooksPath', 'old-hooks');
      const before = await snapshotRepo(repo);
      const planned = await runShipwright(['init', '--dry-run', '--no-install'], { cwd: repo.dir });
      const husky = /^ {2}(\d+)\. run husky/m.exec(planned.stdout);
      expect(husky, planned.stdout).not.toBeNull();
      const index = Number(husky?.[1]) - 1;
      const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'init', '--yes', '--no-install'], {
        cwd: repo.dir,
        env: { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: `${index}:SIGKILL` },
        reject: false,
        stdin: 'ignore',
      });
      expect(killed.signal).toBe('SIGKILL');
      expect(await repo.git('config', 'core.hooksPath')).toBe('.husky/_');
      const aborted = await runShipwright(['abort'], { cwd: repo.dir });
      expect(aborted.code, aborted.stderr).toBe(0);
      expect(await repo.git('config', 'core.hooksPath')).toBe('old-hooks');
      expect(await snapshotRepo(repo)).toEqual(before);
    } finally {
      await repo.remove();
    }
  });
});
