// The index: what the commit being made contains (the staged diff, one file's, whether anything is staged), the
// tracked package.json files, and the stash entries lint-staged leaves behind.
import { readGit, runGit } from './run-git.js';

/** Added lines only (`--unified=0`), new/changed files only, paths unquoted. */
export async function readStagedDiff(cwd: string): Promise<string> {
  const result = await runGit(cwd, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--cached',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--diff-filter=ACMR',
    '--',
  ]);
  return result.stdout;
}

/**
 * The staged change of one file, as `git diff --cached` shows it (context lines, renames found when
 * `from` is given). Raw text from the repository: the caller escapes it before it is drawn.
 */
export async function readStagedFileDiff(cwd: string, path: string, from?: string): Promise<string> {
  const result = await runGit(cwd, [
    '-c',
    'core.quotePath=false',
    '--literal-pathspecs',
    'diff',
    '--cached',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--find-renames',
    '--',
    ...(from === undefined ? [] : [from]),
    path,
  ]);
  return result.stdout;
}

export async function hasStagedChanges(cwd: string): Promise<boolean> {
  const result = await runGit(cwd, ['diff', '--cached', '--quiet'], { okExitCodes: [1] });
  return result.exitCode === 1;
}

/** lint-staged's stash message (lint-staged/lib/gitWorkflow.js `STASH`). */
const LINT_STAGED_BACKUP = 'lint-staged automatic backup';

interface StashEntry {
  /** `stash@{N}` */
  ref: string;
  hash: string;
  subject: string;
}

async function readStashEntries(cwd: string): Promise<StashEntry[]> {
  // No refs/stash: `git stash list` prints nothing and exits 0.
  const result = await runGit(cwd, ['stash', 'list', '--format=%gd%x00%H%x00%gs']);
  return result.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [ref = '', hash = '', subject = ''] = line.split('\0');
      return { ref, hash, subject };
    });
}

/** Backups lint-staged made and never dropped (its process was killed before it could restore). */
export async function readLeftoverBackups(cwd: string): Promise<StashEntry[]> {
  return (await readStashEntries(cwd)).filter((entry) => entry.subject.endsWith(LINT_STAGED_BACKUP));
}

export async function readTrackedManifestDirs(cwd: string): Promise<string[]> {
  const out = await readGit(cwd, ['ls-files', '-z', '--cached', '--', ':(glob)**/package.json']);
  return out
    .split('\0')
    .filter((path) => path === 'package.json' || path.endsWith('/package.json'))
    .map((path) => (path === 'package.json' ? '' : path.slice(0, -'/package.json'.length)));
}

/** The repository-relative paths under `dir` that are in the index (init chains only committed team hooks). */
export async function readTrackedPaths(root: string, dir: string): Promise<Set<string>> {
  const out = await readGit(root, ['ls-files', '-z', '--cached', '--', dir]);
  return new Set(out.split('\0').filter((path) => path.length > 0));
}

/** The folders holding a package.json, untracked ones too (a project not committed yet), never inside node_modules or ignored folders. */
export async function readManifestDirs(cwd: string): Promise<string[]> {
  const out = await readGit(cwd, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    ':(glob)**/package.json',
  ]);
  const dirs = out
    .split('\0')
    .filter((path) => (path === 'package.json' || path.endsWith('/package.json')) && !/(^|\/)node_modules\//.test(path))
    .map((path) => (path === 'package.json' ? '' : path.slice(0, -'/package.json'.length)));
  return [...new Set(dirs)].sort();
}
