// End to end, as a person uses it: the built CLI in a real terminal (tmux), keys typed, the screen
// read back, and git asked what happened. The repository is the `npm run demo` one, hooks and all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { useDemoTerminal } from './support/demo-terminal.js';
import { PROMPT } from './support/terminal-env.js';
import { chooseFeat, commitFromPreview, skipToPreview, typeSubject } from './support/composer-steps.js';
import { HAS_TMUX } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;

suite(
  HAS_TMUX
    ? 'the TUI in a terminal (tmux)'
    : 'the TUI in a terminal — skipped: tmux is not installed (apt-get install tmux; .ci/run does)',
  () => {
    const demo = useDemoTerminal();
    const { git, launch } = demo;
    const isAncestor = (ancestor: string, descendant: string) =>
      spawnSync('git', ['merge-base', '--is-ancestor', ancestor, descendant], { cwd: demo.repo() }).status === 0;
    /** The work of a feature branch, staged, so the protected-branch hook lets the commit through. */
    function stageOnFeatureBranch(branch: string): void {
      git('switch', '-q', '-c', branch);
      writeFileSync(join(demo.repo(), 'src', 'login.js'), 'export const loginForm = () => "<form>";\n');
      git('add', 'src/login.js');
    }

    it('(a) commits through the composer with the exact message, hooks running', async () => {
      stageOnFeatureBranch('feature/42-login-form');
      const t = await launch();
      await t.waitFor('Next version: 1.3.0');
      t.type('c');
      await chooseFeat(t);
      t.type('auth');
      await t.waitFor('feat(auth');
      t.press('Enter');
      await t.waitFor('Commit · Subject');
      t.type('add the login form');
      await t.waitFor('feat(auth): add the login form');
      t.press('Enter');
      await t.waitFor('Commit · Body (optional)');
      // The branch is feature/42-…: the closes field starts with the issue it names.
      await skipToPreview(t, () => expect(t.screen()).toContain('#42'));
      expect(t.screen()).toContain('│ feat(auth): add the login form');
      expect(t.screen()).toContain('│ Closes #42');
      await commitFromPreview(t);
      // The branch tracks nothing yet: the next step is the first push, then the pull request.
      await t.waitFor('Next: push it (git push -u origin feature/42-login-form) and open a pull request');

      const raw = git('cat-file', 'commit', 'HEAD');
      expect(`${raw.slice(raw.indexOf('\n\n') + 2)}\n`).toBe('feat(auth): add the login form\n\nCloses #42\n');
      expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('feature/42-login-form');
      expect(git('show', '--name-only', '--format=', 'HEAD')).toBe('src/login.js');
      expect(git('status', '--porcelain')).toBe('');
      expect(existsSync(join(demo.repo(), '.git', 'shipwright', 'commit-draft.json'))).toBe(false);
    });

    it('(b) starts branches through the wizard from the right base', async () => {
      const t = await launch('branch');
      await t.waitFor('❯ feature');
      t.press('Enter');
      await t.waitFor('Name:');
      t.type('Login form');
      await t.waitFor('Branch: feature/login-form from dev');
      t.press('Enter');
      await t.waitFor('Issue number (optional):');
      t.type('42');
      t.press('Enter');
      await t.waitFor('Create feature/42-login-form from dev and switch to it?');
      t.type('y');
      await t.waitFor('✓ On feature/42-login-form (from dev).');
      await t.waitFor('Next: make your change, then commit it');
      t.press('Enter');
      await t.waitFor(PROMPT);

      expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('feature/42-login-form');
      expect(git('rev-parse', 'feature/42-login-form')).toBe(git('rev-parse', 'dev'));
      expect(isAncestor('dev', 'feature/42-login-form')).toBe(true);

      // A hotfix starts from the production release (v1.2.0), not from where HEAD is, and names the
      // version the hotfix flow will finish.
      t.type(`node ${SHIPWRIGHT_BIN} branch`);
      t.press('Enter');
      await t.waitFor('❯ feature');
      t.type('k');
      await t.waitFor('❯ hotfix');
      t.press('Enter');
      await t.waitFor('Name:');
      t.type('csv zeros');
      t.press('Enter');
      await t.waitFor('Issue number (optional):');
      t.press('Enter');
      await t.waitFor('Create hotfix/1.2.1-csv-zeros from v1.2.0');
      t.press('Enter');
      await t.waitFor(/On hotfix\/1\.2\.1-csv-zeros \(from v1\.2\.0\)\./);

      expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('hotfix/1.2.1-csv-zeros');
      expect(git('rev-parse', 'hotfix/1.2.1-csv-zeros')).toBe(git('rev-parse', 'v1.2.0^{commit}'));
      expect(isAncestor('hotfix/1.2.1-csv-zeros', 'main')).toBe(true);
    });

    it('(c) leaves the terminal usable after Ctrl-C', async () => {
      const t = await launch();
      await t.waitFor('Next version: 1.3.0');
      t.press('C-c');
      await t.waitFor(PROMPT);
      t.type('echo READY');
      t.press('Enter');
      await t.waitFor(/^READY$/m);
      t.type('clear; stty -a');
      t.press('Enter');
      const settings = await t.waitFor(/\bicanon\b/);
      expect(settings).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(settings).toMatch(/(^|\s)echo(\s|$)/m);
      expect(settings).not.toMatch(/-icanon|(^|\s)-echo(\s|$)/m);
    });

    it('(d) keeps a draft through Ctrl-C and offers it again', async () => {
      stageOnFeatureBranch('feature/csv-export');
      const t = await launch('commit');
      await chooseFeat(t);
      await typeSubject(t, 'add the csv exp');
      // The draft is written as the text changes; give the write a moment to land before pulling the plug.
      const draftFile = join(demo.repo(), '.git', 'shipwright', 'commit-draft.json');
      const start = Date.now();
      while (
        !(existsSync(draftFile) && readFileSync(draftFile, 'utf8').includes('add the csv exp')) &&
        Date.now() - start < 5000
      )
        await new Promise((resolve) => setTimeout(resolve, 50));
      t.press('C-c');
      await t.waitFor(PROMPT);

      t.type(`clear; node ${SHIPWRIGHT_BIN} commit`);
      t.press('Enter');
      await t.waitFor('Restored your unfinished draft: feat: add the csv exp');
      expect(t.screen()).toContain('❯ feat');
      t.press('Enter');
      await t.waitFor('Commit · Scope (optional)');
      t.press('Enter');
      await t.waitFor('Commit · Subject');
      expect(t.screen()).toContain('feat: add the csv exp');
    });

    it('(f) on a repository without commits, home says how to start and the composer makes the first commit', async () => {
      const fresh = join(demo.repo(), 'fresh');
      git('init', '-q', '-b', 'main', fresh);
      git('-C', fresh, 'config', 'user.name', 'Ada Lovelace');
      git('-C', fresh, 'config', 'user.email', 'ada@example.com');
      writeFileSync(join(fresh, 'README.md'), '# fresh\n');
      const t = await demo.shell();
      t.type(`cd fresh && ${demo.command}`);
      t.press('Enter');
      await t.waitFor('No commits yet: there is nothing to version or release');
      expect(t.screen()).toContain('Start here: press c to write the first commit');
      expect(t.screen()).not.toContain('✗');
      t.type('c');
      await t.waitFor('Nothing is staged. 1 changed file — space stages the selected one.');
      t.type('a');
      await t.waitFor('Commit · Type · 1 staged');
      t.type('j');
      await t.waitFor('❯ chore');
      t.press('Enter');
      await t.waitFor('Commit · Scope (optional)');
      await typeSubject(t, 'initial commit', 'chore');
      t.press('Enter');
      await t.waitFor('Commit · Body (optional)');
      await skipToPreview(t);
      await commitFromPreview(t);
      await t.waitFor('Next: add a remote and push it (git remote add origin URL), or release it: R on');
      expect(git('-C', fresh, 'log', '--format=%s')).toBe('chore: initial commit');
    });

    it('(e) fits 80×24: the help bar is there and nothing wraps', async () => {
      stageOnFeatureBranch('feature/layout');
      const t = await launch();
      const screens: Record<string, string> = {};
      const capture = async (name: string, marker: string) => {
        await t.waitFor(marker);
        screens[name] = t.screen({ joined: true });
      };
      await capture('home', 'Next version: 1.3.0');
      t.type('b');
      await capture('branch', '❯ feature');
      t.press('Escape');
      await t.waitFor('Next version: 1.3.0');
      t.type('c');
      await capture('commit', '❯ build');
      t.press('Escape');
      await t.waitFor('Next version: 1.3.0');
      t.type('l');
      await capture('changelog', '### Features');

      const help: Record<string, string> = {
        home: '↑↓/kj move · ⏎ open · b/c/l/R/h/p screens · r refresh · q/esc quit · ? help',
        branch: '↑↓/kj move · ⏎ choose · / filter · esc/q back · ? help',
        commit: '↑↓/kj move · ⏎ choose · s files · / filter · esc/q close (draft kept) · ? help',
        changelog: '↑↓/kj scroll · pgup/pgdn/space page · g top · G end · q/esc back · ? help',
      };
      for (const [name, text] of Object.entries(screens)) {
        const lines = text.split('\n');
        expect(
          lines.map((line) => line.trimEnd()),
          `${name} help bar`,
        ).toContain(help[name]);
        for (const line of lines) expect([...line.trimEnd()].length, `${name}: ${line}`).toBeLessThanOrEqual(80);
      }
    });
  },
);
