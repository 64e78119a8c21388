// The paths each commit of a range changed, renames with their old path, from one
// `git log -z --name-status -M --topo-order` (merges list none: their branches' commits carry the change).
import type { ChangedPaths } from '../core/packages/package-commits.js';
import type { LogRange } from './read-log.js';
import { streamGitBatches } from './run-git.js';

const HASH = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
// A, M, D, T, U, X, or R / C with a similarity score.
const STATUS = /^[AMDTUX]$|^[RC]\d*$/;

/**
 * With -z git writes `HASH\0`, then for a commit with changes `\nSTATUS\0PATH\0` (R and C: two
 * paths), further `STATUS\0PATH\0` without the newline. A token in status position is either a
 * status or the next commit's hash; a path never stands there, so nothing a path holds can be
 * misread.
 */
export class ChangedPathsParser {
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
