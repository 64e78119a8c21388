// The writer the TUI draws through: a full redraw may clear the screen, never the scrollback.
import { describe, expect, it } from 'vitest';
import { withoutScrollbackErase } from '../../src/tui/terminal-session.js';

describe('withoutScrollbackErase', () => {
  it("drops ESC[3J from Ink's clearTerminal and keeps everything else, arguments included", () => {
    const written: unknown[][] = [];
    const write = withoutScrollbackErase((...args: unknown[]) => {
      written.push(args);
      return true;
    });
    const callback = () => undefined;
    write('\u001b[2J\u001b[3J\u001b[Hshipwright · on dev\n', callback);
    write(Buffer.from('raw'));
    expect(written).toEqual([['\u001b[2J\u001b[Hshipwright · on dev\n', callback], [Buffer.from('raw')]]);
  });
});
