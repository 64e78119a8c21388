// One hook run at a time per repository: a second `git commit` in another terminal is refused
// instead of letting two lint-staged runs stash and restore over each other.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFailed } from '../core/errors.js';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock or throws; returns the release function (also run on SIGINT/SIGTERM exit). */
export function acquireHookLock(gitDir: string, hook: string): () => void {
  const dir = join(gitDir, 'shipwright');
  const path = join(dir, 'hook.lock');
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid} ${hook}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText = '', holder = 'hook'] = readFileSync(path, 'utf8').trim().split(' ');
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw checkFailed(`Another shipwright ${holder} hook (process ${pid}) is running in this repository, so this one stopped before touching anything.`, {
          code: 'hook-locked',
          fix: `wait for it to finish and run the command again (if no commit is running, delete ${path})`,
        });
      }
      rmSync(path, { force: true }); // the holder died without cleaning up
    }
  }
  throw checkFailed('Could not take the hook lock.', { code: 'hook-locked', fix: `delete ${path} and try again` });
}
