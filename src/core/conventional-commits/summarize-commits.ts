// Groups commits by type for overviews ("3 features, 2 fixes, 1 breaking").
import { emptyRecord, ownValue } from '../own-property.js';
import type { ConventionalCommit } from './conventional-commit.js';

export interface CommitSummary {
  total: number;
  breaking: number;
  /** Count per type; commits that are not conventional count under `other`. */
  byType: Record<string, number>;
}

export function summarizeCommits(commits: readonly ConventionalCommit[]): CommitSummary {
  const byType = emptyRecord<number>();
  let breaking = 0;
  let total = 0;
  for (const commit of commits) {
    if (commit.isMerge) continue;
    total += 1;
    if (commit.isBreaking) breaking += 1;
    const type = commit.isRevert ? 'revert' : (commit.type?.toLowerCase() ?? 'other');
    byType[type] = (ownValue(byType, type) ?? 0) + 1;
  }
  return { total, breaking, byType };
}
