// The one place that starts git: argv arrays only, C locale, explicit cwd, no prompts.
import { execa, type ResultPromise } from 'execa';
import { gitMissingError, toGitError } from './git-error.js';

/** Environment for every git call: stable English messages, no pager, never block on a prompt. */
const GIT_ENV = {
  LANG: 'C',
  LC_ALL: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
} as const;

export interface GitRunOptions {
  /** Standard input for the git process. */
  input?: string;
  /** Exit codes that are answers, not failures (e.g. 1 for `merge-base --is-ancestor`). */
  okExitCodes?: readonly number[];
  /** Extra environment (e.g. GIT_INDEX_FILE). */
  env?: Record<string, string>;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface ExecaFailure {
  code?: string;
  stderr?: string;
  exitCode?: number;
}

export async function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  const result = await execa('git', args, {
    cwd,
    env: { ...GIT_ENV, ...options.env },
    input: options.input,
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 1024 * 1024 * 1024,
  });
  const failure = result as unknown as ExecaFailure;
  if (failure.code === 'ENOENT') throw gitMissingError(result);
  const exitCode = result.exitCode ?? -1;
  if (exitCode !== 0 && !(options.okExitCodes ?? []).includes(exitCode)) {
    throw toGitError(args, String(result.stderr ?? ''), exitCode);
  }
  return { stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? ''), exitCode };
}

/** Runs git and returns trimmed stdout. */
export async function readGit(cwd: string, args: readonly string[], options?: GitRunOptions): Promise<string> {
  return (await runGit(cwd, args, options)).stdout.trim();
}

/**
 * Streams git's stdout split on `separator` (NUL by default), so a 100k-commit log is
 * parsed while git is still writing it and never held as one string.
 */
export async function* streamGit(cwd: string, args: readonly string[], separator = '\0'): AsyncGenerator<string> {
  const child: ResultPromise = execa('git', args, {
    cwd,
    env: GIT_ENV,
    reject: false,
    buffer: { stdout: false, stderr: true },
    stdin: 'ignore',
  });
  let pending = '';
  const stdout = child.stdout;
  if (!stdout) throw gitMissingError(undefined);
  stdout.setEncoding('utf8');
  try {
    for await (const chunk of stdout as AsyncIterable<string>) {
      const parts = (pending + chunk).split(separator);
      pending = parts.pop() ?? '';
      yield* parts;
    }
  } finally {
    if (!stdout.readableEnded) child.kill();
  }
  const result = await child;
  const failure = result as unknown as ExecaFailure;
  if (failure.code === 'ENOENT') throw gitMissingError(result);
  if (result.exitCode !== 0 && !result.isTerminated) throw toGitError(args, String(result.stderr ?? ''), result.exitCode);
  if (pending.length > 0) yield pending;
}
