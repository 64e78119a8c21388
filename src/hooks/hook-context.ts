// What hooks need, resolved lazily and once: a commit-msg run pays for one git call, not for
// reading the whole repository state and config it never uses.
import type { OpenRepo } from '../app/open-repo.js';
import type { CliIo } from '../output/io.js';
import { locateRepo, type RepoLocation } from '../git/read-repo.js';

export interface HookContext {
  io: CliIo;
  args: string[];
  /** Root and git dir only. */
  locate: () => Promise<RepoLocation>;
  /** State, config and package.json. */
  open: () => Promise<OpenRepo>;
}

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
};

export function createHookContext(io: CliIo, args: string[]): HookContext {
  // Loaded on demand: config validation and repository reads are code a commit-msg run never needs.
  const open = once(() => import('../app/open-repo.js').then(({ openRepo }) => openRepo(io.cwd)));
  const locate = once(() => locateRepo(io.cwd));
  return { io, args, open, locate };
}
