// The working tree as `git status` sees it: staged, unstaged and untracked paths.
import { runGit } from './run-git.js';

export interface FileStatus {
  path: string;
  /** Index column of `git status --porcelain` (' ' = unchanged, '?' = untracked). */
  index: string;
  /** Working-tree column. */
  worktree: string;
}

export interface WorkingTree {
  files: FileStatus[];
  staged: FileStatus[];
  /** Modified in the working tree but not staged, or untracked. */
  unstaged: FileStatus[];
  clean: boolean;
}

export function parsePorcelain(output: string): FileStatus[] {
  const files: FileStatus[] = [];
  const records = output.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string;
    if (record.length < 4) continue;
    const index = record[0] as string;
    const worktree = record[1] as string;
    files.push({ path: record.slice(3), index, worktree });
    // A rename or copy is followed by its source path as a separate record.
    if (index === 'R' || index === 'C') i++;
  }
  return files;
}

export async function readWorkingTree(cwd: string): Promise<WorkingTree> {
  const result = await runGit(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  const files = parsePorcelain(result.stdout);
  const staged = files.filter((file) => file.index !== ' ' && file.index !== '?');
  const unstaged = files.filter((file) => file.worktree !== ' ');
  return { files, staged, unstaged, clean: files.length === 0 };
}

/** `git check-ref-format --branch`: git's own rules for a branch name (no spaces, no `..`, …). */
export async function isValidBranchName(cwd: string, name: string): Promise<boolean> {
  if (name.startsWith('-')) return false;
  const result = await runGit(cwd, ['check-ref-format', '--branch', name], { okExitCodes: [1, 128] });
  return result.exitCode === 0;
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
