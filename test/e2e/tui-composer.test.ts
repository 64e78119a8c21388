// The composer end to end in a real terminal (tmux): on a protected branch it warns before a word
// is written and b leads to a new branch and back; Delete erases right of the cursor as the
// terminal sends it; the commit goes through the hooks on the new branch.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoTerminal } from './support/demo-terminal.js';
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

      t.type('jjjj');
      await t.waitFor('❯ feat');
      t.press('Enter');
      await t.waitFor('Commit · Scope (optional)');
      t.press('Enter');
      await t.waitFor('Commit · Subject');
      t.type('add the logixn form');
      await t.waitFor('feat: add the logixn form');
      // Onto the x, then Delete (ESC [3~): the x goes, not the i before it.
      t.press('Left', 'Left', 'Left', 'Left', 'Left', 'Left', 'Left');
      t.press('DC');
      await t.waitFor('feat: add the login form');
      t.press('Enter');
      await t.waitFor('Commit · Body (optional)');
      t.press('Tab');
      await t.waitFor('Commit · Breaking change (optional)');
      t.press('Enter');
      await t.waitFor('Commit · Closes issues (optional)');
      expect(t.screen()).toContain('#7');
      t.press('Enter');
      await t.waitFor('Commit · Preview');
      t.press('Enter');
      await t.waitFor('✓ Committed.', 30_000);

      const raw = git('cat-file', 'commit', 'HEAD');
      expect(`${raw.slice(raw.indexOf('\n\n') + 2)}\n`).toBe('feat: add the login form\n\nCloses #7\n');
      expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('feature/7-login-form');
      expect(git('show', '--name-only', '--format=', 'HEAD')).toBe('src/login.js');
    });
  },
);
