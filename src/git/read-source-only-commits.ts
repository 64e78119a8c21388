// The source's commits after a target's fork point, each marked with whether the target already has
// the same change under another hash (patch-id, as `git cherry` compares).
import type { RawCommit } from '../core/commits/raw-commit.js';
import { LOG_FORMAT, parseLogRecord } from './read-log.js';
import { streamGit } from './run-git.js';

export interface SourceOnlyCommit {
  commit: RawCommit;
  samePatchOnTarget: boolean;
}

/**
 * `git log target...source --right-only --cherry-mark`: the right side is what the source has that
 * the target's history lacks; `%m` is `=` when a commit on the target's side has the same patch-id.
 * Merges are left out (they have no patch of their own). `sourceRef` and `targetRef` are full ref
 * names, and follow --end-of-options, so no branch name can be read as an option.
 */
export async function readSourceOnlyCommits(cwd: string, sourceRef: string, targetRef: string): Promise<SourceOnlyCommit[]> {
  const args = ['log', '-z', '--no-show-signature', '--no-color', `--format=%m%x1f${LOG_FORMAT}`, '--cherry-mark', '--right-only', '--no-merges', '--end-of-options', `${targetRef}...${sourceRef}`, '--'];
  const commits: SourceOnlyCommit[] = [];
  for await (const record of streamGit(cwd, args)) {
    const trimmed = record.startsWith('\n') ? record.slice(1) : record;
    const commit = parseLogRecord(trimmed.slice(2));
    if (commit) commits.push({ commit, samePatchOnTarget: trimmed.startsWith('=') });
  }
  return commits;
}
