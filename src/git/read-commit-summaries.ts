// Hash, parents, date and subject of given commits, in one `git log --no-walk`.
import { readGit } from './run-git.js';

export interface CommitSummary {
  hash: string;
  parents: string[];
  /** Committer date, ISO 8601. */
  date: string;
  subject: string;
  /** The whole message (for its `(cherry picked from commit …)` lines). */
  message: string;
}

export async function readCommitSummaries(cwd: string, hashes: readonly string[]): Promise<CommitSummary[]> {
  if (hashes.length === 0) return [];
  const out = await readGit(cwd, [
    'log',
    '-z',
    '--no-walk=unsorted',
    '--no-show-signature',
    '--format=%H%x1f%P%x1f%cI%x1f%B',
    '--end-of-options',
    ...hashes,
    '--',
  ]);
  return out
    .split('\0')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [hash = '', parents = '', date = '', message = ''] = record.split('\x1f');
      return {
        hash,
        parents: parents.split(' ').filter(Boolean),
        date,
        subject: message.split('\n')[0] ?? '',
        message,
      };
    });
}
