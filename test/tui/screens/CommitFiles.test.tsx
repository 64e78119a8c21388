// The composer's files step on screen: the changed files, space staging or unstaging one through the
// services, the selected file's staged diff (scrolling, hostile content drawn as text), failures.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { CONTROL_CHARACTER } from '../../../src/core/display-text/control-characters.js';
import { renderComposer } from '../support/composer.js';
import { KEY, waitFor } from '../support/render.js';

afterEach(cleanup);

const longDiff = (count: number) =>
  `diff --git a/src/login.ts b/src/login.ts\n--- a/src/login.ts\n+++ b/src/login.ts\n@@ -0,0 +1,${count} @@\n${Array.from(
    { length: count },
    (_, i) => `+line ${i + 1}`,
  ).join('\n')}\n`;

describe('CommitScreen: the files step', () => {
  it('opens on the files when something is unstaged, with the staged diff of the selected one', async () => {
    const screen = renderComposer({ staged: ['src/login.ts'], unstaged: ['README.md'] });
    const { frame } = screen;
    await waitFor(() => expect(frame()).toContain('Nothing of README.md is staged: space stages it.'));
    expect(frame()).toContain('Commit · Files');
    // git's order: README.md before src/.
    expect(frame()).toContain('❯  M README.md');
    expect(frame()).toContain('  M  src/login.ts');
    expect(frame()).toContain('── staged diff of README.md ──');
    expect(frame()).toContain('1 staged · 1 not staged');
    expect(frame()).toContain('↑↓/kj move · space stage · ⏎ next · a stage all · esc/q close');
    screen.stdin.write('j');
    await waitFor(() => expect(frame()).toContain('+src/login.ts changed'));
    expect(frame()).toContain('❯ M  src/login.ts');
    expect(frame()).toContain('── staged diff of src/login.ts ──');
    expect(frame()).toContain('space unstage ·');
  });

  it('stages the selected file with space and unstages it again, through the services', async () => {
    const screen = renderComposer({ staged: ['src/login.ts'], unstaged: ['README.md'] });
    await waitFor(() => expect(screen.frame()).toContain('❯  M README.md'));
    screen.stdin.write(' ');
    await waitFor(() => expect(screen.frame()).toContain('❯ M  README.md'));
    expect(screen.calls.staging).toEqual([{ kind: 'stage', paths: ['README.md'] }]);
    await waitFor(() => expect(screen.frame()).toContain('+README.md changed'));
    expect(screen.frame()).toContain('2 staged · 0 not staged');
    // Nothing left to stage: the help bar stops offering it.
    expect(screen.frame()).not.toContain('a stage all');
    screen.stdin.write(' ');
    await waitFor(() => expect(screen.frame()).toContain('❯  M README.md'));
    expect(screen.calls.staging.at(-1)).toEqual({ kind: 'unstage', paths: ['README.md'] });
    expect(screen.calls.stagedAll).toBe(0);
  });

  it('goes on to the type with Enter, and back to the files with s', async () => {
    const screen = renderComposer({ staged: ['src/login.ts'], unstaged: ['README.md'] });
    await waitFor(() => expect(screen.frame()).toContain('⏎ next'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    expect(screen.frame()).toContain('↑↓/kj move · ⏎ choose · s files · / filter · esc/q close (draft kept)');
    screen.stdin.write('s');
    await waitFor(() => expect(screen.frame()).toContain('Commit · Files'));
  });

  it('scrolls the diff once tab gives it the keys', async () => {
    const screen = renderComposer({
      staged: ['src/login.ts'],
      unstaged: ['README.md'],
      diffs: { 'src/login.ts': longDiff(40) },
    });
    await waitFor(() => expect(screen.frame()).toContain('❯  M README.md'));
    screen.stdin.write('j');
    await waitFor(() => expect(screen.frame()).toContain('+line 1'));
    expect(screen.frame()).toContain('── staged diff of src/login.ts · 1–16 of 44 ──');
    expect(screen.frame()).toContain('⏎ next · tab diff · a stage all');
    screen.stdin.write(KEY.tab);
    await waitFor(() => expect(screen.frame()).toContain('tab/esc files'));
    screen.stdin.write('jjj');
    await waitFor(() => expect(screen.frame()).toContain('· 4–19 of 44 ──'));
    screen.stdin.write('G');
    await waitFor(() => expect(screen.frame()).toContain('· 29–44 of 44 ──'));
    expect(screen.frame()).toContain('+line 40');
    screen.stdin.write(KEY.escape);
    await waitFor(() => expect(screen.frame()).toContain('space unstage'));
  });

  it('draws escape codes in file content as text, never raw', async () => {
    const hostile = '+\u001b]0;pwned\u0007\u001b[2J\u009b31mred\rover';
    const screen = renderComposer({
      staged: ['src/login.ts', 'evil\u001b[31m.txt'],
      unstaged: ['README.md'],
      diffs: { 'src/login.ts': `diff --git a/x b/x\n@@ -0,0 +1 @@\n${hostile}\n` },
    });
    // The list is sorted: README.md, evil…, src/login.ts.
    await waitFor(() => expect(screen.frame()).toContain('evil\\x1b[31m.txt'));
    screen.stdin.write('jj');
    await waitFor(() => expect(screen.frame()).toContain('+\\x1b]0;pwned\\x07\\x1b[2J\\x9b31mred\\x0dover'));
    for (const frame of screen.frames) {
      expect(frame).not.toContain('\u001b]0;');
      expect(frame).not.toContain('\u001b[2J');
      expect(frame).not.toMatch(CONTROL_CHARACTER);
    }
  });

  it('says why staging failed and how to try again, and stays on the files', async () => {
    const screen = renderComposer({
      staged: [],
      unstaged: ['README.md'],
      stage: () => ({ ok: false, output: '', error: "fatal: Unable to create '.git/index.lock': File exists." }),
    });
    await waitFor(() => expect(screen.frame()).toContain('❯  M README.md'));
    screen.stdin.write(' ');
    await waitFor(() =>
      expect(screen.frame()).toContain(
        "✗ Staging README.md failed: fatal: Unable to create '.git/index.lock': File exists. — space tries",
      ),
    );
    expect(screen.frame()).toContain('again (git status shows the index as it is).');
    expect(screen.frame()).toContain('Commit · Files');
  });
});
