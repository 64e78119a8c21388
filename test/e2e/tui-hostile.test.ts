// The TUI on a history of hostile commits (test/helpers/hostile-corpus.ts), in tmux: nothing from
// the commits reaches the terminal as a control sequence (the title stays the TUI's own), it
// exits cleanly, and no injected command runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HOSTILE_CONTROLS,
  HOSTILE_MARKDOWN,
  HOSTILE_PROTOTYPE_SUBJECTS,
  HOSTILE_SHELL_SUBJECTS,
} from '../helpers/hostile-corpus.js';
import { useDemoTerminal } from './support/demo-terminal.js';
import { PROMPT } from './support/terminal-env.js';
import { HAS_TMUX } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;
const BRANCH = 'feature/x$(touch${IFS}pwned)`touch${IFS}pwned`';

suite(
  HAS_TMUX ? 'the TUI on hostile commits (tmux)' : 'the TUI on hostile commits — skipped: tmux is not installed',
  () => {
    const demo = useDemoTerminal();

    it('draws them as text: no title change, no raw escape from a subject, no injected command', async () => {
      demo.git('switch', '-q', '-c', BRANCH);
      for (const subject of [
        ...HOSTILE_CONTROLS,
        ...HOSTILE_MARKDOWN,
        ...HOSTILE_PROTOTYPE_SUBJECTS,
        ...HOSTILE_SHELL_SUBJECTS,
      ])
        demo.git('commit', '-q', '--allow-empty', '--no-verify', '-m', subject);
      const t = await demo.shell({ width: 100, height: 40 });
      const raw = join(demo.repo(), '..', 'terminal.raw');
      t.record(raw);
      t.type(demo.command);
      t.press('Enter');
      const screen = await t.waitFor('Next version:', 30_000);
      expect(screen.split('\n')[0]).toMatch(/^shipwright · /);
      expect(t.format('#{pane_title}')).not.toContain('pwned');
      // Hostile subjects and types are drawn as the text they are.
      expect(screen).toContain('"$(touch pwned)" ${IFS} && touch pwned');
      expect(screen).toMatch(/1 __proto__ · 1 constructor/);
      t.type('q');
      await t.waitFor(PROMPT);
      const written = readFileSync(raw, 'utf8');
      // The sequences the subjects carry, raw: an OSC title, C1 CSI/OSC, a bell.
      expect(written).not.toContain('\u001b]0;pwned');
      expect(written).not.toMatch(/[\u0080-\u009f]/u);
      expect(written).not.toContain('\u0007 the terminal');
      expect(existsSync(join(demo.repo(), 'pwned'))).toBe(false);
    }, 90_000);
  },
);
