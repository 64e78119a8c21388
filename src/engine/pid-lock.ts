// A lock file holding "<pid> <label>": taken with an exclusive create, released on exit, and taken
// over when the process that holds it is gone. The engine and the hooks each keep one.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface LockHolder {
  pid: number;
  label: string;
}

/** 0 and negative numbers would signal a whole process group: never "alive". */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the lock at `path`, or null when there is no lock file. */
export function readLockHolder(path: string, fallbackLabel: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const [pidText = '', ...rest] = text.trim().split(' ');
  const pid = Number(pidText);
  return { pid: Number.isInteger(pid) && pid > 0 ? pid : 0, label: rest.join(' ') || fallbackLabel };
}

interface PidLockOptions {
  label: string;
  /** Builds the error for a live holder. */
  busy: (holder: LockHolder) => Error;
  /** Runs before each attempt (e.g. refuse while an interrupted run waits). */
  beforeAttempt?: () => void;
}

/** Takes the lock or throws `busy`; returns the release function (also run when the process exits), or null when two attempts lost a race. */
export function acquirePidLock(path: string, options: PidLockOptions): (() => void) | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    options.beforeAttempt?.();
    try {
      writeFileSync(path, `${process.pid} ${options.label.replace(/\s+/g, ' ')}\n`, { flag: 'wx' });
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
      const holder = readLockHolder(path, options.label);
      if (holder && isProcessAlive(holder.pid)) throw options.busy(holder);
      rmSync(path, { force: true }); // the holder died without cleaning up
    }
  }
  return null;
}
