// The one place that starts git: argv arrays only, C locale, explicit cwd, no prompts.
//
// node:child_process, not execa, for this one job (measured on the 2-core bench machine, see
// docs/benchmarks.md). The budget for printing the latest changelog section is 2.5 × a bare
// `node -e 0` (84 ms there), ~210 ms in all. Bundled execa 9 alone costs 31–50 ms to import, ~15 ms
// more on its first call and ~1.5–2 ms more per call than spawn(); a read command makes 6–13 git
// calls, so execa took 38 ms of `status` (352 → 314 ms) and 52 ms of `changelog --stdout`
// (527 → 475 ms): half a Node start-up, a quarter of the whole budget, for spawn + collect output
// + exit code, which is all this file needs. Programs other than git (the engine's steps) still
// run through execa.
import { spawn, type ChildProcess } from 'node:child_process';
import { gitMissingError, gitStartError, toGitError } from './git-error.js';

/** Environment for every git call: stable English messages, no pager, never block on a prompt. */
const GIT_ENV = {
  LANG: 'C',
  LC_ALL: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
} as const;

/**
 * For streamed reads only: fully buffered output. Writing to a pipe, `git log` otherwise flushes
 * after every commit, and a 10k history arrived as ~4,000 reads of ~500 bytes instead of ~450 of
 * 4 KB (120 ms instead of 70 here). Not for the other calls: the variable would reach the hooks
 * and tools that git starts (a commit's hooks, a push's), where `git check-ignore --stdin` and
 * the like must answer line by line.
 */
const BUFFERED_OUTPUT = { GIT_FLUSH: '0' } as const;

/** Larger outputs are refused rather than held in memory (use streamGit for big reads). */
const MAX_BUFFER = 1024 * 1024 * 1024;

interface GitRunOptions {
  /** Standard input for the git process. */
  input?: string;
  /** Exit codes that are answers, not failures (e.g. 1 for `merge-base --is-ancestor`). */
  okExitCodes?: readonly number[];
  /** Extra environment (e.g. GIT_INDEX_FILE). */
  env?: Record<string, string>;
}

interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Exit {
  /** null when git did not start or was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: NodeJS.ErrnoException;
}

function startGit(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> | undefined,
  withInput: boolean,
): ChildProcess {
  // stdin is closed unless there is input: a git command that reads stdin sees EOF, never hangs.
  return spawn('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: [withInput ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

/** Resolves once, on the spawn error (e.g. ENOENT) or when the process and its pipes have closed. */
function waitForExit(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, signal: null, error }));
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  });
}

/** Collects a stream's bytes; decoding once at the end never splits a multi-byte character. */
function collect(stream: NodeJS.ReadableStream | null, onOverflow?: () => void): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream?.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BUFFER) onOverflow?.();
    else chunks.push(chunk);
  });
  return () => Buffer.concat(chunks).toString('utf8');
}

export async function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  const withInput = options.input !== undefined;
  const child = startGit(cwd, args, options.env, withInput);
  let overflow = false;
  const stdout = collect(child.stdout, () => {
    overflow = true;
    child.kill();
  });
  const stderr = collect(child.stderr);
  const exited = waitForExit(child);
  if (withInput && child.stdin) {
    // git may exit before reading all of its input (EPIPE); its exit code tells what happened.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input);
  }
  const { code, error } = await exited;
  if (error?.code === 'ENOENT') throw gitStartError(cwd, error);
  if (overflow) throw toGitError(args, `output larger than ${MAX_BUFFER} bytes`, undefined);
  const exitCode = code ?? -1;
  const result: GitResult = { stdout: stdout(), stderr: stderr(), exitCode };
  if (exitCode !== 0 && !(options.okExitCodes ?? []).includes(exitCode)) {
    throw toGitError(args, result.stderr, exitCode);
  }
  return result;
}

/** Runs git and returns trimmed stdout. */
export async function readGit(cwd: string, args: readonly string[], options?: GitRunOptions): Promise<string> {
  return (await runGit(cwd, args, options)).stdout.trim();
}

/**
 * Streams git's stdout split on `separator` (NUL by default), so a 100k-commit log is
 * parsed while git is still writing it and never held as one string. Yields the records each
 * chunk completes, as one array: a record per `yield` would cost a promise round trip per
 * commit (tens of milliseconds on a 10k-commit history).
 */
export async function* streamGitBatches(
  cwd: string,
  args: readonly string[],
  separator = '\0',
): AsyncGenerator<string[]> {
  const child = startGit(cwd, args, BUFFERED_OUTPUT, false);
  const stderr = collect(child.stderr);
  const exited = waitForExit(child);
  const stdout = child.stdout;
  if (!stdout) throw gitMissingError(undefined);
  stdout.setEncoding('utf8');
  let pending = '';
  try {
    for await (const chunk of stdout as AsyncIterable<string>) {
      const parts = (pending + chunk).split(separator);
      pending = parts.pop() ?? '';
      if (parts.length > 0) yield parts;
    }
  } finally {
    // The caller stopped early: git need not finish writing a history nobody reads.
    if (!stdout.readableEnded) child.kill();
  }
  const { code, signal, error } = await exited;
  if (error?.code === 'ENOENT') throw gitStartError(cwd, error);
  // Killed by a signal after writing everything: what was read is complete.
  if (code !== 0 && signal === null) throw toGitError(args, stderr(), code ?? undefined);
  if (pending.length > 0) yield [pending];
}

/** streamGitBatches one record at a time, for readers that stop early or read little. */
export async function* streamGit(cwd: string, args: readonly string[], separator = '\0'): AsyncGenerator<string> {
  for await (const batch of streamGitBatches(cwd, args, separator)) yield* batch;
}
