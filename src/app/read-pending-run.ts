// The run left unfinished (stopped on a conflict, or interrupted), as the TUI's home shows it:
// what it was, where it stopped, which files wait, and what it did so far.
import { readJournal } from '../engine/journal.js';
import { isProcessAlive } from '../engine/pid-lock.js';
import type { OpenRepo } from './open-repo.js';

export interface PendingRun {
  /** The command line that started it, e.g. `shipwright backport a1b2c3d --to dev`. */
  command: string;
  /** The plan's title, e.g. `Backport`. */
  title: string;
  steps: { description: string; done: boolean }[];
  /** The step it stopped at. */
  at: number;
  /** Stopped on a conflict: the files, the branch the step served (null: cannot be skipped), where to resolve. */
  pause: { files: string[]; target: string | null; directory: string } | null;
  /** Another shipwright process is running it right now (not paused, not interrupted). */
  running: boolean;
}

export async function readPendingRun(repo: OpenRepo): Promise<PendingRun | null> {
  const journal = await readJournal(repo.state.commonDir);
  if (journal === null) return null;
  const done = new Set(journal.done);
  const steps = journal.plan.steps.map((step, index) => ({ description: step.description, done: done.has(index) }));
  const next = steps.findIndex((step) => !step.done);
  const at = journal.paused?.index ?? (next === -1 ? Math.max(0, steps.length - 1) : next);
  const pause = journal.paused
    ? { files: journal.paused.files, target: journal.paused.target, directory: journal.paused.directory }
    : null;
  // A journal without a pause whose process lives is a run in progress elsewhere, not one to resume.
  const running = pause === null && journal.pid !== process.pid && isProcessAlive(journal.pid);
  return { command: journal.command, title: journal.plan.title, steps, at, pause, running };
}
