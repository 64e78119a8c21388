// Renders a screen the way open-tui does (colour off, so frames are plain text), waits for frames
// and for the screen to settle.
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { ThemeContext } from '../../../src/tui/components/theme.js';
import { settle } from '../../helpers/settle.js';

export function renderScreen(screen: ReactElement) {
  const rendered = render(<ThemeContext.Provider value={{ color: false }}>{screen}</ThemeContext.Provider>);
  return {
    ...rendered,
    frame: () => rendered.lastFrame() ?? '',
    /** Resolves once Ink has drawn no new frame for a while: what the last input did is on screen. */
    settled: () => settle(() => rendered.frames.length),
  };
}

/** Polls until `check` stops throwing (async effects and Ink's input parsing take a few ticks). */
export const waitFor = (check: () => void, timeout = 5000): Promise<void> =>
  vi.waitFor(check, { timeout, interval: 10 });

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  up: '\u001b[A',
  down: '\u001b[B',
  pageDown: '\u001b[6~',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  delete: '\u001b[3~',
  home: '\u001b[H',
  end: '\u001b[F',
  left: '\u001b[D',
} as const;
