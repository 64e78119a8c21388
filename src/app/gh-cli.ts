// The GitHub CLI, an external network client: is it installed and logged in, and running it.
import { execa } from 'execa';
import type { GhAvailability } from '../core/rollback/redeploy-action.js';
import { findOnPath } from './find-program.js';

export interface GhStatus {
  availability: GhAvailability;
  /** The gh found on PATH; null when it is missing. */
  path: string | null;
}

/** `gh auth status` checks the token with GitHub; a hung network must not hang shipwright. */
const AUTH_TIMEOUT_MS = 20_000;

/** gh never prompts: its questions would wait on a terminal nobody is looking at. */
const ghEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, GH_PROMPT_DISABLED: '1' });

export async function readGhStatus(cwd: string, env: NodeJS.ProcessEnv): Promise<GhStatus> {
  const path = await findOnPath('gh', env);
  if (path === null) return { availability: 'missing', path };
  const result = await execa(path, ['auth', 'status'], {
    cwd,
    env: ghEnv(env),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: AUTH_TIMEOUT_MS,
  });
  return { availability: result.exitCode === 0 ? 'ready' : 'logged-out', path };
}

interface GhRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  onStdout: (text: string) => void;
  onStderr: (text: string) => void;
}

/** Runs `gh ARGS…` (argv, never a shell) with its output passed on; returns gh's exit code. */
export async function runGh(path: string, args: readonly string[], options: GhRunOptions): Promise<number> {
  const child = execa(path, args, {
    cwd: options.cwd,
    env: ghEnv(options.env),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    buffer: false,
  });
  child.stdout?.on('data', (chunk: Buffer) => options.onStdout(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => options.onStderr(chunk.toString()));
  const result = await child;
  return result.exitCode ?? 1;
}
