// One engine run at a time per repository (.git/shipwright/engine.lock), and no new run while an
// interrupted one's journal waits for `shipwright continue` or `shipwright abort`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFailed } from '../core/errors.js';
import { journalPath, shipwrightDir } from './journal.js';

const isAlive = (pid: number): boolean => {
  // 0 and negative numbers would signal a whole process group.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const lockPath = (gitDir: string): string => join(shipwrightDir(gitDir), 'engine.lock');

interface Holder {
  pid: number;
  command: string;
}

function readHolder(gitDir: string): Holder | null {
  const text = (() => {
    try {
      return readFileSync(lockPath(gitDir), 'utf8');
    } catch {
      return null;
    }
  })();
  if (text === null) return null;
  const [pidText = '', ...rest] = text.trim().split(' ');
  const pid = Number(pidText);
  return Number.isInteger(pid) && pid > 0 ? { pid, command: rest.join(' ') || 'shipwright' } : { pid: 0, command: 'shipwright' };
}

const lockedError = (holder: Holder, gitDir: string) =>
  checkFailed(`Another shipwright run is changing this repository: \`${holder.command}\` (process ${holder.pid}). This one stopped before touching anything.`, {
    code: 'engine-locked',
    fix: `wait for it to finish and run the command again (if no shipwright is running, delete ${lockPath(gitDir)})`,
  });

/** Throws when another run is active or an interrupted run left its journal. */
export function assertNoPendingRun(gitDir: string): void {
  const holder = readHolder(gitDir);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw lockedError(holder, gitDir);
  if (existsSync(journalPath(gitDir))) {
    throw checkFailed(`An earlier shipwright run${holder ? ` (\`${holder.command}\`)` : ''} was interrupted before it finished; its journal is in ${journalPath(gitDir)}.`, {
      code: 'interrupted-run',
      fix: 'shipwright abort   (put the repository back as it was before that run)   or   shipwright continue   (finish it)',
    });
  }
}

/** Takes the lock or throws; returns the release function (also run if the process exits). */
export function acquireEngineLock(gitDir: string, command: string, options: { allowJournal?: boolean } = {}): () => void {
  mkdirSync(shipwrightDir(gitDir), { recursive: true });
  const path = lockPath(gitDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!options.allowJournal) assertNoPendingRun(gitDir);
    try {
      writeFileSync(path, `${process.pid} ${command.replace(/\s+/g, ' ')}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.removeListener('exit', release);
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(gitDir);
      if (holder && isAlive(holder.pid)) throw lockedError(holder, gitDir);
      rmSync(path, { force: true }); // the holder died without cleaning up
    }
  }
  throw checkFailed('Could not take the engine lock.', { code: 'engine-locked', fix: `delete ${path} and try again` });
}
