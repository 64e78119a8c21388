// Per-file staging in the composer, end to end at 80×24: space stages one of two new files, the
// commit holds exactly that one (git says so), the other stays unstaged, and the composer opened
// again offers no draft. A file's escape codes are drawn as text in the staged diff, never sent raw.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoTerminal } from './support/demo-terminal.js';
import { PROMPT } from './support/terminal-env.js';
import { chooseFeat, commitFromPreview, skipToPreview, typeSubject } from './support/composer-steps.js';
import { HAS_TMUX, type Terminal } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;

const fitsWidth = (t: Terminal) => {
  for (const line of t.screen({ joined: true }).split('\n'))
    expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(80);
};

suite(
  HAS_TMUX
    ? 'per-file staging in the composer (tmux)'
    : 'per-file staging in the composer — skipped: tmux is not installed (apt-get install tmux)',
  () => {
    const demo = useDemoTerminal();
    const { git } = demo;

    it('stages one of two files with space, commits it alone, and reopens with no draft', async () => {
      git('switch', '-q', '-c', 'feature/7-login');
      writeFileSync(join(demo.repo(), 'src', 'login.js'), 'export const loginForm = () => "<form>";\n');
      writeFileSync(join(demo.repo(), 'src', 'signup.js'), 'export const title = "\u001b]0;pwned\u0007signup";\n');
      const t = await demo.shell();
      const raw = join(demo.repo(), '..', 'terminal.raw');
      t.record(raw);
      t.type(`${demo.command} commit`);
      t.press('Enter');

      await t.waitFor('Nothing is staged. 2 changed files');
      expect(t.screen()).toContain('❯ ?? src/login.js');
      expect(t.screen()).toContain('  ?? src/signup.js');
      expect(t.screen()).toContain('src/login.js is untracked: space stages it.');
      fitsWidth(t);
      t.type(' ');
      await t.waitFor('❯ A  src/login.js');
      await t.waitFor('+export const loginForm = () => "<form>";');
      expect(t.screen()).toContain('1 staged · 1 not staged');
      expect(t.screen()).toContain('space unstage');
      fitsWidth(t);

      t.press('Enter');
      await chooseFeat(t);
      await typeSubject(t, 'add the login form');
      t.press('Enter');
      await t.waitFor('Commit · Body (optional)');
      await skipToPreview(t);
      await commitFromPreview(t);

      expect(git('log', '-1', '--format=%s')).toBe('feat: add the login form');
      expect(git('show', '--name-only', '--format=', 'HEAD')).toBe('src/login.js');
      expect(git('status', '--porcelain', '--untracked-files=all')).toBe('?? src/signup.js');
      expect(existsSync(join(demo.repo(), '.git', 'shipwright', 'commit-draft.json'))).toBe(false);
      t.type('q');
      await t.waitFor(PROMPT);

      // Opened again: the file list, no draft; staging the other file leads to a fresh type list.
      t.type(`clear; ${demo.command} commit`);
      t.press('Enter');
      await t.waitFor('Nothing is staged. 1 changed file');
      expect(t.screen()).toContain('❯ ?? src/signup.js');
      expect(t.screen()).not.toContain('Restored your unfinished draft');
      t.type(' ');
      await t.waitFor('❯ A  src/signup.js');
      // The file's OSC title sequence, as text.
      await t.waitFor('+export const title = "\\x1b]0;pwned\\x07signup";');
      // Nothing left unstaged: the help bar no longer offers stage all.
      expect(t.screen()).toContain('space unstage · ⏎ next · esc/q close · ? help');
      fitsWidth(t);
      t.press('Enter');
      await t.waitFor('❯ build');
      expect(t.screen()).not.toContain('Restored your unfinished draft');
      expect(t.screen()).not.toContain('add the login form');
      t.type('q');
      await t.waitFor(PROMPT);

      expect(t.format('#{pane_title}')).not.toContain('pwned');
      expect(readFileSync(raw, 'utf8')).not.toContain('\u001b]0;pwned');
      // Quitting left the staging as it was: the index is the user's.
      expect(git('status', '--porcelain', '--untracked-files=all')).toBe('A  src/signup.js');
    }, 90_000);
  },
);
