// The release wizard end to end: the built CLI's `shipwright release` in a real terminal (tmux) on
// a trunk repository with a real bare file:// remote, walked with keys as a person would, then git
// asked where the tag went.
import { describe, expect, it } from 'vitest';
import { CLI, useReleaseTerminal } from './support/release-terminal.js';
import { PROMPT } from './support/terminal-env.js';
import { HAS_TMUX } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;

suite(
  HAS_TMUX
    ? 'the release wizard in a terminal (tmux)'
    : 'the release wizard in a terminal — skipped: tmux is not installed (apt-get install tmux)',
  () => {
    const openRelease = useReleaseTerminal();

    it('releases a patch on main: preflight, version, review, confirm, steps, summary; the tag is here and on the remote', async () => {
      const { repo, remote, term } = await openRelease();
      term.type(`${CLI} release`);
      term.press('Enter');

      const screens: string[] = [];
      const capture = async (marker: string | RegExp, timeoutMs?: number) =>
        screens.push(await term.waitFor(marker, timeoutMs));
      await capture(/❯ suggested\s+0\.2\.0/);
      expect(term.screen()).toContain('shipwright · Trunk release on main · version');
      expect(term.screen()).toContain('✓ preflight: 8 checks passed');
      expect(term.screen()).toContain('  feat: add the widget');
      term.type('j');
      await capture(/❯ patch\s+0\.1\.1/);
      term.press('Enter');
      await capture('Changelog section for 0.1.1');
      expect(term.screen()).toContain('Plan: Release v0.1.1');
      term.press('Enter');
      await capture('Release v0.1.1 from main and push to origin?');
      term.type('y');
      await capture('✓ Released v0.1.1 on main.', 30_000);
      expect(term.screen()).toContain('pushed  main, v0.1.1 → origin');
      expect(term.screen()).toContain('✓ push main and v0.1.1 to origin (atomic: both or neither)');
      for (const screen of screens)
        for (const line of screen.split('\n')) expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(80);

      const head = await repo.git('rev-parse', 'HEAD');
      expect(await repo.git('cat-file', '-t', 'v0.1.1')).toBe('tag');
      expect(await repo.git('rev-parse', 'v0.1.1^{commit}')).toBe(head);
      expect(await remote.git('rev-parse', 'v0.1.1^{commit}')).toBe(head);
      expect(await remote.git('rev-parse', 'refs/heads/main')).toBe(head);
      expect((await repo.git('log', '-1', '--format=%s')).trim()).toBe('chore(release): v0.1.1');

      term.press('Enter');
      await term.waitFor(PROMPT);
    });

    it('stops a run on Ctrl-C: the step in progress finishes, nothing is tagged or pushed, the summary says so', async () => {
      const { repo, remote, term } = await openRelease({ config: { preRelease: ['sleep', '2'] } });
      const head = await repo.git('rev-parse', 'HEAD');
      term.type(`${CLI} release`);
      term.press('Enter');
      await term.waitFor(/❯ suggested\s+0\.2\.0/);
      term.press('Enter');
      await term.waitFor('Changelog section for 0.2.0');
      term.press('Enter');
      await term.waitFor('Release v0.2.0 from main and push to origin?');
      term.type('y');
      await term.waitFor('ctrl+c stop and put everything back');
      // The check is running (its spinner is up) when Ctrl-C comes: it is let finish, then undone.
      await term.waitFor(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] checklist: preRelease \(sleep 2\)/);
      term.press('C-c');
      await term.waitFor('Stopping: the step in progress finishes');
      await term.waitFor('✗ The release stopped at step 1 of 7: checklist: preRelease (sleep 2)', 30_000);
      expect(term.screen()).toContain('interrupted by Ctrl-C');
      // The check wrote nothing, so there is nothing to put back, and the summary says just that.
      expect(term.screen()).toContain('Nothing had been changed yet.');
      expect(term.screen()).toContain('→ nothing to fix: run the command again when you are ready');

      expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('');
      expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('');
      expect(await repo.git('rev-parse', 'HEAD')).toBe(head);
      expect(await repo.git('status', '--porcelain')).toBe('');
      term.press('Enter');
      await term.waitFor(PROMPT);
    });
  },
);
