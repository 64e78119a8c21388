// The composer end to end in a real terminal (tmux): on a protected branch it warns before a word
// is written and b leads to a new branch and back; Delete erases right of the cursor as the
// terminal sends it; the commit goes through the hooks on the new branch.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoTerminal } from './support/demo-terminal.js';
import { chooseFeat, commitFromPreview, skipToPreview, typeSubject } from './support/composer-steps.js';
import { HAS_TMUX } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;

suite(
  HAS_TMUX
    ? 'the commit composer in a terminal (tmux)'
    : 'the commit composer in a terminal — skipped: tmux is not installed (apt-get install tmux; .ci/run does)',
  () => {
    const demo = useDemoTerminal();
    const { git, launch } = demo;

    it('warns on dev before the message is written, b starts a branch and comes back, the commit lands there', async () => {
      expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('dev');
      writeFileSync(join(demo.repo(), 'src', 'login.js'), 'export const loginForm = () => "<form>";\n');
      git('add', 'src/login.js');
      const t = await launch('commit');
      await t.waitFor('❯ build');
      expect(t.screen({ joined: true })).toContain(
        '⚠ dev is protected: the pre-commit hook refuses direct commits on dev',
      );
      expect(t.screen()).toContain('b new branch');

      t.type('b');
      await t.waitFor('❯ feature');
      t.press('Enter');
      await t.waitFor('Name:');
      t.type('Login form');
      t.press('Enter');
      await t.waitFor('Issue number (optional):');
      t.type('7');
      t.press('Enter');
      await t.waitFor('Create feature/7-login-form from dev and switch to it?');
      t.type('y');
      await t.waitFor('✓ On feature/7-login-form (from dev).');
      t.press('Enter');
      await t.waitFor('❯ build');
      expect(t.screen()).not.toContain('protected');
      expect(t.screen()).toContain('1 staged');

      await chooseFeat(t);
      await typeSubject(t, 'add the logixn form');
      // Onto the x, then Delete (ESC [3~): the x goes, not the i before it.
      t.press('Left', 'Left', 'Left', 'Left', 'Left', 'Left', 'Left');
      t.press('DC');
      await t.waitFor('feat: add the login form');
      // End, a word, Ctrl-W erases it and Backspace the space; Home and Delete take the first letter.
      t.press('End');
      t.type(' now');
      await t.waitFor('feat: add the login form now');
      t.press('C-w');
      t.press('BSpace');
      t.press('Home');
      t.press('DC');
      await t.waitFor(/feat: dd the login form\s*$/m);
      t.type('a');
      await t.waitFor(/feat: add the login form\s*$/m);
      t.press('Enter');
      await t.waitFor('Commit · Body (optional)');
      await skipToPreview(t, () => expect(t.screen()).toContain('#7'));
      await commitFromPreview(t);

      const raw = git('cat-file', 'commit', 'HEAD');
      expect(`${raw.slice(raw.indexOf('\n\n') + 2)}\n`).toBe('feat: add the login form\n\nCloses #7\n');
      expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('feature/7-login-form');
      expect(git('show', '--name-only', '--format=', 'HEAD')).toBe('src/login.js');
    });

    it('checks the body with the project’s commitlint rules while it is typed; e on the preview goes back to it', async () => {
      git('switch', '-q', '-c', 'feature/body-rules');
      writeFileSync(join(demo.repo(), 'src', 'login.js'), 'export const loginForm = () => "<form>";\n');
      git('add', 'src/login.js');
      const t = await launch('commit');
      await chooseFeat(t);
      await typeSubject(t, 'add the login form');
      t.press('Enter');
      await t.waitFor('Commit · Body (optional)');
      t.type('Sessions need a way in');
      t.press('Enter');
      t.type('x'.repeat(110));
      await t.waitFor('✖ body-max-line-length');
      // ↑ to the first line (its end: it is shorter), where typing goes.
      t.press('Up');
      t.type('.');
      await t.waitFor('Sessions need a way in.');
      await skipToPreview(t);
      await t.waitFor('e edit the body');
      t.type('e');
      await t.waitFor('Commit · Body (optional)');
      // ↓ to the long line, its start, and Ctrl-K takes it all.
      t.press('Down', 'Home', 'C-k');
      t.press('BSpace');
      await skipToPreview(t);
      await commitFromPreview(t);
      const raw = git('cat-file', 'commit', 'HEAD');
      expect(`${raw.slice(raw.indexOf('\n\n') + 2)}\n`).toBe('feat: add the login form\n\nSessions need a way in.\n');
    });
  },
);
