// A run paused on a conflict: conclude the step once the user has resolved it (`continue`), leave
// its target for later (`continue --skip`), or clear the half-done merge before an `abort`.
import { checkFailed } from '../core/errors.js';
import type { MergeStep } from '../core/plan/plan.js';
import { readMergeHead, readParents, readUnmergedPaths } from '../git/read-merge-state.js';
import { readRefValue } from '../git/read-ref.js';
import { abortMerge, concludeMerge } from '../git/write-merge.js';
import type { Journal, JournalPause } from './journal.js';
import { engineCommitEnv } from './steps/step-handler.js';

export type Resolution = 'concluded' | 'rerun';

/** Whether the paused merge is now complete (concluding it when only the commit is missing), or must run again. */
export async function concludePausedMerge(step: MergeStep, pause: JournalPause): Promise<Resolution> {
  const dir = pause.directory;
  if ((await readMergeHead(dir)) === null) {
    // The user committed the merge themselves, or abandoned it (git merge --abort): look at HEAD.
    const [head, source] = await Promise.all([readRefValue(dir, 'HEAD'), readRefValue(dir, `${step.source}^{commit}`)]);
    const parents = head ? await readParents(dir, head) : [];
    return parents.length > 1 && parents[1] === source ? 'concluded' : 'rerun';
  }
  const unmerged = await readUnmergedPaths(dir);
  if (unmerged.length > 0) {
    throw checkFailed(`${step.description} still has conflicts in:\n${unmerged.map((file) => `  ${file}`).join('\n')}`, {
      code: 'conflict',
      fix: `edit those files in ${dir}, \`git add\` them, then: shipwright continue   (or shipwright continue --skip, or shipwright abort)`,
    });
  }
  const outcome = await concludeMerge(dir, engineCommitEnv(step.release));
  if (!outcome.ok) {
    throw checkFailed(`git did not commit the resolved merge:\n${outcome.output}`, {
      code: 'merge-refused',
      fix: 'fix what the output above names, then: shipwright continue   (or shipwright abort)',
    });
  }
  return 'concluded';
}

/** Leaves a paused merge's target for later: the merge is abandoned and the target's refspecs are not pushed. */
export async function skipPausedTarget(journal: Journal, pause: JournalPause): Promise<void> {
  if ((await readMergeHead(pause.directory)) !== null) await abortMerge(pause.directory);
  const step = journal.plan.steps[pause.index];
  const command = step?.kind === 'merge' ? `git switch ${pause.target} && git merge --no-ff ${step.source}` : `shipwright backport --list --to ${pause.target}`;
  journal.skipped = [...(journal.skipped ?? []), { target: pause.target, command }];
  const targetRef = `refs/heads/${pause.target}`;
  for (const step of journal.plan.steps) {
    if (step.kind === 'push') step.refspecs = step.refspecs.filter((refspec) => refspec.split(':')[0] !== targetRef);
  }
}

/** Before an abort: a merge stopped half-way would block switching branches. */
export async function clearPausedMerge(pause: JournalPause | undefined): Promise<void> {
  if (pause && (await readMergeHead(pause.directory)) !== null) await abortMerge(pause.directory);
}
