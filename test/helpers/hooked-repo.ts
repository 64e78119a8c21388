// A real repository after `shipwright init`, whose git hooks run the built CLI (dist/) offline.
import { execa, type Options, type Result } from 'execa';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempRepo } from './temp-repo.js';
import { runShipwright, type CliRun } from './run-shipwright.js';

/** shipwright's own checkout, found from this file rather than a fixed path. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHIPWRIGHT_BIN = join(PROJECT_ROOT, 'bin', 'shipwright.js');
const CONVENTIONAL_DIR = join(PROJECT_ROOT, 'node_modules', '@commitlint', 'config-conventional');

/** A fixed instant, so commits made through real hooks are reproducible. */
const DATE = '@1704067200 +0000';

/** NODE_ENV=test (set by vitest) switches lint-staged to its JSON test renderer, unlike a real terminal. */
const DROPPED = [
  'HUSKY',
  'SHIPWRIGHT_SKIP_HOOKS',
  'SHIPWRIGHT_ENGINE',
  'FORCE_COLOR',
  'CI',
  'NODE_ENV',
  'NODE_OPTIONS',
];

/**
 * The environment every git (and so every hook) runs with: pinned identity and dates, no system
 * config, and a HOME of its own so the user's global core.hooksPath, templates or aliases never
 * interfere. Variables a surrounding git hook may have set (GIT_DIR, GIT_INDEX_FILE) are dropped.
 */
export function isolatedGitEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('GIT_') || key.startsWith('VITEST') || DROPPED.includes(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: DATE,
    GIT_COMMITTER_DATE: DATE,
    GIT_EDITOR: 'true',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    LC_ALL: 'C',
    NO_COLOR: '1',
    ...extra,
  };
}

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Everything a hook may disturb, captured so "nothing changed" can be asserted byte for byte. */
export interface RepoSnapshot {
  /** Working-tree files (outside .git and node_modules): path → sha256 of the bytes and the mode. */
  files: Record<string, string>;
  /** Index entries: mode, blob, stage, path. */
  index: string;
  diff: string;
  cached: string;
  status: string;
  stashCount: number;
  head: string;
}

export interface HookedRepo {
  dir: string;
  /** The temporary HOME the git env uses (its .gitconfig is the "global" config). */
  home: string;
  env: Record<string, string>;
  /** git with the isolated env; never throws, hooks' output ends up in stderr. */
  git(args: string[], options?: { env?: Record<string, string>; input?: string }): Promise<GitRun>;
  /** git that must succeed; returns trimmed stdout. */
  read(...args: string[]): Promise<string>;
  write(path: string, content: string | Buffer): Promise<void>;
  /** `git add -A && git commit -m MESSAGE` through the real hooks. */
  commit(message: string, extraArgs?: string[]): Promise<GitRun>;
  /** A commit with hooks skipped, for setting up history. */
  commitNoVerify(message: string): Promise<void>;
  snapshot(): Promise<RepoSnapshot>;
  /** `shipwright …` in-process in this repository, with the isolated env. */
  shipwright(args: string[], options?: { env?: Record<string, string>; interactive?: boolean }): Promise<CliRun>;
  remove(): Promise<void>;
}

export interface HookedRepoOptions {
  workflow?: 'gitflow' | 'trunk';
  /** package.json text (default: a small private package); null for a repository without one. */
  packageJson?: string | null;
  /** Files written before `init` runs. */
  files?: Record<string, string>;
  /** Set up the repository before `init` (existing hooks, configs, …). */
  beforeInit?: (repo: HookedRepo) => Promise<void>;
  /** Skip `shipwright init` (the caller runs it). */
  init?: boolean;
  /** The folder whose node_modules gets the built CLI ('' the root, the default); null for none. */
  linkInto?: string | null;
}

const DEFAULT_PACKAGE = `${JSON.stringify({ name: 'demo', version: '0.0.0', private: true }, null, 2)}\n`;

/** Links the built CLI and the commit rules into node_modules, as `npm install` would, without the network. */
export async function linkShipwright(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules', '.bin'), { recursive: true });
  await mkdir(join(dir, 'node_modules', '@commitlint'), { recursive: true });
  await symlink(SHIPWRIGHT_BIN, join(dir, 'node_modules', '.bin', 'shipwright'));
  await symlink(CONVENTIONAL_DIR, join(dir, 'node_modules', '@commitlint', 'config-conventional'), 'dir');
}

