// What a command may touch of the outside world, injected so tests can drive commands in-process.
import { escapeControlsForTerminal } from '../core/display-text/control-characters.js';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Both stdin and stdout are terminals and CI is not set: prompts and the TUI are allowed. */
  interactive: boolean;
  color: boolean;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Standard output that survives its reader leaving (`shipwright lint-msg … | head`): once a write
 * fails with EPIPE, later output is dropped and the command runs to its end with its own exit code.
 * Exiting at once would stop a release between two steps, and exiting 0 would turn a failing
 * `lint-msg` in a `set -o pipefail` CI script into a pass.
 */
function stdoutUntilReaderLeaves(): (text: string) => void {
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // Writes already queued when the pipe broke fail too (EPIPE, then "destroyed"): all expected.
    if (error.code !== 'EPIPE' && !readerGone) throw error;
    readerGone = true;
  });
  return (text) => {
    if (!readerGone) process.stdout.write(text);
  };
}

export function processIo(): CliIo {
  const env = process.env;
  const ci = env.CI === 'true' || env.CI === '1';
  return {
    cwd: process.cwd(),
    env,
    stdout: stdoutUntilReaderLeaves(),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY) && !ci,
    color: Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb',
  };
}

/**
 * The edge where every CLI and hook message is printed: text from git or config in it (subjects,
 * ref names, URLs, config values) has its control characters escaped, so it cannot drive the terminal.
 */
export function withSafeOutput(io: CliIo, colour = io.color): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeControlsForTerminal(text, colour)),
    stderr: (text) => io.stderr(escapeControlsForTerminal(text, colour)),
  };
}
