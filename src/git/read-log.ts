// Streams commits of a revision range from one `git log` process, NUL-separated.
import { streamGitBatches } from './run-git.js';
import type { RawCommit } from '../core/commits/raw-commit.js';

const FIELD = '\x1f';
// %B last: it is the only field that may hold arbitrary text.
export const LOG_FORMAT = ['%H', '%P', '%cI', '%an', '%B'].join('%x1f');

export interface LogRange {
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

export function logArgs(range: LogRange): string[] {
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

/** Newest first, as `git log` walks; merges included (callers decide whether to show them). */
export async function* readLog(cwd: string, range: LogRange): AsyncGenerator<RawCommit> {
  for await (const batch of readLogBatches(cwd, range)) yield* batch;
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
