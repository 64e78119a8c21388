// Real temporary git repositories with pinned identity and dates, for tests and benchmarks.
import { execa } from 'execa';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** 2024-01-01T00:00:00Z; each commit moves the clock one hour forward. */
const START = Date.UTC(2024, 0, 1) / 1000;

export interface TempRepo {
  dir: string;
  git(...args: string[]): Promise<string>;
  write(path: string, content: string): Promise<void>;
  /** Commits everything staged plus a change to `path` (default: a counter file); returns the hash. */
  commit(message: string, options?: { path?: string; content?: string; allowEmpty?: boolean }): Promise<string>;
  tag(name: string, options?: { message?: string; ref?: string }): Promise<void>;
  /** The date the next commit will carry. */
  clock(): string;
  /** Commits made so far (the clock's position): what a copy of this repository resumes from. */
  ticks(): number;
  /**
   * `git worktree add` in a temporary directory of its own, on a new `branch` (from `from`) or
   * detached; the linked worktree shares this repository's clock and is removed with it.
   */
  addWorktree(options?: { branch?: string; from?: string }): Promise<TempRepo>;
  remove(): Promise<void>;
}

export interface TempRepoOptions {
  branch?: string;
  bare?: boolean;
  prefix?: string;
  /**
   * Start as a copy of this prepared repository (`cp -a`, no git process) with its clock, instead
   * of `git init`: a test that needs the same starting history many times builds it once.
   */
  copyOf?: { dir: string; ticks: number };
}

export async function createTempRepo(options: TempRepoOptions = {}): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), options.prefix ?? 'shipwright-test-'));
  let tick = options.copyOf?.ticks ?? 0;
  const date = () => `@${START + tick * 3600} +0000`;
  const env = () => ({
    GIT_AUTHOR_NAME: 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: date(),
    GIT_COMMITTER_DATE: date(),
    GIT_CONFIG_NOSYSTEM: '1',
    LANG: 'C',
  });
  const gitIn = async (cwd: string, args: string[]) => (await execa('git', args, { cwd, env: env() })).stdout;
  const git = (...args: string[]) => gitIn(dir, args);

  if (options.copyOf) {
    await cp(options.copyOf.dir, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  } else {
    await git('init', '-q', `--initial-branch=${options.branch ?? 'main'}`, ...(options.bare ? ['--bare'] : []));
  }
  if (!options.bare && !options.copyOf) {
    await git('config', 'user.name', 'Ada Lovelace');
    await git('config', 'user.email', 'ada@example.com');
    await git('config', 'commit.gpgsign', 'false');
    await git('config', 'tag.gpgsign', 'false');
  }

  const linked: string[] = [];
  /** The repository as seen from one of its working trees (the main one, or a linked worktree). */
  const view = (root: string, remove: () => Promise<void>): TempRepo => {
    const inRoot = (...args: string[]) => gitIn(root, args);
    const write = async (path: string, content: string) => {
      const full = join(root, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    };
    return {
      dir: root,
      git: inRoot,
      write,
      async commit(message, commitOptions = {}) {
        tick += 1;
        if (!commitOptions.allowEmpty) {
          const path = commitOptions.path ?? 'history.txt';
          await write(path, commitOptions.content ?? `change ${tick}\n`);
          await inRoot('add', '--', path);
        }
        await inRoot('commit', '-q', '--allow-empty', '--no-verify', '-m', message);
        return inRoot('rev-parse', 'HEAD');
      },
      async tag(name, tagOptions = {}) {
        const args = tagOptions.message ? ['tag', '-a', '-m', tagOptions.message, name] : ['tag', name];
        await inRoot(...args, ...(tagOptions.ref ? [tagOptions.ref] : []));
      },
      clock: date,
      ticks: () => tick,
      async addWorktree(worktreeOptions = {}) {
        const path = await mkdtemp(join(tmpdir(), 'shipwright-linked-'));
        linked.push(path);
        const branch = worktreeOptions.branch ? ['-b', worktreeOptions.branch] : ['--detach'];
        await git(
          'worktree',
          'add',
          '-q',
          ...branch,
          '--',
          path,
          ...(worktreeOptions.from ? [worktreeOptions.from] : []),
        );
        return view(path, () => rm(path, { recursive: true, force: true }));
      },
      remove,
    };
  };
  return view(dir, async () => {
    await Promise.all([dir, ...linked].map((path) => rm(path, { recursive: true, force: true })));
  });
}
