// The terminal around the TUI: the alternate screen (left on exit, Ctrl-C, signals and crashes),
// the user's scrollback kept, and Ctrl-Z suspending. Ink 6 has none of this, so it is written here.

/** Enter/leave the alternate screen (xterm's 1049 saves and restores the cursor too), show the cursor. */
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
/** Ink writes "erase saved lines" (ESC[3J) with every full-screen redraw: it wipes the user's scrollback. */
const ERASE_SCROLLBACK = '\u001b[3J';

interface TerminalSession {
  /** Back to the user's screen as it was; safe to call more than once. */
  restore(): void;
  /** Ctrl-Z: give the terminal back and stop (SIGTSTP); on `fg` take it again and redraw. */
  suspend(): void;
}

type Write = NodeJS.WriteStream['write'];

/** The writer without ESC[3J: a redraw may clear the screen, never what scrolled off it. */
export function withoutScrollbackErase(write: (chunk: string | Uint8Array, ...rest: unknown[]) => boolean) {
  return (chunk: string | Uint8Array, ...rest: unknown[]): boolean =>
    write(typeof chunk === 'string' ? chunk.replaceAll(ERASE_SCROLLBACK, '') : chunk, ...rest);
}

const FATAL_SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

interface SessionOptions {
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** True while something else handles SIGTERM and keeps the program alive (a run stopping). */
  trapsSignals?: () => boolean;
}

export function openTerminalSession({
  stdout = process.stdout,
  stdin = process.stdin,
  trapsSignals = () => false,
}: SessionOptions = {}): TerminalSession {
  if (!stdout.isTTY) return { restore: () => undefined, suspend: () => undefined };
  const originalWrite = stdout.write;
  const write = originalWrite.bind(stdout) as Write;
  stdout.write = withoutScrollbackErase(write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean) as Write;
  write(ENTER_ALTERNATE_SCREEN);
  let open = true;

  const leave = () => write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  const restore = () => {
    if (!open) return;
    open = false;
    leave();
    stdout.write = originalWrite;
    process.off('exit', restoreForGood);
    process.off('uncaughtExceptionMonitor', restoreForGood);
    for (const signal of FATAL_SIGNALS) process.off(signal, onSignal);
  };
  // The program is ending without unmounting first: Ink's exit hook still draws its last frame,
  // which must not land on the user's screen after it is given back.
  function restoreForGood() {
    if (!open) return;
    restore();
    stdout.write = (() => true) as unknown as Write;
  }
  // A signal that would end the process: give the screen back first, then raise it again for the
  // handlers that end the process (Ink's signal-exit unmounts and re-raises; with none, Node dies
  // of it). While a run traps it (the engine stops and puts back), the TUI lives on: leave it be.
  function onSignal(signal: NodeJS.Signals) {
    if (trapsSignals()) return;
    restoreForGood();
    process.kill(process.pid, signal);
  }
  // 'exit' also fires after an uncaught exception; the monitor runs before Node prints it, so the
  // stack trace lands on the user's screen instead of the alternate one that is about to vanish.
  process.on('exit', restoreForGood);
  process.on('uncaughtExceptionMonitor', restoreForGood);
  for (const signal of FATAL_SIGNALS) process.on(signal, onSignal);

  const suspend = () => {
    if (!open) return;
    leave();
    const raw = stdin.isTTY && stdin.isRaw;
    if (raw) stdin.setRawMode(false);
    process.once('SIGCONT', () => {
      if (raw) stdin.setRawMode(true);
      write(ENTER_ALTERNATE_SCREEN);
      // Ink redraws on resize; the terminal may also have changed size while the program was stopped.
      stdout.emit('resize');
    });
    // Raw mode delivers Ctrl-Z as a key; stopping is what the terminal would have done with it.
    process.kill(process.pid, 'SIGTSTP');
  };
  return { restore, suspend };
}
