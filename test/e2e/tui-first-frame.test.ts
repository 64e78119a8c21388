// The TUI home's first frame, in tmux: the report is read while Ink loads, so the very first frame
// the terminal shows already has the next version. No spinner or empty home is drawn before it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoTerminal } from './support/demo-terminal.js';
import { PROMPT } from './support/terminal-env.js';
import { HAS_TMUX } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;
const TITLE = 'shipwright ·';
const NEXT = 'Next version: 1.3.0';

/** What a terminal shows of these bytes' text: escape sequences (CSI, OSC, two-byte ones) removed. */
function visibleText(bytes: string): string {
  /* eslint-disable no-control-regex -- removing escape sequences is this function's purpose */
  return bytes
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/g, '')
    .replace(/\u001b[@-_]/g, '');
  /* eslint-enable no-control-regex */
}

suite(
  HAS_TMUX ? 'the TUI home first frame (tmux)' : 'the TUI home first frame (tmux) — skipped: tmux is not installed',
  () => {
    const demo = useDemoTerminal();

    it('shows the next version in the first frame that has the title, with no frame before it', async () => {
      const t = await demo.shell();
      const file = join(demo.repo(), '..', 'first-frame.log');
      t.record(file);
      t.type(demo.command);
      t.press('Enter');
      // Every distinct screen from the Enter on, captured as fast as tmux answers, until the version shows.
      const screens: string[] = [];
      const started = Date.now();
      for (;;) {
        const screen = t.screen();
        if (screens.at(-1) !== screen) screens.push(screen);
        if (screen.includes(NEXT)) break;
        if (Date.now() - started > 30_000)
          throw new Error(`the home screen never showed "${NEXT}"; screens seen:\n${screens.join('\n----\n')}`);
      }
      const firstWithTitle = screens.find((screen) => screen.includes(TITLE));
      expect(firstWithTitle, screens.join('\n----\n')).toContain(NEXT);
      expect(firstWithTitle).not.toContain('reading history and tags');

      // The bytes the program wrote, which polling could miss between two captures: from the switch
      // to the alternate screen to the first next version, one title and nothing drawn before it.
      t.type('q');
      await t.waitFor(PROMPT);
      const written = readFileSync(file, 'utf8');
      const alternate = written.indexOf('\u001b[?1049h');
      expect(alternate, 'the TUI switched to the alternate screen').toBeGreaterThanOrEqual(0);
      const beforeVersion = visibleText(written.slice(alternate, written.indexOf('Next version:', alternate)));
      expect(beforeVersion.split(TITLE)).toHaveLength(2);
      expect(beforeVersion.slice(0, beforeVersion.indexOf(TITLE)).trim()).toBe('');
      expect(beforeVersion).not.toContain('reading history and tags');
    });
  },
);
