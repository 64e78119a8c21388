// The TUI as a well-behaved terminal program, in tmux at 80×24 and 120×40 on a long branch name:
// the alternate screen (the user's scrollback untouched, restored however the program ends), one
// title line, reflow on resize, Ctrl-Z, and plain output on TERM=dumb.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { settle } from '../helpers/settle.js';
import { useDemoTerminal } from './support/demo-terminal.js';
import { PROMPT } from './support/terminal-env.js';
import { HAS_TMUX, type Terminal } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;
const BRANCH = 'feature/42-search-filters-for-the-board-and-the-list';
const READY = '✓ hooks installed';

/** The screen without trailing blanks, once it has stopped changing (the hooks line comes last). */
async function settled(t: Terminal, marker = READY): Promise<string> {
  await t.waitFor(marker);
  return settle(() => t.screen().trimEnd(), { interval: 100, timeout: 20_000 });
}

suite(
  HAS_TMUX ? 'the TUI as a terminal program (tmux)' : 'the TUI as a terminal program — skipped: tmux is not installed',
  () => {
    const demo = useDemoTerminal();

    describe.each([
      [80, 24],
      [120, 40],
    ])('at %i×%i', (width, height) => {
      it('draws the title on one line and leaves the earlier shell output in the scrollback after q', async () => {
        demo.git('switch', '-q', '-c', BRANCH);
        const t = await demo.shell({ width, height });
        t.type('for i in $(seq 1 60); do echo "earlier output $i"; done');
        t.press('Enter');
        await t.waitFor(/^earlier output 60$/m);
        t.type(demo.command);
        t.press('Enter');
        const screen = await settled(t);
        expect(t.format('#{alternate_on}')).toBe('1');
        const [title, second] = screen.split('\n');
        expect(title).toMatch(new RegExp(`^shipwright · \\S+ · on ${BRANCH}$`));
        expect([...(title ?? '')].length).toBeLessThanOrEqual(width);
        expect(second).toBe('');
        expect(screen).toContain('Next version: 1.3.0');
        for (const line of screen.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);

        t.type('q');
        await t.waitFor(PROMPT);
        expect(t.format('#{alternate_on}')).toBe('0');
        const history = t.history();
        for (let i = 1; i <= 60; i++) expect(history).toContain(`earlier output ${i}\n`);
        // Nothing of the TUI is left behind in the user's screen or scrollback.
        expect(history).not.toContain('Next version');
      });
    });

    it('reflows on resize: the screen is what a fresh start at the new size draws, no stale lines', async () => {
      demo.git('switch', '-q', '-c', BRANCH);
      const fresh = async (width: number, height: number) => {
        const t = await demo.launch('', { width, height });
        const screen = await settled(t);
        t.type('q');
        await t.waitFor(PROMPT);
        return screen;
      };
      const small = await fresh(80, 24);
      const large = await fresh(120, 40);

      const t = await demo.launch('', { width: 120, height: 40 });
      expect(await settled(t)).toBe(large);
      t.resize(80, 24);
      expect(await settled(t)).toBe(small);
      t.resize(120, 40);
      expect(await settled(t)).toBe(large);
    });

    it('suspends on Ctrl-Z and comes back on fg', async () => {
      const t = await demo.launch();
      await settled(t);
      t.press('C-z');
      await t.waitFor(/Stopped\s+node /);
      await t.waitFor(PROMPT);
      expect(t.format('#{alternate_on}')).toBe('0');
      t.type('fg');
      t.press('Enter');
      await t.waitFor('Next version: 1.3.0');
      expect(t.format('#{alternate_on}')).toBe('1');
      // Keys work again (raw mode is back): j moves the cursor.
      t.type('j');
      await t.waitFor('❯ Commit (composer)');
      t.type('q');
      await t.waitFor(PROMPT);
    });

    it('gives the screen back when killed (SIGTERM)', async () => {
      const t = await demo.shell();
      t.type('echo BEFORE-THE-TUI');
      t.press('Enter');
      await t.waitFor(/^BEFORE-THE-TUI$/m);
      t.type(demo.command);
      t.press('Enter');
      await settled(t);
      const shellPid = t.format('#{pane_pid}');
      const node = execFileSync('pgrep', ['-P', shellPid], { encoding: 'utf8' }).trim();
      process.kill(Number(node), 'SIGTERM');
      await t.waitFor(PROMPT);
      expect(t.format('#{alternate_on}')).toBe('0');
      expect(t.screen()).toMatch(/^BEFORE-THE-TUI$/m);
      expect(t.history()).not.toContain('Next version');
    });

    it('prints the plain report without cursor movement when TERM=dumb', async () => {
      const t = await demo.shell();
      const file = join(demo.repo(), '..', 'terminal.log');
      t.record(file);
      t.type(`TERM=dumb ${demo.command}`);
      t.press('Enter');
      await t.waitFor('Next version  1.3.0');
      await t.waitFor(PROMPT);
      const written = readFileSync(file, 'utf8');
      // From the end of the typed command line to the next prompt: the program's output alone
      // (bash's bracketed-paste switches around it are the shell's, not ours).
      const output = written
        .slice(written.indexOf('\n'), written.lastIndexOf('e2e$'))
        .replaceAll('\u001b[?2004h', '')
        .replaceAll('\u001b[?2004l', '');
      expect(output).toContain('Next version  1.3.0');
      expect(output).not.toContain('\u001b');
    });

    it("draws doctor's verdict on home: all good, then the problems doctor finds", async () => {
      const doctor = () =>
        JSON.parse(
          spawnSync('node', [SHIPWRIGHT_BIN, 'doctor', '--json'], { cwd: demo.repo(), encoding: 'utf8' }).stdout,
        ) as { ok: boolean; checks: { status: string; summary: string }[] };
      expect(doctor().ok).toBe(true);
      let t = await demo.launch();
      await t.waitFor('✓ hooks installed · doctor: all good');
      t.type('q');
      await t.waitFor(PROMPT);

      // A stub without its x bit: git skips the hook with no more than a hint, and core.hooksPath is still right.
      chmodSync(join(demo.repo(), '.husky', '_', 'pre-commit'), 0o644);
      const failed = doctor().checks.filter((check) => check.status === 'fail');
      expect(failed.length).toBeGreaterThan(0);
      t = await demo.launch();
      await t.waitFor(
        `✗ doctor: ${failed.length} problem${failed.length === 1 ? '' : 's'} · ${failed[0]!.summary.slice(0, 40)}`,
      );
      expect(t.screen()).not.toContain('hooks installed');
    });

    it('shows a paused backport on home with its actions, reopens its conflict screen, aborts from home', async () => {
      const fix = demo.git('log', 'main', '--grep', 'keep leading zeros', '--format=%h');
      // dev changed the same lines: picking the fix there conflicts.
      demo.git('switch', '-q', 'dev');
      writeFileSync(join(demo.repo(), 'src', 'export.js'), 'export const toCsv = () => "dev was here";\n');
      demo.git('commit', '-q', '--no-verify', '-am', 'chore: rework the export on dev');
      const dev = demo.git('rev-parse', 'dev');
      demo.git('switch', '-q', '-c', BRANCH, 'main');
      const paused = spawnSync('node', [SHIPWRIGHT_BIN, 'backport', fix, '--to', 'dev', '--yes'], {
        cwd: demo.repo(),
        encoding: 'utf8',
      });
      expect(paused.stderr).toContain('stopped on conflicts in');

      const t = await demo.launch();
      await t.waitFor('‖ Backport 1 commit paused on a conflict at step 2 of 4: pick');
      expect(t.screen()).toContain('conflicts in src/export.js · o open · u continue · s skip dev · x abort');
      expect(t.screen()).toContain('❯ Open the paused run: Backport 1 commit (o)');
      t.type('o');
      await t.waitFor('shipwright · Backport 1 commit · conflict · on dev');
      expect(t.screen()).toContain('src/export.js');
      t.type('q');
      await t.waitFor('‖ Backport 1 commit paused');
      // Quitting now would leave it paused: home says so first.
      t.type('q');
      await t.waitFor('⚠ q again quits and leaves it paused');
      t.type('x');
      // Abort asks first; y puts everything back.
      await t.waitFor('Abort the whole run?');
      t.type('y');
      await t.waitFor('✓ Aborted');
      t.type('q');
      // Home again, with nothing waiting: the menu starts with its own first entry.
      await t.waitFor('❯ Start a branch (b)');
      expect(t.screen()).not.toContain('‖ Backport');
      t.type('q');
      await t.waitFor(PROMPT);

      expect(demo.git('rev-parse', 'dev')).toBe(dev);
      expect(existsSync(join(demo.repo(), '.git', 'shipwright', 'journal.json'))).toBe(false);
      expect(demo.git('worktree', 'list').split('\n')).toHaveLength(1);
    });

    it('filters a list with /: the branch types narrow as the query is typed, Enter keeps it, Esc clears it', async () => {
      const t = await demo.launch('branch');
      await t.waitFor('❯ feature');
      t.type('/');
      await t.waitFor('⏎ keep filter · esc clear filter');
      t.type('hot');
      await t.waitFor(/1 of \d+/);
      const filtered = t.screen();
      expect(filtered).toContain('❯ hotfix');
      expect(filtered).not.toMatch(/^\s+feature\s/m);
      t.press('Enter');
      await t.waitFor('↑↓/kj move · ⏎ choose · / filter · esc/q back');
      t.press('Enter');
      await t.waitFor('Name:');
      expect(t.screen()).toContain('hotfix from main');
      t.press('Escape');
      await t.waitFor('❯ hotfix');
      t.type('/');
      t.press('Escape');
      await t.waitFor(/^\s+feature\s/m);
      expect(t.screen()).not.toContain('of 4');
    });
  },
);
