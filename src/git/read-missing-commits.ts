// Commits on `source` whose change is not on `target`, compared by patch-id, so a fix that was
// cherry-picked under another hash counts as present.
import type { RawCommit } from '../core/commits/raw-commit.js';
import { LOG_FORMAT, parseLogRecord } from './read-log.js';
import { streamGit } from './run-git.js';

export async function readMissingCommits(cwd: string, source: string, target: string): Promise<RawCommit[]> {
  const commits: RawCommit[] = [];
  const args = ['log', '-z', '--no-show-signature', '--no-color', `--format=${LOG_FORMAT}`, '--cherry-pick', '--right-only', '--no-merges', `${target}...${source}`, '--'];
  for await (const record of streamGit(cwd, args)) {
    const commit = parseLogRecord(record);
    if (commit) commits.push(commit);
  }
  return commits;
}
