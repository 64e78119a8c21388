// `shipwright abort`: puts the repository back from an interrupted run's journal, under the lock.
import { checkFailed } from '../core/errors.js';
import type { PushStep } from '../core/plan/plan.js';
import { readRepoState } from '../git/read-repo-state.js';
import { acquireEngineLock } from './engine-lock.js';
import { readJournal, removeEmptyShipwrightDirs, removeJournal, shipwrightDir } from './journal.js';
import { pushLanded } from './push-landed.js';
import { restoreFromJournal, type RestoreReport } from './restore-journal.js';
import { clearPausedWork } from './resume-paused.js';

export interface AbortOutcome {
  /** null when there was no journal: nothing to abort. */
  command: string | null;
  report: RestoreReport;
}

export async function abortRun(cwd: string): Promise<AbortOutcome> {
  const state = await readRepoState(cwd);
  // The journal's paths are relative to the repository's root, wherever the command was typed.
  const root = state.root;
  const journal = await readJournal(state.gitDir);
  if (journal === null) return { command: null, report: { restored: [], failures: [] } };
  const pushSteps = journal.plan.steps.filter((step): step is PushStep => step.kind === 'push');
  const recorded = journal.done.some((index) => journal.plan.steps[index]?.kind === 'push');
  // A push that landed just before a crash is as published as a recorded one.
  const pushed = recorded || (await Promise.all(pushSteps.map((step) => pushLanded(root, step)))).some(Boolean);
  if (pushed) {
    throw checkFailed(`\`${journal.command}\` had already pushed, so undoing it locally would not unpublish it.`, {
      code: 'already-pushed',
      fix: `shipwright continue   (finish the run), or delete ${shipwrightDir(state.gitDir)}/journal.json and revert by hand`,
    });
  }
  const release = acquireEngineLock(state.gitDir, 'shipwright abort', { allowJournal: true });
  try {
    await clearPausedWork(root, journal);
    const report = await restoreFromJournal(root, journal);
    // Kept when something could not be restored, so `shipwright abort` can be run again.
    if (report.failures.length === 0) await removeJournal(state.gitDir);
    return { command: journal.command, report };
  } finally {
    release();
    await removeEmptyShipwrightDirs(state.gitDir, true);
  }
}