async function walkFiles(root: string, dir = root, out: Record<string, string> = {}): Promise<Record<string, string>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = full.slice(root.length + 1);
    if (rel === '.git' || rel === 'node_modules') continue;
    if (entry.isDirectory()) await walkFiles(root, full, out);
    else {
      const stat = await lstat(full);
      const bytes = entry.isSymbolicLink() ? Buffer.from('symlink') : await readFile(full);
      out[rel] = `${(stat.mode & 0o777).toString(8)} ${createHash('sha256').update(bytes).digest('hex')}`;
    }
  }
  return out;
}

/** The hooks run dist/ (`npx tsup`); a parallel rebuild empties it for a moment, so wait briefly. */
async function requireBuiltCli(): Promise<void> {
  const built = () => ['hook.js', 'cli.js'].every((file) => existsSync(join(PROJECT_ROOT, 'dist', file)));
  await waitFor(built, 'dist/hook.js and dist/cli.js (build them with `npx tsup`)', 15_000);
}

export async function createHookedRepo(options: HookedRepoOptions = {}): Promise<HookedRepo> {
  await requireBuiltCli();
  const temp = await createTempRepo({ prefix: 'shipwright-hooks-' });
  const home = await mkdtemp(join(tmpdir(), 'shipwright-home-'));
  const env = isolatedGitEnv(home);
  const dir = temp.dir;

  const git: HookedRepo['git'] = async (args, gitOptions = {}) => {
    const execaOptions: Options = {
      cwd: dir,
      env: { ...env, ...gitOptions.env },
      extendEnv: false,
      reject: false,
      stripFinalNewline: false,
    };
    const result: Result = await execa('git', args, {
      ...execaOptions,
      ...(gitOptions.input === undefined ? { stdin: 'ignore' } : { input: gitOptions.input }),
    });
    return { code: result.exitCode ?? -1, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
  };
  const read = async (...args: string[]) => {
    const result = await git(args);
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}):\n${result.stderr}`);
    return result.stdout.trim();
  };
  const write = async (path: string, content: string | Buffer) => {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  };

  const repo: HookedRepo = {
    dir,
    home,
    env,
    git,
    read,
    write,
    async commit(message, extraArgs = []) {
      await read('add', '-A');
      return git(['commit', '-m', message, ...extraArgs]);
    },
    async commitNoVerify(message) {
      await read('add', '-A');
      await read('commit', '-q', '--no-verify', '--allow-empty', '-m', message);
    },
    async snapshot() {
      const lines = async (...args: string[]) => (await git(args)).stdout;
      const stash = await lines('stash', 'list');
      return {
        files: await walkFiles(dir),
        index: await lines('ls-files', '--stage'),
        diff: await lines('diff', '--binary'),
        cached: await lines('diff', '--cached', '--binary'),
        status: await lines('status', '--porcelain', '--untracked-files=all'),
        stashCount: stash.split('\n').filter((line) => line.length > 0).length,
        head: (await git(['rev-parse', '-q', '--verify', 'HEAD'])).stdout.trim(),
      };
    },
    shipwright: (args, cliOptions = {}) =>
      runShipwright(args, {
        cwd: dir,
        env: { ...env, ...cliOptions.env },
        ...(cliOptions.interactive === undefined ? {} : { interactive: cliOptions.interactive }),
      }),
    async remove() {
      await rm(dir, { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    },
  };

  if (options.packageJson !== null) await write('package.json', options.packageJson ?? DEFAULT_PACKAGE);
  await write('.gitignore', 'node_modules/\n');
  for (const [path, content] of Object.entries(options.files ?? {})) await write(path, content);
  await options.beforeInit?.(repo);
  if (options.init !== false) {
    const result = await repo.shipwright([
      'init',
      '--yes',
      '--no-install',
      ...(options.workflow ? ['--workflow', options.workflow] : []),
    ]);
    if (result.code !== 0)
      throw new Error(`shipwright init failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  if (options.linkInto !== null) await linkShipwright(join(dir, options.linkInto ?? ''));
  return repo;
}

/** A bare repository to push to, addressed by a file:// URL as a real remote would be. */
export async function createBareRemote(): Promise<{ dir: string; url: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-remote-'));
  await execa('git', ['init', '-q', '--bare', '--initial-branch=main', dir], { env: { GIT_CONFIG_NOSYSTEM: '1' } });
  return { dir, url: `file://${dir}`, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Polls until `check` is true (for a marker file or a released lock); not a timing assertion. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
