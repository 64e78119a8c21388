// `shipwright continue`: finishes an interrupted run from its journal — the steps after the last
// recorded one; a step that completed just before the crash is recognised and not repeated.
import { existsSync } from 'node:fs';
import { rmdir } from 'node:fs/promises';
import { environmentError } from '../core/errors.js';
import type { PlanStep } from '../core/plan/plan.js';
import { readHeadMessage, hasStagedChanges } from '../git/read-head.js';
import { readRefValue } from '../git/read-ref.js';
import { readRepoState } from '../git/read-repo-state.js';
import { acquireEngineLock } from './engine-lock.js';
import { stepEnvironment, type ExecuteOptions } from './execute-plan.js';
import { readJournal, removeJournal, shipwrightDir, type Journal } from './journal.js';
import { restoreFromJournal } from './restore-journal.js';
import { runSteps, undoSteps } from './run-steps.js';

async function alreadyDone(root: string, step: PlanStep): Promise<string | null> {
  switch (step.kind) {
    case 'commit': {
      const message = await readHeadMessage(root);
      return message === step.message.trim() && !(await hasStagedChanges(root)) ? 'the commit was already made' : null;
    }
    case 'tag': {
      const [tagged, head] = await Promise.all([readRefValue(root, `refs/tags/${step.name}^{commit}`), readRefValue(root, 'HEAD')]);
      return tagged !== null && tagged === head ? `tag ${step.name} already on HEAD` : null;
    }
    case 'create-branch':
      return (await readRepoState(root)).branch === step.name ? `already on ${step.name}` : null;
    default:
      return null;
  }
}

export interface ContinueOutcome {
  /** null when there was no journal. */
  journal: Journal | null;
}

export async function continueRun(root: string, options: ExecuteOptions = {}): Promise<ContinueOutcome> {
  const state = await readRepoState(root);
  const journal = await readJournal(state.gitDir).catch((error: Error) => {
    throw environmentError(`The journal of the interrupted run cannot be read: ${error.message}`, { code: 'journal-invalid', fix: `restore by hand (git reflog shows where refs were), then delete ${shipwrightDir(state.gitDir)}/journal.json` });
  });
  if (journal === null) return { journal: null };
  const release = acquireEngineLock(state.gitDir, 'shipwright continue', { allowJournal: true });
  try {
    const start = journal.done.length === 0 ? 0 : Math.max(...journal.done) + 1;
    await runSteps({
      gitDir: state.gitDir,
      journal,
      start,
      context: stepEnvironment(root, options),
      emit: options.onEvent ?? (() => undefined),
      alreadyDone: (step) => alreadyDone(root, step),
      // The steps before the crash left no undo in memory: the journal's snapshot puts everything back.
      rollback: async (done) => {
        const own = await undoSteps(done);
        const report = await restoreFromJournal(root, journal);
        return {
          restored: [...own.restored, ...report.restored],
          failures: [...own.failures, ...report.failures.map((failure) => `${failure.what}: ${failure.error} (by hand: ${failure.manual})`)],
        };
      },
    });
    return { journal };
  } finally {
    // A failed continue has rolled everything back from the journal: it is no longer needed either way.
    await removeJournal(state.gitDir);
    release();
    if (existsSync(shipwrightDir(state.gitDir))) await rmdir(shipwrightDir(state.gitDir)).catch(() => undefined);
  }
}
