// Real temporary git repositories with pinned identity and dates, for tests and benchmarks.
import { execa } from 'execa';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
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
  remove(): Promise<void>;
}

export async function createTempRepo(options: { branch?: string; bare?: boolean; prefix?: string } = {}): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), options.prefix ?? 'shipwright-test-'));
  let tick = 0;
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
  const git = async (...args: string[]) => (await execa('git', args, { cwd: dir, env: env() })).stdout;

  await git('init', '-q', `--initial-branch=${options.branch ?? 'main'}`, ...(options.bare ? ['--bare'] : []));
  if (!options.bare) {
    await git('config', 'user.name', 'Ada Lovelace');
    await git('config', 'user.email', 'ada@example.com');
    await git('config', 'commit.gpgsign', 'false');
    await git('config', 'tag.gpgsign', 'false');
  }

  const write = async (path: string, content: string) => {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  };

  return {
    dir,
    git,
    write,
    async commit(message, commitOptions = {}) {
      tick += 1;
      if (!commitOptions.allowEmpty) {
        const path = commitOptions.path ?? 'history.txt';
        await write(path, commitOptions.content ?? `change ${tick}\n`);
        await git('add', '--', path);
      }
      await git('commit', '-q', '--allow-empty', '--no-verify', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    async tag(name, tagOptions = {}) {
      const args = tagOptions.message ? ['tag', '-a', '-m', tagOptions.message, name] : ['tag', name];
      await git(...args, ...(tagOptions.ref ? [tagOptions.ref] : []));
    },
    clock: date,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
