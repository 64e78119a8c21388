// A terminal a test can type into and read from: a detached tmux session on a private socket
// (never the user's tmux server), a fixed size, and polling reads of the screen.
import { execFileSync, spawnSync } from 'node:child_process';

export const HAS_TMUX = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;

let sessions = 0;

export interface Terminal {
  /** Types text literally (no key names). */
  type(text: string): void;
  /** Presses keys by tmux name: Enter, Escape, Tab, C-c, Down, … */
  press(...keys: string[]): void;
  /** The screen as text, one string per row (`joined`: rows the terminal wrapped become one line). */
  screen(options?: { joined?: boolean }): string;
  /** Polls the screen until `expected` appears; throws with the last screen after `timeoutMs`. */
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<string>;
  /** The scrollback, then the screen. */
  history(): string;
  /** Resizes the terminal, as a user dragging the window's corner. */
  resize(width: number, height: number): void;
  /** A tmux format of the pane, e.g. `#{alternate_on}` (1 while a program uses the alternate screen). */
  format(format: string): string;
  /** Appends everything the programs write to the terminal, escape codes included, to `file`. */
  record(file: string): void;
  kill(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `bash --norc` in `cwd` inside a fresh tmux server of `width`×`height`. */
export function openTerminal(options: {
  cwd: string;
  env: Record<string, string>;
  width?: number;
  height?: number;
}): Terminal {
  sessions += 1;
  const socket = `shipwright-e2e-${process.pid}-${sessions}`;
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: options.env });
  const shell = ['bash', '--norc', '--noprofile'];
  tmux(
    'new-session',
    '-d',
    '-s',
    'e2e',
    '-x',
    String(options.width ?? 80),
    '-y',
    String(options.height ?? 24),
    '-c',
    options.cwd,
    ...shell,
  );

  const screen: Terminal['screen'] = ({ joined = false } = {}) =>
    tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', 'e2e');
  return {
    type: (text) => void tmux('send-keys', '-t', 'e2e', '-l', text),
    press: (...keys) => void tmux('send-keys', '-t', 'e2e', ...keys),
    screen,
    async waitFor(expected, timeoutMs = 15_000) {
      const start = Date.now();
      for (;;) {
        const text = screen();
        if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
        if (Date.now() - start > timeoutMs)
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(expected)} on the screen:\n${text}`);
        await sleep(50);
      }
    },
    history: () => tmux('capture-pane', '-p', '-S', '-', '-t', 'e2e'),
    resize: (width, height) => void tmux('resize-window', '-t', 'e2e', '-x', String(width), '-y', String(height)),
    format: (format) => tmux('display-message', '-p', '-t', 'e2e', format).trim(),
    record: (file) => void tmux('pipe-pane', '-o', '-t', 'e2e', `cat >> '${file.replaceAll("'", "'\\''")}'`),
    kill() {
      spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    },
  };
}
