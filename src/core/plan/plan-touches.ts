// What a Plan may change, derived from its steps alone: the refs it moves or creates and the files
// it writes. The engine snapshots exactly these in its journal before the first write.
import type { PlanStep } from './plan.js';

interface PlanTouches {
  /** Full ref names (`refs/heads/main`, `refs/tags/v1.4.0`), in first-touched order. */
  refs: string[];
  /** Repository-relative paths. */
  files: string[];
  /** Whether the checked-out branch or HEAD changes (a backport in worktrees leaves both alone). */
  movesHead: boolean;
}

const MOVES_HEAD: ReadonlySet<PlanStep['kind']> = new Set([
  'create-branch',
  'switch',
  'commit',
  'merge',
  'delete-branch',
]);

/**
 * The refs each step may move, in plan order. `branch` is the branch checked out when the plan
 * starts (null when detached): a commit moves whichever branch is checked out at that point, which
 * a create-branch or switch step before it changes. A push moves only the remote's refs.
 */
export function stepRefs(steps: readonly PlanStep[], branch: string | null): string[][] {
  let current = branch;
  return steps.map((step) => {
    switch (step.kind) {
      case 'create-branch':
        current = step.name;
        return [`refs/heads/${step.name}`];
      case 'switch':
        current = step.branch;
        return [];
      case 'commit':
        return current === null ? [] : [`refs/heads/${current}`];
      case 'merge':
        return [`refs/heads/${step.into}`];
      case 'delete-branch':
        return [`refs/heads/${step.name}`];
      case 'cherry-pick':
        // In a worktree the pick moves a detached HEAD; the update-branch step after it moves the branch.
        return step.worktree ? [] : [`refs/heads/${step.into}`];
      case 'update-branch':
        return [`refs/heads/${step.branch}`];
      case 'tag':
        return [`refs/tags/${step.name}`];
      default:
        return [];
    }
  });
}

/** Everything a plan may change: the refs (first-touched order), the files, whether HEAD moves. */
export function planTouches(steps: readonly PlanStep[], branch: string | null): PlanTouches {
  const refs = [...new Set(stepRefs(steps, branch).flat())];
  const files = [
    ...new Set(
      steps.flatMap((step) =>
        step.kind === 'write-file' ? [step.path] : step.kind === 'run-command' ? step.touches : [],
      ),
    ),
  ];
  const movesHead = steps.some((step) => MOVES_HEAD.has(step.kind) || (step.kind === 'cherry-pick' && !step.worktree));
  return { refs, files, movesHead };
}

/** Index of the first local step that follows a push, or -1: nothing may be pushed before every local step. */
export function localStepAfterPush(steps: readonly PlanStep[]): number {
  const firstPush = steps.findIndex((step) => step.kind === 'push');
  if (firstPush === -1) return -1;
  return steps.findIndex((step, index) => index > firstPush && step.kind !== 'push');
}

/** The worktrees a plan adds: removed again by an abort or a rollback. */
export const planWorktrees = (steps: readonly PlanStep[]): string[] =>
  steps.flatMap((step) => (step.kind === 'add-worktree' ? [step.path] : []));

/** The branch a step brings changes to, when it belongs to one target of a fan-out. */
export const stepTarget = (step: PlanStep): string | undefined => ('target' in step ? step.target : undefined);
