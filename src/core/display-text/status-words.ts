// Words for status overviews, shared by `shipwright status` and the TUI home screen.
import { ownValue } from '../own-property.js';
import { plural } from './plural.js';
import { shellCommand } from './shell-words.js';

/** Commit type → [singular, plural] label; unknown types show as themselves. */
const TYPE_LABELS: Record<string, [string, string]> = {
  feat: ['feature', 'features'],
  fix: ['fix', 'fixes'],
  perf: ['performance', 'performance'],
  revert: ['revert', 'reverts'],
  refactor: ['refactor', 'refactors'],
  docs: ['docs', 'docs'],
  chore: ['chore', 'chores'],
  test: ['test', 'tests'],
  ci: ['ci', 'ci'],
  build: ['build', 'build'],
  style: ['style', 'style'],
  other: ['not conventional', 'not conventional'],
};

export const typeLabel = (type: string, count: number): string =>
  ownValue(TYPE_LABELS, type)?.[count === 1 ? 0 : 1] ?? type;

/** How long ago an ISO date was, relative to `now` (passed in: no clock here). */
export function formatAge(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
  if (Number.isNaN(days)) return '';
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return `${Math.round(days / 30)} months ago`;
}

/** "gitflow: feature → develop → release → master", with the repository's own branch names. */
export function describeBranchModel(
  workflow: 'gitflow' | 'trunk',
  branches: { production: string; integration: string },
): string {
  return workflow === 'gitflow'
    ? `gitflow: feature → ${branches.integration} → release → ${branches.production}`
    : `trunk-based: feature → ${branches.production}`;
}

/**
 * The line under production when a newer release is not on the production branch: what it means
 * and the two usual ways on, so the tag is neither production nor silently ignored.
 */
export function describeTagElsewhere(tag: { name: string }, production: string): string {
  return `${tag.name} is newer but not on ${production}, so it is not production here (tagged on another branch, or ${production} is behind: git pull)`;
}

/**
 * The report describes the checked-out branch; when production has commits it lacks, say so and
 * how to bring them in: "this describes dev; production (main) is 2 commits ahead of it · git merge main".
 */
export function describeProductionAhead(branch: string | null, ahead: { ref: string; commits: number }): string {
  return `this describes ${branch ?? 'HEAD (detached)'}; production (${ahead.ref}) is ${plural(ahead.commits, 'commit')} ahead of it · bring them in: ${shellCommand(['git', 'merge', ahead.ref])}`;
}
