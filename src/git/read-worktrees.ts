// The working trees: `git status` of this one, a merge or pick stopped half-way and its conflicts,
// and the repository's other worktrees (the branches checked out in them, where one of them is).
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readRefValue } from './read-refs.js';
import { readRepoState } from './read-repo.js';
import { readGit, runGit } from './run-git.js';

type OperationInProgress = 'merge' | 'cherry-pick' | 'revert' | null;

/** A commit that concludes a merge, cherry-pick or revert is not a "direct commit" on a branch. */
export function readOperationInProgress(gitDir: string): OperationInProgress {
  if (existsSync(join(gitDir, 'MERGE_HEAD'))) return 'merge';
  if (existsSync(join(gitDir, 'CHERRY_PICK_HEAD'))) return 'cherry-pick';
  if (existsSync(join(gitDir, 'REVERT_HEAD'))) return 'revert';
  return null;
}

export const readCheckedOutBranches = async (cwd: string): Promise<string[]> => [
  ...(await readWorktreeBranches(cwd)).keys(),
];

/** A path with symlinks resolved (macOS' /tmp → /private/tmp, a symlinked home), or as given when it does not exist. */
export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` is `dir` or inside it, symlinks resolved. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(realPath(dir), realPath(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/**
 * A worktree's name as git keeps it, relative to the git dir every worktree shares: '' for the main
 * worktree, `worktrees/NAME` for a linked one (its own git dir). null when the git dir is elsewhere
 * (GIT_DIR pointing outside the common dir).
 */
export function worktreeId(gitDir: string, commonDir: string): string | null {
  const rel = relative(realPath(commonDir), realPath(gitDir));
  if (rel === '') return '';
  const parts = rel.split(sep);
  return parts.length === 2 && parts[0] === 'worktrees' ? parts.join('/') : null;
}

export interface FoundWorktree {
  root: string;
  /** As worktreeId. */
  id: string | null;
  /** Its own git dir (the shared one for the main worktree). */
  gitDir: string;
}

/**
 * `dir` when it is the root of a working tree of the repository whose shared git dir is `commonDir`
 * (and, given `id`, that very worktree); otherwise null. A path recorded elsewhere (a journal) is
 * never trusted: a copied repository's records name the original's directories.
 */
export async function verifyWorktree(dir: string, commonDir: string, id?: string): Promise<FoundWorktree | null> {
  if (!existsSync(dir)) return null;
  const state = await readRepoState(dir).catch(() => null);
  if (state === null || realPath(state.root) !== realPath(dir) || realPath(state.commonDir) !== realPath(commonDir))
    return null;
  const found = worktreeId(state.gitDir, state.commonDir);
  return id === undefined || found === id ? { root: state.root, id: found, gitDir: state.gitDir } : null;
}

/**
 * Where the worktree git names `id` (see worktreeId) is now, checked to be that worktree of this
 * repository; null when it is gone. The main worktree is the first entry of `git worktree list`; a
 * linked one is found from its git dir's `gitdir` file (the path of its `.git` file), as git does.
 */
export async function locateWorktree(cwd: string, commonDir: string, id: string): Promise<FoundWorktree | null> {
  let candidate: string | null;
  if (id === '') {
    const out = await readGit(cwd, ['worktree', 'list', '--porcelain']);
    const [first = '', ...rest] = out.split('\n\n')[0]?.split('\n') ?? [];
    candidate = first.startsWith('worktree ') && !rest.includes('bare') ? first.slice('worktree '.length) : null;
  } else {
    candidate = await linkedWorktreePath(commonDir, id);
  }
  return candidate === null ? null : verifyWorktree(candidate, commonDir, id);
}

/**
 * Where git believes the linked worktree `id` (`worktrees/NAME`) is: the directory of the `.git`
 * file its git dir's `gitdir` names (absolute, or relative to that git dir with
 * worktree.useRelativePaths, git 2.48); null when git no longer knows it. The directory may be
 * missing: the worktree was moved by hand (`git worktree repair NEWPATH` finds it) or deleted.
 */
export async function linkedWorktreePath(commonDir: string, id: string): Promise<string | null> {
  const adminDir = join(commonDir, ...id.split('/'));
  const gitFile = await readFile(join(adminDir, 'gitdir'), 'utf8').catch(() => null);
  return gitFile === null ? null : dirname(resolve(adminDir, gitFile.trim()));
}

/** The path of every worktree git knows (the first is the main worktree; one whose directory is gone included). */
export async function readWorktreePaths(cwd: string): Promise<string[]> {
  const out = await readGit(cwd, ['worktree', 'list', '--porcelain']);
  return out
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => line.slice('worktree '.length));
}

/** Each checked-out branch and the worktree it is checked out in (a worktree whose directory is gone included). */
export async function readWorktreeBranches(cwd: string): Promise<Map<string, string>> {
  const out = await readGit(cwd, ['worktree', 'list', '--porcelain']);
  const branches = new Map<string, string>();
  for (const entry of out.split('\n\n')) {
    const lines = entry.split('\n');
    const path = lines.find((line) => line.startsWith('worktree '))?.slice('worktree '.length);
    const branch = lines.find((line) => line.startsWith('branch refs/heads/'))?.slice('branch refs/heads/'.length);
    if (path !== undefined && branch !== undefined) branches.set(branch, path);
  }
  return branches;
}

interface FileStatus {
  path: string;
  /** Index column of `git status --porcelain` (' ' = unchanged, '?' = untracked). */
  index: string;
  /** Working-tree column. */
  worktree: string;
  /** A rename's or copy's source path (index column R or C). */
  from?: string;
}

export interface WorkingTree {
  files: FileStatus[];
  staged: FileStatus[];
  /** Modified in the working tree but not staged, or untracked. */
  unstaged: FileStatus[];
  clean: boolean;
}

function parsePorcelain(output: string): FileStatus[] {
  const files: FileStatus[] = [];
  const records = output.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string;
    if (record.length < 4) continue;
    const index = record[0] as string;
    const worktree = record[1] as string;
    // A rename or copy is followed by its source path as a separate record.
    const from = index === 'R' || index === 'C' ? records[++i] : undefined;
    files.push({ path: record.slice(3), index, worktree, ...(from ? { from } : {}) });
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

const OPERATION_HEADS = { merge: 'MERGE_HEAD', 'cherry-pick': 'CHERRY_PICK_HEAD', revert: 'REVERT_HEAD' } as const;

/** The commit being merged, picked or reverted (MERGE_HEAD, CHERRY_PICK_HEAD, REVERT_HEAD), or null when none is in progress. */
export const readOperationHead = (cwd: string, op: keyof typeof OPERATION_HEADS): Promise<string | null> =>
  readRefValue(cwd, OPERATION_HEADS[op]);

/** Paths with unresolved conflicts (unmerged index entries). */
export async function readUnmergedPaths(cwd: string): Promise<string[]> {
  const result = await runGit(cwd, ['diff', '--name-only', '--diff-filter=U', '-z']);
  return [...new Set(result.stdout.split('\0').filter(Boolean))];
}
