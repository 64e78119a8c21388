// From the cells a person marked to backport calls and one plan. prepareBackport sends every commit
// it is given to every target it is given, so targets are grouped by the exact set of commits
// marked for them: a rectangular selection is one call, and a commit marked only for dev never
// reaches release/* just because another commit goes to both. The prepared plans are joined into
// one, so one engine run (one journal) covers all of it: abort undoes it all, continue resumes it.
import type { PreparedBackport } from '../../app/prepare-backport.js';
import type { BackportMatrixView } from '../../app/hotfix-backport-services.js';
import type { SkippedTarget } from '../../app/hotfix-backport-services.js';
import { plural } from '../../core/display-text/plural.js';
import { shellCommand } from '../../core/display-text/shell-words.js';

interface BackportRequest {
  commits: string[];
  targets: string[];
}

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

/** One request per distinct set of commits, commits oldest first (the matrix's order), targets in column order. */
export function backportRequests(matrix: BackportMatrixView, selected: readonly string[]): BackportRequest[] {
  const marked = new Set(selected);
  const groups = new Map<string, BackportRequest>();
  matrix.targets.forEach((target, col) => {
    const commits = matrix.rows.filter((_, row) => marked.has(cellKey(row, col))).map((row) => row.hash);
    if (commits.length === 0) return;
    const key = commits.join(' ');
    const group = groups.get(key);
    if (group) group.targets.push(target);
    else groups.set(key, { commits, targets: [target] });
  });
  return [...groups.values()];
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** The plans of several prepareBackport calls as one. */
export function mergeBackports(prepared: readonly PreparedBackport[]): PreparedBackport {
  const commits = [
    ...new Map(prepared.flatMap((entry) => entry.commits).map((commit) => [commit.hash, commit])).values(),
  ];
  const targets = unique(prepared.flatMap((entry) => entry.results.map((result) => result.target)));
  const title = `Backport ${plural(commits.length, 'commit')} to ${targets.join(', ')}`;
  return {
    plan: {
      title,
      steps: prepared.flatMap((entry) => entry.plan.steps),
      notes: unique(prepared.flatMap((entry) => entry.plan.notes ?? [])),
    },
    results: prepared.flatMap((entry) => entry.results),
    commits,
  };
}

/** `dev: 1 picked.` per target, as `shipwright backport` prints it. */
export function backportSummary(prepared: PreparedBackport, skipped: readonly string[]): string[] {
  return prepared.results.map((result) => {
    const where =
      result.resultBranch === result.target ? result.target : `${result.resultBranch} (from ${result.target})`;
    if (skipped.includes(result.target)) return `${where}: left for later, nothing picked.`;
    const present = result.present.length > 0 ? `, ${result.present.length} already there` : '';
    return `${where}: ${result.picked.length} picked${present}.`;
  });
}

/**
 * What a finished backport run says: what was picked (or that nothing was, and why), per target,
 * then the next step: push what was picked, or the command that brings a skipped target its picks.
 */
/** The targets that got picks in the run: not skipped, and with something to pick. */
const reachedTargets = (prepared: PreparedBackport, skipped: readonly SkippedTarget[]) =>
  prepared.results.filter(
    (result) => !skipped.some((entry) => entry.target === result.target) && result.picked.length > 0,
  );

/** True when the run picked nothing anywhere (every commit there already, or every branch left for later). */
export const pickedNothing = (prepared: PreparedBackport, skipped: readonly SkippedTarget[]): boolean =>
  reachedTargets(prepared, skipped).length === 0;

export function backportOutcome(prepared: PreparedBackport, skipped: readonly SkippedTarget[]): string[] {
  const later = skipped.map((entry) => entry.target);
  const reached = reachedTargets(prepared, skipped);
  const picks = reached.reduce((total, result) => total + result.picked.length, 0);
  const headline =
    picks > 0
      ? 'Backported.'
      : later.length > 0
        ? 'Nothing was backported: the conflicting branches were left for later.'
        : 'Nothing was backported: every commit was already on those branches.';
  const branches = reached.map((result) => result.resultBranch);
  const forReview = reached.some((result) => result.resultBranch !== result.target);
  const next =
    branches.length > 0
      ? [
          `Next: push when ready: ${shellCommand(['git', 'push', 'origin', ...branches])}${forReview ? ', then open a pull request from each into its branch' : ''}.`,
        ]
      : skipped.length > 0
        ? skipped.map((entry) => `Next: once ready to resolve ${entry.target}, run: ${entry.command}`)
        : ['Nothing to do: mark other missing cells (·) in the matrix to backport more.'];
  return [
    headline,
    ...backportSummary(
      prepared,
      skipped.map((entry) => entry.target),
    ),
    'Nothing was pushed; your working tree was not touched.',
    ...next,
  ];
}
