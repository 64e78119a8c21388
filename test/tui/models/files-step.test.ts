// The composer's files step from data: the keys it offers, the toggle it asks for, the diff's scroll,
// and the composer around it (staging, the list read again, the cursor kept on its file).
import { describe, expect, it } from 'vitest';
import { helpText } from '../../../src/tui/keymap.js';
import {
  composerReducer,
  initialComposer,
  keymapOf,
  type ComposerState,
} from '../../../src/tui/models/commit-model.js';
import type { ChangedFile } from '../../../src/tui/models/file-staging.js';
import { filesKeymap, filesLayout, initialFilesView, onFilesKey } from '../../../src/tui/models/files-step.js';
import { composerData } from '../support/data.js';
import { burst, press } from '../support/keys.js';

const file = (status: string, path: string): ChangedFile => ({
  path,
  index: status[0] ?? ' ',
  worktree: status[1] ?? ' ',
});
const TWO = [file('M ', 'a.ts'), file('??', 'b.ts')];
const diffOf = (count: number) =>
  `diff --git a/a.ts b/a.ts\n@@ -0,0 +1,${count} @@\n${Array.from({ length: count }, (_, i) => `+line ${i}`).join('\n')}\n`;

describe('filesKeymap', () => {
  it.each([
    [
      'a staged file selected, another untracked',
      TWO,
      0,
      '↑↓/kj move · space unstage · ⏎ next · a stage all · esc/q close',
    ],
    ['the untracked one selected', TWO, 1, '↑↓/kj move · space stage · ⏎ next · a stage all · esc/q close'],
    ['one file, all staged: no move, no stage all', [file('M ', 'a.ts')], 0, 'space unstage · ⏎ next · esc/q close'],
    ['nothing staged: no next', [file(' M', 'a.ts')], 0, 'space stage · a stage all · esc/q close'],
    ['nothing changed', [], 0, 'esc/q close'],
  ])('%s: %s', (_name, files, cursor, help) => {
    expect(helpText(filesKeymap(files, { ...initialFilesView(), cursor }))).toBe(help);
  });

  it('offers tab (and pgup/pgdn in ?) only for a diff longer than its pane', () => {
    const { diffRows } = filesLayout(24, TWO.length);
    const withDiff = (count: number) =>
      filesKeymap(TWO, {
        ...initialFilesView(),
        diff: { path: 'a.ts', lines: Array.from({ length: count }, () => ({ kind: 'added' as const, text: '+' })) },
      });
    expect(helpText(withDiff(diffRows))).not.toContain('tab');
    expect(helpText(withDiff(diffRows + 1))).toBe(
      '↑↓/kj move · space unstage · ⏎ next · tab diff · a stage all · esc/q close',
    );
    expect(withDiff(diffRows + 1).map((binding) => binding.keys[0])).toContain('pagedown');
    expect(withDiff(diffRows).map((binding) => binding.keys[0])).not.toContain('pagedown');
  });

  it('offers the changelog keys while the diff has them', () => {
    expect(helpText(filesKeymap(TWO, { ...initialFilesView(), focus: 'diff' }))).toBe(
      '↑↓/kj scroll · pgup/pgdn/space page · g top · G end · tab/esc files',
    );
  });
});

describe('onFilesKey', () => {
  const view = { ...initialFilesView(), diff: { path: 'a.ts', lines: [] } };

  it('moves with j and k (wrapping), the diff back to its top', () => {
    const moved = onFilesKey({ ...view, scroll: 4 }, TWO, press('down'));
    expect(moved).toEqual({ view: { ...view, cursor: 1, scroll: 0 }, outcome: null });
    expect(onFilesKey(moved.view, TWO, burst('j')[0]!).view.cursor).toBe(0);
  });

  it('asks space to unstage a staged file and to stage an untracked one', () => {
    expect(onFilesKey(view, TWO, burst(' ')[0]!).outcome).toEqual({ kind: 'unstage', paths: ['a.ts'] });
    expect(onFilesKey({ ...view, cursor: 1 }, TWO, burst(' ')[0]!).outcome).toEqual({ kind: 'stage', paths: ['b.ts'] });
  });

  it('scrolls the diff by line, by page and to either end, never past it', () => {
    const rows = 24;
    const { diffRows } = filesLayout(rows, TWO.length);
    const lines = composerReducer(
      { ...initialComposer(), step: 'files', data: { ...composerData(), files: TWO } },
      { type: 'diff', path: 'a.ts', generation: 0, text: diffOf(40) },
    ).files.diff!;
    const focused = { ...view, rows, diff: lines, focus: 'diff' as const };
    expect(lines.lines).toHaveLength(42);
    expect(onFilesKey(focused, TWO, burst('j')[0]!).view.scroll).toBe(1);
    expect(onFilesKey(focused, TWO, burst('k')[0]!).view.scroll).toBe(0);
    expect(onFilesKey(focused, TWO, burst(' ')[0]!).view.scroll).toBe(diffRows);
    expect(onFilesKey(focused, TWO, burst('G')[0]!).view.scroll).toBe(42 - diffRows);
    expect(onFilesKey({ ...focused, scroll: 9 }, TWO, burst('g')[0]!).view.scroll).toBe(0);
    // Space pages here: it toggles nothing while the diff has the keys.
    expect(onFilesKey(focused, TWO, burst(' ')[0]!).outcome).toBeNull();
    expect(onFilesKey(focused, TWO, press('escape')).view.focus).toBe('list');
  });

  it('splits 80×24 into a list of up to six rows and the diff below', () => {
    expect(filesLayout(24, 2)).toEqual({ listRows: 2, diffRows: 16 });
    expect(filesLayout(24, 30)).toEqual({ listRows: 6, diffRows: 12 });
  });
});

