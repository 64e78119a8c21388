// The composer's file list: every changed file with what is staged of it, and what space does to it
// (lazygit's toggle: stage what is not staged yet, unstage a file staged whole).
import { escapeControls } from '../../core/display-text/control-characters.js';

/** One line of `git status --porcelain`: its two columns and its path (a rename: its source too). */
export interface ChangedFile {
  path: string;
  /** Index column (' ' unchanged, '?' untracked). */
  index: string;
  /** Working-tree column. */
  worktree: string;
  from?: string;
}

export type StagedState = 'staged' | 'partly' | 'unstaged';

export function stagedState(file: ChangedFile): StagedState {
  if (file.index === ' ' || file.index === '?') return 'unstaged';
  return file.worktree === ' ' ? 'staged' : 'partly';
}

/** What the engine is asked to do: `git add` or `git reset` of these paths. */
export interface StageRequest {
  kind: 'stage' | 'unstage';
  paths: string[];
}

/**
 * Space on a file: staged whole → unstaged (a rename with its source, or the old path would stay
 * staged as deleted); anything not staged yet → staged, the rest of a partly staged file included.
 */
export function toggleRequest(file: ChangedFile): StageRequest {
  if (stagedState(file) === 'staged')
    return { kind: 'unstage', paths: file.from === undefined ? [file.path] : [file.from, file.path] };
  return { kind: 'stage', paths: [file.path] };
}

/**
 * The files as the composer lists them, from the staged and unstaged names when no status columns
 * came with them: a name in both is partly staged.
 */
export function filesFromNames(staged: readonly string[], unstaged: readonly string[]): ChangedFile[] {
  const paths = [...new Set([...staged, ...unstaged])].sort();
  return paths.map((path) => ({
    path,
    index: staged.includes(path) ? 'M' : ' ',
    worktree: unstaged.includes(path) ? 'M' : ' ',
  }));
}

/** `M  src/a.ts`, `?? notes.md`, `R  old.ts → new.ts`: the status columns and the path, as text. */
export function fileLabel(file: ChangedFile): string {
  const path = escapeControls(file.path);
  const name = file.from === undefined ? path : `${escapeControls(file.from)} → ${path}`;
  return `${file.index}${file.worktree} ${name}`;
}

export const countStaged = (files: readonly ChangedFile[]): number =>
  files.filter((file) => stagedState(file) !== 'unstaged').length;

export const countUnstaged = (files: readonly ChangedFile[]): number =>
  files.filter((file) => stagedState(file) !== 'staged').length;

/** The cursor after the list changed: on the same path when it is still there, else at the same row. */
export function followPath(files: readonly ChangedFile[], path: string | undefined, cursor: number): number {
  const found = path === undefined ? -1 : files.findIndex((file) => file.path === path);
  if (found !== -1) return found;
  return Math.max(0, Math.min(cursor, files.length - 1));
}

/** The first row of a `height`-row window over `total` rows that keeps `cursor` in view. */
export function windowStart(cursor: number, total: number, height: number): number {
  if (total <= height) return 0;
  return Math.max(0, Math.min(cursor - Math.floor(height / 2), total - height));
}
