// What a plan was made from (Plan.basis), read when the plan is made and checked again by the
// engine before its first write: a file edited, a ref moved or the tree dirtied while the
// confirmation waited means the plan is stale, and the run refuses with nothing written.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { checkFailed } from '../core/errors.js';
import type { Plan, PlanBasis } from '../core/plan/plan.js';
import { planTouches } from '../core/plan/plan-touches.js';
import { readRefValues } from '../git/read-refs.js';
import type { RepoState } from '../git/read-repo.js';
import { readWorkingTree } from '../git/read-worktrees.js';
import { insideRoot } from './steps/write-file.js';

/** sha256 and permission bits of a file (through symlinks), null when absent. */
async function fileStamp(root: string, path: string): Promise<string | null> {
  const full = insideRoot(root, path);
  const bytes = await readFile(full).catch(() => null);
  if (bytes === null) return null;
  return `${createHash('sha256').update(bytes).digest('hex')} ${((await stat(full)).mode & 0o777).toString(8)}`;
}

async function readFiles(root: string, paths: readonly string[]): Promise<Record<string, string | null>> {
  return Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await fileStamp(root, path)] as const)));
}

/**
 * `state` is the repository as read before the plan was computed (OpenRepo.state): its HEAD is the
 * one the plan was made from even if it moved while planning.
 */
export async function readPlanBasis(state: RepoState, plan: Plan): Promise<PlanBasis> {
  const touches = planTouches(plan.steps, state.branch);
  const [refs, files, tree] = await Promise.all([
    readRefValues(state.root, touches.refs),
    readFiles(state.root, touches.files),
    readWorkingTree(state.root),
  ]);
  return { head: state.head, branch: state.branch, refs, files, clean: tree.clean };
}

/** The plan with what it was made from attached. */
export const withBasis = async <T extends { plan: Plan }>(state: RepoState, prepared: T): Promise<T> => ({
  ...prepared,
  plan: { ...prepared.plan, basis: await readPlanBasis(state, prepared.plan) },
});

/** Throws, before anything is written, when the repository is no longer what the plan was made from. */
export async function assertPlanBasis(state: RepoState, basis: PlanBasis): Promise<void> {
  const changed: string[] = [];
  if (state.head !== basis.head || state.branch !== basis.branch)
    changed.push(`HEAD (now ${state.branch ?? 'detached'} at ${state.head?.slice(0, 7) ?? 'no commit'})`);
  const names = Object.keys(basis.refs);
  const [refs, files, tree] = await Promise.all([
    readRefValues(state.root, names),
    readFiles(state.root, Object.keys(basis.files)),
    basis.clean ? readWorkingTree(state.root) : null,
  ]);
  for (const name of names) if (refs[name] !== basis.refs[name]) changed.push(name);
  for (const [path, stamp] of Object.entries(basis.files)) if (files[path] !== stamp) changed.push(path);
  const dirty =
    tree !== null && !tree.clean ? tree.files.map((file) => file.path).filter((path) => !changed.includes(path)) : [];
  if (changed.length === 0 && dirty.length === 0) return;
  const lines = [...changed.map((what) => `  ${what} changed`), ...dirty.map((path) => `  ${path} is not committed`)];
  throw checkFailed(
    `The repository changed after the plan was made, so it was not run (nothing was written):\n${lines.join('\n')}`,
    {
      code: 'plan-stale',
      fix: 'commit or stash your edits (git status shows them), then run the command again: it plans from what is there now',
    },
  );
}
