// The composer's file list from data: what is staged of each file, what space asks for, the labels.
import { describe, expect, it } from 'vitest';
import {
  countStaged,
  countUnstaged,
  fileLabel,
  filesFromNames,
  followPath,
  stagedState,
  toggleRequest,
  windowStart,
  type ChangedFile,
} from '../../../src/tui/models/file-staging.js';

const file = (status: string, path: string, from?: string): ChangedFile => ({
  path,
  index: status[0] ?? ' ',
  worktree: status[1] ?? ' ',
  ...(from === undefined ? {} : { from }),
});

describe('stagedState and toggleRequest', () => {
  it.each([
    ['M ', 'staged', { kind: 'unstage', paths: ['src/a.ts'] }],
    ['A ', 'staged', { kind: 'unstage', paths: ['src/a.ts'] }],
    ['D ', 'staged', { kind: 'unstage', paths: ['src/a.ts'] }],
    [' M', 'unstaged', { kind: 'stage', paths: ['src/a.ts'] }],
    [' D', 'unstaged', { kind: 'stage', paths: ['src/a.ts'] }],
    ['??', 'unstaged', { kind: 'stage', paths: ['src/a.ts'] }],
    // Partly staged: space stages the rest, as lazygit does.
    ['MM', 'partly', { kind: 'stage', paths: ['src/a.ts'] }],
    ['AM', 'partly', { kind: 'stage', paths: ['src/a.ts'] }],
  ])('%j is %s; space asks for %j', (status, state, request) => {
    expect(stagedState(file(status, 'src/a.ts'))).toBe(state);
    expect(toggleRequest(file(status, 'src/a.ts'))).toEqual(request);
  });

  it('unstages a staged rename with its source path, or the old path would stay staged as deleted', () => {
    expect(toggleRequest(file('R ', 'src/new.ts', 'src/old.ts'))).toEqual({
      kind: 'unstage',
      paths: ['src/old.ts', 'src/new.ts'],
    });
  });
});

describe('the list', () => {
  it('derives the status columns from staged and unstaged names, sorted, a name in both partly staged', () => {
    expect(filesFromNames(['b.ts', 'a.ts'], ['a.ts', 'c.ts'])).toEqual([
      { path: 'a.ts', index: 'M', worktree: 'M' },
      { path: 'b.ts', index: 'M', worktree: ' ' },
      { path: 'c.ts', index: ' ', worktree: 'M' },
    ]);
  });

  it('counts a partly staged file as both staged and not staged', () => {
    const files = [file('M ', 'a'), file('MM', 'b'), file('??', 'c')];
    expect(countStaged(files)).toBe(2);
    expect(countUnstaged(files)).toBe(2);
  });

  it('labels a file with its status columns and its path, control characters escaped', () => {
    expect(fileLabel(file('M ', 'src/a.ts'))).toBe('M  src/a.ts');
    expect(fileLabel(file('??', 'notes.md'))).toBe('?? notes.md');
    expect(fileLabel(file('R ', 'new.ts', 'old.ts'))).toBe('R  old.ts → new.ts');
    expect(fileLabel(file(' M', 'evil\u001b]0;pwned\u0007.txt'))).toBe(' M evil\\x1b]0;pwned\\x07.txt');
  });

  it('keeps the cursor on its file when the list changes, else on the same row within the list', () => {
    const files = [file('M ', 'a'), file(' M', 'b'), file('??', 'c')];
    expect(followPath(files, 'c', 0)).toBe(2);
    expect(followPath(files, 'gone', 1)).toBe(1);
    expect(followPath(files, 'gone', 7)).toBe(2);
    expect(followPath([], 'a', 3)).toBe(0);
  });

  it.each([
    [0, 3, 6, 0],
    [5, 20, 6, 2],
    [19, 20, 6, 14],
    [10, 20, 6, 7],
  ])('shows the cursor %i of %i rows in a %i-row window from row %i', (cursor, total, height, start) => {
    expect(windowStart(cursor, total, height)).toBe(start);
  });
});
