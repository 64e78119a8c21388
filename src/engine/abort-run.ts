// `shipwright abort`: puts the repository back from an interrupted run's journal, under the lock.
// The branches and tags are the repository's and are put back from any worktree; when the run's
// worktree is gone (or is not this repository's), its checked-out branch and files are reported as
// not restored and the journal stays.
import { checkFailed } from '../core/errors.js';
import type { PushStep } from '../core/plan/plan.js';
import { planWorktrees } from '../core/plan/plan-touches.js';
import { readRepoState } from '../git/read-repo-state.js';
import { acquireEngineLock } from './engine-lock.js';
import { journalPath, readJournal, removeEmptyShipwrightDirs, removeJournal } from './journal.js';
import { adoptedNotice, adoptLegacyJournal } from './legacy-journal.js';
import { pushLanded } from './push-landed.js';
import { restoreFromJournal, type RestoreReport } from './restore-journal.js';
import { clearPausedWork } from './resume-paused.js';
import { locateRun } from './run-worktree.js';

export interface AbortOutcome {
  /** null when there was no journal: nothing to abort. */
  command: string | null;
  report: RestoreReport;
  /** Said before the rest: the journal was moved from where an earlier version kept it. */
  notice: string | null;
}

export async function abortRun(cwd: string): Promise<AbortOutcome> {
  const state = await readRepoState(cwd);
  const release = acquireEngineLock(state.commonDir, 'shipwright abort', { allowJournal: true });
  try {
    const adopted = await adoptLegacyJournal(state);
    const notice = adopted === null ? null : adoptedNotice(adopted, state.commonDir);
    const journal = await readJournal(state.commonDir);
    if (journal === null) return { command: null, report: { restored: [], failures: [] }, notice };
    // Restored in the run's own working tree, wherever the command was typed (a subdirectory, or
    // another worktree of the repository); the journal's paths are relative to that root.
    const place = await locateRun(journal, state);
    const pushSteps = journal.plan.steps.filter((step): step is PushStep => step.kind === 'push');
    const recorded = journal.done.some((index) => journal.plan.steps[index]?.kind === 'push');
    // A push that landed just before a crash is as published as a recorded one.
    const pushed = recorded || (await Promise.all(pushSteps.map((step) => pushLanded(place.git, step)))).some(Boolean);
    if (pushed) {
      throw checkFailed(`\`${journal.command}\` had already pushed, so undoing it locally would not unpublish it.`, {
        code: 'already-pushed',
        fix: `shipwright continue   (finish the run), or delete ${journalPath(state.commonDir)} and revert by hand`,
      });
    }
    // Worktrees the plan names outside this repository's git dir (it was copied or moved) are another repository's.
    const worktrees = planWorktrees(journal.plan.steps).filter((path) => !place.foreignWorktrees.includes(path));
    await clearPausedWork(place.git, place.pauseDirectory, worktrees);
    const report = await restoreFromJournal(place, journal);
    for (const path of place.foreignWorktrees) {
      report.failures.push({ what: `worktree ${path}`, error: 'it is not under this repository\'s git dir (the repository was copied or moved since the run started), so it was left alone', manual: 'git worktree list, then git worktree remove --force what is left of the run' });
    }
    // Kept when something could not be restored, so `shipwright abort` can be run again.
    if (report.failures.length === 0) await removeJournal(state.commonDir);
    return { command: journal.command, report, notice };
  } finally {
    release();
    await removeEmptyShipwrightDirs(state.commonDir, true);
  }
}
