// Hash, parents, date and subject of given commits, in one `git log --no-walk`.
import { readGit, runGit } from './run-git.js';

export interface CommitSummary {
  hash: string;
  parents: string[];
  /** Committer date, ISO 8601. */
  date: string;
  subject: string;
  /** The whole message (for its `(cherry picked from commit …)` lines). */
  message: string;
}

/** The full hash of a revision the user typed, or null when it names no commit. */
export async function resolveUserCommit(cwd: string, revision: string): Promise<string | null> {
  const result = await runGit(cwd, ['rev-parse', '-q', '--verify', '--end-of-options', `${revision}^{commit}`], { okExitCodes: [1, 128] });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

export async function readCommitSummaries(cwd: string, hashes: readonly string[]): Promise<CommitSummary[]> {
  if (hashes.length === 0) return [];
  const out = await readGit(cwd, ['log', '-z', '--no-walk=unsorted', '--no-show-signature', '--format=%H%x1f%P%x1f%cI%x1f%B', '--end-of-options', ...hashes, '--']);
  return out
    .split('\0')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [hash = '', parents = '', date = '', message = ''] = record.split('\x1f');
      return { hash, parents: parents.split(' ').filter(Boolean), date, subject: message.split('\n')[0] ?? '', message };
    });
}