describe('the composer around the files step', () => {
  const loaded = (): ComposerState =>
    composerReducer(initialComposer(), {
      type: 'loaded',
      data: { ...composerData(['a.ts'], ['b.ts']), files: TWO },
      draft: null,
    });
  const key = (state: ComposerState, input: string) =>
    burst(input).reduce((current, event) => composerReducer(current, { type: 'key', ...event }), state);

  it('opens on the files when something is left unstaged; Enter goes on to the type', () => {
    expect(loaded().step).toBe('files');
    expect(key(loaded(), '\r').step).toBe('type');
    // s on the type list comes back to the files.
    expect(key(key(loaded(), '\r'), 's').step).toBe('files');
  });

  it('stages the selected file with space, then stays on the list with the cursor on that file', () => {
    const asked = key(key(loaded(), 'j'), ' ');
    expect(asked.step).toBe('staging');
    expect(asked.files.request).toEqual({ kind: 'stage', paths: ['b.ts'] });
    // Keys wait while git works.
    expect(key(asked, 'j')).toBe(asked);
    const done = composerReducer(asked, {
      type: 'staged',
      data: { ...composerData(['a.ts', 'b.ts']), files: [file('M ', 'a.ts'), file('A ', 'b.ts')] },
    });
    expect(done).toMatchObject({ step: 'files', files: { cursor: 1, request: null, diff: null, error: null } });
    expect(done.data.staged).toEqual(['a.ts', 'b.ts']);
  });

  it('shows why staging failed and lets space try again', () => {
    const failed = composerReducer(key(loaded(), ' '), { type: 'stage-failed', message: 'Unstaging a.ts failed' });
    expect(failed).toMatchObject({ step: 'files', files: { error: 'Unstaging a.ts failed', request: null } });
    expect(key(failed, ' ').files.request).toEqual({ kind: 'unstage', paths: ['a.ts'] });
  });

  it('b leaves for the branch screen from the list on a protected branch, not from the diff', () => {
    const notice = { branch: 'dev', summary: 'dev is protected.', command: 'git switch -c feature/my-change' };
    const onDev = composerReducer(initialComposer(true), {
      type: 'loaded',
      data: { ...composerData(['a.ts'], ['b.ts']), files: TWO, protectedBranch: notice },
      draft: null,
    });
    expect(onDev.step).toBe('files');
    expect(helpText(keymapOf(onDev))).toBe(
      '↑↓/kj move · space unstage · ⏎ next · a stage all · b new branch · esc/q close',
    );
    expect(key(onDev, 'b').step).toBe('branching');
    const inDiff = { ...onDev, files: { ...onDev.files, focus: 'diff' as const } };
    expect(keymapOf(inDiff).some((binding) => binding.action === 'branch')).toBe(false);
    expect(key(inDiff, 'b')).toEqual(inDiff);
    expect(key(loaded(), 'b')).toEqual(loaded());
  });

  it('keeps the cursor on its file when the index is read again after an attempt', () => {
    const onB = key(loaded(), 'j');
    const refreshed = composerReducer(onB, {
      type: 'refreshed',
      data: { ...composerData(['a.ts'], ['b.ts']), files: [file('M ', '0.ts'), ...TWO] },
    });
    expect(refreshed.files).toMatchObject({ cursor: 2, diff: null, generation: onB.files.generation + 1 });
  });

  it('drops a diff read before the index last changed', () => {
    const asked = key(loaded(), ' ');
    const done = composerReducer(asked, { type: 'staged', data: { ...composerData([], ['a.ts', 'b.ts']) } });
    expect(done.files.generation).toBe(1);
    expect(composerReducer(done, { type: 'diff', path: 'a.ts', generation: 0, text: diffOf(1) })).toBe(done);
    expect(composerReducer(done, { type: 'diff', path: 'a.ts', generation: 1, text: '' }).files.diff).toEqual({
      path: 'a.ts',
      lines: [],
    });
  });

  it('keeps only the diff of the file the cursor is on', () => {
    const moved = key(loaded(), 'j');
    expect(composerReducer(moved, { type: 'diff', path: 'a.ts', generation: 0, text: diffOf(1) })).toBe(moved);
    expect(composerReducer(moved, { type: 'diff', path: 'b.ts', generation: 0, text: '' }).files.diff).toEqual({
      path: 'b.ts',
      lines: [],
    });
  });
});
