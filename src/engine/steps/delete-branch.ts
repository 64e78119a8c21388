// delete-branch: deletes a branch the plan merged, compare-and-swap (`update-ref -d REF OLD`)
// against where the run last left it; undo recreates it at the same commit.
import { checkFailed, environmentError } from '../../core/errors.js';
import type { DeleteBranchStep } from '../../core/plan/plan.js';
import { quoteShellWord, shellCommand } from '../../core/display-text/shell-words.js';
import { readRefValue } from '../../git/read-refs.js';
import { readWorktreeBranches } from '../../git/read-worktrees.js';
import { deleteRefIfAt, updateRef } from '../../git/write-refs.js';
import type { StepEnvironment, Undo } from './step-handler.js';

/** The branch holds a commit the run did not leave there (one made during a pause): deleting it would lose that. */
function movedMeanwhile(name: string, at: string, expected: string | null): Error {
  const was = expected === null ? 'did not exist' : `was at ${expected.slice(0, 7)}`;
  return checkFailed(
    `${name} moved outside this run: it ${was} when the run last left it and is now at ${at.slice(0, 7)} (a commit made meanwhile, e.g. during a pause). Deleting it would lose ${at.slice(0, 7)}, so it was not deleted.`,
    {
      code: 'branch-moved',
      fix: `look at it (${shellCommand(['git', 'log', name])}); bring ${at.slice(0, 7)} where it belongs, or move ${name} back (${shellCommand(['git', 'branch', '-f', name, expected ?? at])}), then run the command again`,
    },
  );
}

export async function applyDeleteBranch(step: DeleteBranchStep, context: StepEnvironment): Promise<Undo> {
  const ref = `refs/heads/${step.name}`;
  const at = await readRefValue(context.root, ref);
  if (at === null)
    throw environmentError(`The branch ${step.name} does not exist, so it cannot be deleted.`, {
      code: 'branch-missing',
      fix: 'someone deleted it meanwhile: run the command again',
    });
  const expected = context.runValue?.(ref);
  if (expected !== undefined && at !== expected) throw movedMeanwhile(step.name, at, expected);
  const checkedOut = (await readWorktreeBranches(context.root)).get(step.name);
  if (checkedOut !== undefined) {
    throw checkFailed(`${step.name} is checked out in the worktree ${checkedOut}, so it cannot be deleted.`, {
      code: 'branch-checked-out',
      fix: `cd ${quoteShellWord(checkedOut)} && git switch another branch, then run the command again`,
    });
  }
  // Compare-and-swap: a commit made on the branch between the read and the delete is never lost.
  if (!(await deleteRefIfAt(context.root, ref, at, `shipwright: delete ${step.name}`))) {
    const now = await readRefValue(context.root, ref);
    throw now === null
      ? environmentError(`The branch ${step.name} was deleted meanwhile.`, {
          code: 'branch-missing',
          fix: 'run the command again',
        })
      : movedMeanwhile(step.name, now, at);
  }
  return {
    label: `branch ${step.name}`,
    manual: shellCommand(['git', 'branch', step.name, at]),
    run: async () => {
      if ((await readRefValue(context.root, ref)) === null) await updateRef(context.root, ref, at);
    },
  };
}
