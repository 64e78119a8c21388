// Commit history read with `git log`: the streamed log of a range (NUL-separated), summaries and
// short hashes of given commits, HEAD's message, the paths each commit changed, each commit's added
// lines, recent scopes.
import type { RawCommit } from '../core/conventional-commits/raw-commit.js';
import type { ChangedPaths } from '../core/packages/package-commits.js';
import { readGit, runGit, streamGitBatches } from './run-git.js';

/**
 * Every commit's added lines in `from..to` (`--unified=0`), each commit introduced by a
 * `commit HASH` line: a secret added and removed again within a pull request is still found.
 */
export async function readRangePatches(cwd: string, from: string, to: string): Promise<string> {
  const result = await runGit(cwd, [
    '-c',
    'core.quotePath=false',
    'log',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--diff-filter=ACMR',
    '--format=commit %H',
    '-p',
    '--end-of-options',
    `${from}..${to}`,
    '--',
  ]);
  return result.stdout;
}

const FIELD = '\x1f';

// %B last: it is the only field that may hold arbitrary text.
export const LOG_FORMAT = ['%H', '%P', '%cI', '%an', '%B'].join('%x1f');

interface LogRange {
  /** Tips to include, e.g. ['HEAD'] or ['refs/heads/release/1.2.0']. */
  include: readonly string[];
  /** Tips whose history is excluded, e.g. ['refs/tags/v1.1.0']. */
  exclude?: readonly string[];
  /** Only commits touching these paths. */
  paths?: readonly string[];
}

export function parseLogRecord(record: string): RawCommit | undefined {
  const trimmed = record.startsWith('\n') ? record.slice(1) : record;
  if (trimmed.length === 0) return undefined;
  const parts = trimmed.split(FIELD);
  const [hash = '', parents = '', committerDate = '', authorName = ''] = parts;
  const message = parts.slice(4).join(FIELD);
  return {
    hash,
    parents: parents.length > 0 ? parents.split(' ') : [],
    committerDate,
    authorName,
    message,
  };
}

function logArgs(range: LogRange): string[] {
  return [
    'log',
    '-z',
    '--no-show-signature',
    '--no-color',
    `--format=${LOG_FORMAT}`,
    ...range.include,
    ...(range.exclude ?? []).map((ref) => `^${ref}`),
    '--',
    ...(range.paths ?? []),
  ];
}

async function* readLogBatches(cwd: string, range: LogRange): AsyncGenerator<RawCommit[]> {
  for await (const records of streamGitBatches(cwd, logArgs(range))) {
    const commits: RawCommit[] = [];
    for (const record of records) {
      const commit = parseLogRecord(record);
      if (commit) commits.push(commit);
    }
    yield commits;
  }
}

export async function readLogArray(cwd: string, range: LogRange): Promise<RawCommit[]> {
  return readLogMapped(cwd, range, (commit) => commit);
}

/**
 * The log with each commit mapped (e.g. parsed) as its chunk arrives, so the mapping runs while
 * git is still writing. The mapper may be a promise (it may need another read first); chunks that
 * arrive meanwhile wait for it.
 */
export async function readLogMapped<T>(
  cwd: string,
  range: LogRange,
  mapper: ((commit: RawCommit) => T) | Promise<(commit: RawCommit) => T>,
): Promise<T[]> {
  const results: T[] = [];
  for await (const batch of readLogBatches(cwd, range)) {
    const map = await mapper;
    for (const commit of batch) results.push(map(commit));
  }
  return results;
}

export async function readHeadMessage(cwd: string): Promise<string | null> {
  const result = await runGit(cwd, ['log', '-1', '--format=%B', 'HEAD', '--'], { okExitCodes: [128] });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

/** Recent commit subjects' scopes, most used first, for the composer's suggestions. */
export async function readRecentScopes(cwd: string, limit = 200): Promise<string[]> {
  const result = await runGit(cwd, ['log', `-${limit}`, '--no-merges', '--format=%s'], { okExitCodes: [128] });
  const counts = new Map<string, number>();
  for (const subject of result.stdout.split('\n')) {
    const scope = /^\w+\(([^)]+)\)!?:/.exec(subject)?.[1];
    if (scope) counts.set(scope, (counts.get(scope) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([scope]) => scope);
}

/** One `git log --no-walk` for any number of commits (hashes on stdin: no argv length limit). */
export async function readShortHashes(cwd: string, hashes: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (hashes.length === 0) return map;
  const output = await readGit(cwd, ['log', '--no-walk', '--stdin', '--no-color', '--format=%H %h'], {
    input: `${hashes.join('\n')}\n`,
  });
  for (const line of output.split('\n')) {
    const [full, short] = line.split(' ');
    if (full && short) map.set(full, short);
  }
  return map;
}

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

const HASH = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

// A, M, D, T, U, X, or R / C with a similarity score.
const STATUS = /^[AMDTUX]$|^[RC]\d*$/;

/**
 * With -z git writes `HASH\0`, then for a commit with changes `\nSTATUS\0PATH\0` (R and C: two
 * paths), further `STATUS\0PATH\0` without the newline. A token in status position is either a
 * status or the next commit's hash; a path never stands there, so nothing a path holds can be
 * misread.
 */
class ChangedPathsParser {
  readonly commits: ChangedPaths[] = [];
  private current: { hash: string; paths: string[]; renames: { from: string; to: string }[] } | null = null;
  private pending: { status: string; paths: string[] } | null = null;

  push(token: string): void {
    if (this.pending) {
      this.pending.paths.push(token);
      const needed = /^[RC]/.test(this.pending.status) ? 2 : 1;
      if (this.pending.paths.length < needed) return;
      const [first = '', second] = this.pending.paths;
      if (second !== undefined) {
        this.current?.paths.push(second);
        this.current?.renames.push({ from: first, to: second });
        // A rename also removed the old path from its folder.
        if (this.pending.status.startsWith('R')) this.current?.paths.push(first);
      } else this.current?.paths.push(first);
      this.pending = null;
      return;
    }
    const text = token.startsWith('\n') ? token.slice(1) : token;
    if (text.length === 0) return;
    if (STATUS.test(text) && this.current) {
      this.pending = { status: text, paths: [] };
      return;
    }
    if (HASH.test(text)) {
      this.current = { hash: text, paths: [], renames: [] };
      this.commits.push(this.current);
    }
  }
}

export async function readChangedPaths(cwd: string, range: LogRange): Promise<ChangedPaths[]> {
  const args = [
    'log',
    '-z',
    '--no-color',
    '--topo-order',
    '--format=%H',
    '--name-status',
    '-M',
    '--no-ext-diff',
    ...range.include,
    ...(range.exclude ?? []).map((ref) => `^${ref}`),
    '--',
  ];
  const parser = new ChangedPathsParser();
  for await (const tokens of streamGitBatches(cwd, args)) for (const token of tokens) parser.push(token);
  return parser.commits;
}
