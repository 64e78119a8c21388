// `shipwright abort`: puts the repository back from an interrupted run's journal, under the lock.
// The branches and tags are the repository's and are put back from any worktree; when the run's
// worktree is gone (or is not this repository's), its checked-out branch and files are reported as
// not restored and the journal stays.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { environmentError } from '../core/errors.js';
import type { PushStep } from '../core/plan/plan.js';
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';
import { readWorktreePaths, realPath } from '../git/read-worktrees.js';
import { removeJournal, shipwrightDir, type Journal } from './journal.js';
import { finishRun } from './continue-run.js';
import { readRunPushState } from './push-landed.js';
import { undoRun, type RestoreReport } from './restore-journal.js';
import { withPendingRun, type RunPlace } from './run-worktree.js';

interface AbortOutcome {
  /** null when there was no journal: nothing to abort. */
  command: string | null;
  report: RestoreReport;
  /** What is left for the user to tidy that does not keep the journal (another repository's worktrees). */
  notes: string[];
  /** Set when the remote already had the run's push, so it was finished instead of undone: what to tell the user. */
  finished?: string;
}

/** Why an abort finished the run, and what takes the release back if it must go. */
function finishedInstead(journal: Journal): string {
  const pushes = journal.plan.steps.filter((step): step is PushStep => step.kind === 'push');
  const destinations = pushes.flatMap((step) => step.refspecs.map((spec) => spec.split(':')[1] ?? ''));
  const tags = destinations.filter((ref) => ref.startsWith('refs/tags/')).map((ref) => ref.slice('refs/tags/'.length));
  const branches = destinations
    .filter((ref) => ref.startsWith('refs/heads/'))
    .map((ref) => ref.slice('refs/heads/'.length));
  const remote = pushes[0]?.remote ?? 'the remote';
  const what = (tags.length > 0 ? tags : branches).join(', ') || 'the push';
  const gone = [
    ...tags.map(
      (tag) =>
        `${shellCommand(['git', 'push', remote, '--delete', `refs/tags/${tag}`])} && ${shellCommand(['git', 'tag', '-d', tag])}`,
    ),
    ...(branches.length > 0 ? [`git revert the release commits on ${branches.join(', ')} and push`] : []),
  ];
  return `${remote} already has ${what}, so abort cannot undo it: finished \`${journal.command}\` instead (the remote-tracking refs match ${remote}, the journal is removed). If you really want it gone: ${gone.join('; then ')} (anyone who fetched it keeps a copy).`;
}

/**
 * The backport worktrees of a copied or moved repository's plan that the run did add and that git
 * still lists here: never touched, but said, with the command that drops each. A worktree whose
 * add step never ran, or that git no longer knows, needs nothing.
 */
async function foreignWorktreeNotes(journal: Journal, place: RunPlace, commonDir: string): Promise<string[]> {
  if (place.foreignWorktrees.length === 0) return [];
  const known = new Set((await readWorktreePaths(place.git).catch(() => [])).map(realPath));
  const notes: string[] = [];
  for (const path of place.foreignWorktrees) {
    const added = journal.plan.steps.some(
      (step, index) => step.kind === 'add-worktree' && step.path === path && journal.done.includes(index),
    );
    if (!added || !known.has(realPath(path))) continue;
    if (existsSync(path)) {
      // A copy's records name the original's worktrees: `git worktree remove` here would delete the original's files.
      notes.push(
        `worktree ${path} belongs to the repository this one was copied from, so it was left alone; this copy's record of it is its entry under ${quoteShellWord(join(commonDir, 'worktrees'))} (not git worktree remove, which would delete the original's files)`,
      );
      continue;
    }
    const moved = join(shipwrightDir(commonDir), 'worktrees', basename(path));
    const leftover = existsSync(moved) ? ` && rm -rf ${quoteShellWord(moved)}` : '';
    notes.push(
      `worktree ${path} of the run is gone from there (the repository was moved since the run started), so it was left alone; to drop it: git worktree remove --force ${quoteShellWord(path)}${leftover}`,
    );
  }
  return notes;
}

export async function abortRun(cwd: string): Promise<AbortOutcome> {
  const outcome = await withPendingRun(cwd, 'shipwright abort', async (run): Promise<AbortOutcome> => {
    const { state, journal, place } = run;
    // Once the push started, the remote is asked: one that landed before a crash is as published
    // as a recorded one, and one the remote cannot be asked about is not undone on a guess.
    const pushed = await readRunPushState(place.git, journal);
    if (pushed === 'unknown') {
      throw environmentError(
        `\`${journal.command}\` had started its push and the remote did not answer, so whether it has the release is unknown; nothing was undone.`,
        {
          code: 'push-unsettled',
          fix: 'when the remote is reachable: shipwright continue   (finishes the run), or shipwright abort again',
        },
      );
    }
    if (pushed === 'landed') {
      // The remote has the release: undoing it here would leave the repository neither before nor
      // after the run. It is finished instead, as `continue` would, and the message says so.
      await finishRun(run);
      return {
        command: journal.command,
        report: { restored: [], failures: [] },
        notes: [],
        finished: finishedInstead(journal),
      };
    }
    const report = await undoRun(place, journal);
    const notes = await foreignWorktreeNotes(journal, place, state.commonDir);
    // Kept when something could not be restored, so `shipwright abort` can be run again.
    if (report.failures.length === 0) await removeJournal(state.commonDir, journal);
    return { command: journal.command, report, notes };
  });
  return outcome ?? { command: null, report: { restored: [], failures: [] }, notes: [] };
}
