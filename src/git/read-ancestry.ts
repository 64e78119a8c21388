// Which commits descend from which: is-ancestor, parents, common bases, and counts and lists of the
// commits one ref has that another lacks.
import { readGit, runGit, streamGitBatches } from './run-git.js';

/** Is `ancestor` in the history of `descendant`? Unknown objects count as "no". */
export async function isAncestor(cwd: string, ancestor: string, descendant: string): Promise<boolean> {
  const result = await runGit(cwd, ['merge-base', '--is-ancestor', ancestor, descendant], { okExitCodes: [1, 128] });
  return result.exitCode === 0;
}

/** Commits on `theirs` that `ours` lacks. */
export async function countMissing(cwd: string, ours: string, theirs: string): Promise<number> {
  const result = await runGit(cwd, ['rev-list', '--count', `${ours}..${theirs}`, '--']);
  return Number(result.stdout.trim());
}

/**
 * `tips`: commit hashes. `bases`: commits every tip descends from (for a backport, the common
 * bases its per-target reads found); the walk stops at their parents, so a base that is itself one
 * of the tips is still read. Every path from one tip down to another runs above such a base — its
 * commits descend from the lower tip, which descends from the base — so the bound cuts none. With
 * no bases (histories sharing no commit), the tips' whole histories are read.
 */
export async function readCommitParents(
  cwd: string,
  tips: readonly string[],
  bases: readonly string[],
): Promise<Map<string, string[]>> {
  const parentsOf = new Map<string, string[]>();
  if (tips.length === 0) return parentsOf;
  const excluded = [...new Set(bases)].map((base) => `^${base}^@`);
  const args = ['rev-list', '--parents', '--end-of-options', ...tips, ...excluded, '--'];
  for await (const lines of streamGitBatches(cwd, args, '\n')) {
    for (const line of lines) {
      if (line.length === 0) continue;
      const [hash = '', ...parents] = line.split(' ');
      parentsOf.set(hash, parents);
    }
  }
  return parentsOf;
}

/** The commits every one of `refs` reaches (`merge-base --octopus --all`); none for unrelated histories. */
export async function commonBases(cwd: string, refs: readonly string[]): Promise<string[]> {
  const result = await runGit(cwd, ['merge-base', '--octopus', '--all', '--end-of-options', ...refs], {
    okExitCodes: [1],
  });
  return result.stdout.split('\n').filter((line) => line.length > 0);
}

/** Commits reachable from `include` but not from `exclude`. */
export async function countCommits(cwd: string, include: string, exclude?: string): Promise<number> {
  const out = await readGit(cwd, ['rev-list', '--count', include, ...(exclude ? [`^${exclude}`] : []), '--']);
  return Number(out) || 0;
}

/** Like countCommits, but 0 when `include` does not exist (`--ignore-missing`): no second call to ask first. */
export async function countCommitsIfPresent(cwd: string, include: string, exclude: string): Promise<number> {
  const out = await readGit(cwd, ['rev-list', '--count', '--ignore-missing', include, `^${exclude}`, '--']);
  return Number(out) || 0;
}

/** The non-merge commits reachable from `include` but not from `exclude`, as hashes. */
export async function listCommits(cwd: string, include: string, exclude: string): Promise<string[]> {
  return (await readGit(cwd, ['rev-list', '--no-merges', '--end-of-options', include, `^${exclude}`, '--']))
    .split('\n')
    .filter(Boolean);
}

/** The commits (no merges) of `include` that change something under one of these paths. */
export async function listCommitsTouching(cwd: string, include: string, paths: readonly string[]): Promise<string[]> {
  return (await readGit(cwd, ['rev-list', '--no-merges', '--end-of-options', include, '--', ...paths]))
    .split('\n')
    .filter(Boolean);
}

/** The parents of a commit, first parent first. */
export async function readParents(cwd: string, commit: string): Promise<string[]> {
  const result = await runGit(cwd, ['rev-list', '--parents', '-n', '1', '--end-of-options', commit]);
  return result.stdout.trim().split(' ').slice(1);
}
