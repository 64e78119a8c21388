// The crash matrix's machinery: a scenario's repository (and its bare file:// remote) prepared once
// and copied per case, git hooks that count their invocations and hold the k-th one open (a marker
// file, then sleep) so a test can kill the run exactly there, the built CLI started in its own
// process group, and a snapshot of everything a run may change, free of absolute paths so copies
// compare byte for byte.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { SHIPWRIGHT_BIN, isolatedGitEnv, waitFor } from './hooked-repo.js';

/** The hooks that run inside a git write in the repository, and on the remote while it accepts a push. */
export const LOCAL_HOOKS = [
  'prepare-commit-msg',
  'post-commit',
  'reference-transaction',
  'post-checkout',
  'post-merge',
];
export const REMOTE_HOOKS = ['pre-receive', 'post-receive'];

/**
 * One hook: appends "NAME ARG1" to $CRASH_LOG; when this is NAME's k-th invocation and $CRASH_AT
 * is "NAME#k", touches $CRASH_MARKER and becomes a sleep until the test kills it (its pid listed in
 * $CRASH_MARKER.holders, so the test's signal reaches it whenever it started). With $CRASH_FREEZE set
 * (a directory), every invocation holds: it makes the fifo go, writes "NAME#k" to at, and waits
 * until the test, having copied the repository, writes to go. Its stdin (the ref updates of
 * reference-transaction and the receive hooks) is read first, as git expects. Without $CRASH_LOG
 * (recovery commands, building) it does nothing.
 */
const hookScript = (name: string) => `#!/bin/sh
[ -t 0 ] || cat >/dev/null
[ -n "$CRASH_LOG" ] || exit 0
echo "${name} $PPID $*" >>"$CRASH_LOG"
k=$(grep -c '^${name} ' "$CRASH_LOG")
if [ -n "$CRASH_FREEZE" ]; then
  mkfifo "$CRASH_FREEZE/go"
  echo "${name}#$k" >"$CRASH_FREEZE/at.tmp"
  mv "$CRASH_FREEZE/at.tmp" "$CRASH_FREEZE/at"
  cat "$CRASH_FREEZE/go" >/dev/null
  rm -f "$CRASH_FREEZE/go"
elif [ "$CRASH_AT" = "${name}#$k" ]; then
  echo $$ >>"$CRASH_MARKER.holders"
  : >"$CRASH_MARKER"
  exec sleep 120
fi
exit 0
`;

async function installHooks(hooksDir: string, names: string[]): Promise<void> {
  await mkdir(hooksDir, { recursive: true });
  for (const name of names) {
    await writeFile(join(hooksDir, name), hookScript(name));
    await chmod(join(hooksDir, name), 0o755);
  }
}

/** A case's directory: the repository in repo/, its bare remote in remote.git/, markers in crash/. */
export const repoIn = (caseDir: string) => join(caseDir, 'repo');
export const remoteIn = (caseDir: string) => join(caseDir, 'remote.git');

/**
 * Lays out a prepared repository and its bare remote as a case directory (copied from where the
 * builders made them), points origin at the copy and installs the counting hooks.
 */
export async function makeTemplate(root: string, name: string, repoDir: string, remoteDir: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await execa('cp', ['-a', repoDir, repoIn(dir)]);
  await execa('cp', ['-a', remoteDir, remoteIn(dir)]);
  await installHooks(join(repoIn(dir), '.git', 'hooks'), LOCAL_HOOKS);
  await installHooks(join(remoteIn(dir), 'hooks'), REMOTE_HOOKS);
  await pointOrigin(dir);
  return dir;
}

async function pointOrigin(caseDir: string): Promise<void> {
  await execa('git', ['remote', 'set-url', 'origin', `file://${remoteIn(caseDir)}`], {
    cwd: repoIn(caseDir),
    env: { GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/**
 * `cp -a` of a case's repository and remote, as if the run had been made there: the absolute paths
 * git and shipwright wrote under .git (origin's URL, linked worktrees' links, the journal) name
 * the copy, so it is what the same run at the copy's path would have left.
 */
export async function copyCase(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await execa('cp', ['-a', repoIn(from), remoteIn(from), to]);
  await renamePaths(join(repoIn(to), '.git'), from, to);
  // New inodes and ctimes make every index entry look modified to git (a merge --abort then
  // refuses "not uptodate"); the original's index knew its files, so the copy's learns them too.
  // Only the stat cache changes (never an entry); an index held by a killed git stays as it was.
  const worktrees = await execa('git', ['worktree', 'list', '--porcelain'], { cwd: repoIn(to), reject: false });
  for (const line of String(worktrees.stdout).split('\n'))
    if (line.startsWith('worktree '))
      await execa('git', ['update-index', '-q', '--refresh'], { cwd: line.slice(9), reject: false });
}

async function renamePaths(dir: string, from: string, to: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'objects') await renamePaths(full, from, to);
    } else if (entry.isFile() && entry.name !== 'index') {
      const text = await readFile(full, 'utf8');
      if (text.includes(from)) await writeFile(full, text.split(from).join(to));
    }
  }
}

/** Where a run is stopped: after a step completed (the engine's own fault injection) or inside a hook. */
export type InjectionPoint =
  | { kind: 'after-step'; index: number }
  /** `last`: the last hook this git process runs (its write is complete, the process not yet gone). */
  | { kind: 'hook'; at: string; detail: string; last: boolean };

export const describePoint = (point: InjectionPoint): string =>
  point.kind === 'after-step' ? `after step ${point.index + 1}` : `inside ${point.at} (${point.detail})`;

/** What a hook invocation is about, in words that stay the same from run to run (no paths, no hashes). */
function hookDetail(name: string, args: string[]): string {
  if (name === 'reference-transaction') return args[0] ?? '';
  if (name === 'prepare-commit-msg') return (args[0] ?? '').split('/').at(-1) ?? '';
  if (name === 'post-checkout') return args[2] === '1' ? 'branch' : 'files';
  return 'running';
}

/** A hook log as points: the k-th line of each hook is "NAME#k". */
export function hookPoints(log: string): InjectionPoint[] {
  const seen: Record<string, number> = {};
  const entries = log
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split(' '));
  return entries.map(([name = '', process = '', ...args], index) => {
    seen[name] = (seen[name] ?? 0) + 1;
    const last = !entries.slice(index + 1).some((later) => later[1] === process);
    return { kind: 'hook', at: `${name}#${seen[name]}`, detail: hookDetail(name, args), last } as const;
  });
}

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of every command of the matrix: pinned identity and dates (GIT_AUTHOR_DATE,
 * GIT_COMMITTER_DATE, SOURCE_DATE_EPOCH), so the same run makes the same objects in every copy.
 */
export function matrixEnv(home: string): Record<string, string> {
  return { ...isolatedGitEnv(home), SOURCE_DATE_EPOCH: '1717200000' };
}

/** The built CLI in `dir`, in a process group of its own (it leads it), as a terminal's job would be. */
export function startCli(dir: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [SHIPWRIGHT_BIN, ...args], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliOutcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  let exited = false;
  void done.then(() => (exited = true));
  return { pid: child.pid as number, done, exited: () => exited, stdout: () => stdout };
}

export async function runCli(dir: string, args: string[], env: Record<string, string>): Promise<CliOutcome> {
  return startCli(dir, args, env).done;
}

export interface KilledRun {
  /** The run's own output until it died (or finished after SIGINT). */
  run: CliOutcome;
  /** False when the run ended before reaching the point (the point does not exist in this run). */
  reached: boolean;
}

/**
 * Runs `args` in the case's repository and stops it at `point` with `signal`: inside a hook, once
 * the hook's marker appears, the whole process group gets the signal (kill -9, or Ctrl-C as a
 * terminal sends it); after a step, the engine's fault injection sends it at that exact moment.
 */
export async function runUntil(
  caseDir: string,
  args: string[],
  env: Record<string, string>,
  point: InjectionPoint,
  signal: 'SIGKILL' | 'SIGINT',
): Promise<KilledRun> {
  const marker = join(caseDir, 'crash', 'marker');
  await mkdir(join(caseDir, 'crash'), { recursive: true });
  const extra: Record<string, string> =
    point.kind === 'after-step'
      ? { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: `${point.index}:${signal}` }
      : { CRASH_LOG: join(caseDir, 'crash', 'log'), CRASH_AT: point.at, CRASH_MARKER: marker };
  const cli = startCli(repoIn(caseDir), args, { ...env, ...extra });
  if (point.kind === 'after-step') {
    return { run: await cli.done, reached: true };
  }
  await waitFor(() => existsSync(marker) || cli.exited(), `${point.at} in ${args.join(' ')}`, 60_000);
  const reached = existsSync(marker);
  if (reached) process.kill(-cli.pid, signal);
  // A holding hook that the group's signal missed (one that started as it was sent, under load)
  // would keep the run waiting its full sleep: it gets the same signal, as a Ctrl-C reaches every
  // process of the terminal's job.
  let signalled = new Set<number>();
  const stragglers = setInterval(() => {
    void signalHolders(`${marker}.holders`, signal, signalled).then((done) => (signalled = done));
  }, 100);
  const run = await cli.done.finally(() => clearInterval(stragglers));
  // A SIGINT leaves the hook's sleep to whoever ignores it; make sure nothing of the group lives on.
  try {
    process.kill(-cli.pid, 'SIGKILL');
  } catch {
    // the group is gone
  }
  await rm(join(caseDir, 'crash'), { recursive: true, force: true });
  return { run, reached };
}

/** Sends `signal` to each holding hook listed in `file` that still sleeps; returns those signalled. */
async function signalHolders(file: string, signal: NodeJS.Signals, signalled: Set<number>): Promise<Set<number>> {
  const pids = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  const done = new Set(signalled);
  for (const pid of pids) {
    if (done.has(pid)) continue;
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!command.startsWith('sleep\0')) continue; // gone, or not yet the sleep
    try {
      process.kill(pid, signal);
      done.add(pid);
    } catch {
      // it ended meanwhile
    }
  }
  return done;
}

/** Whether the process is stopped (SIGSTOP): the state letter after the command name in /proc/PID/stat. */
async function isStopped(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
}

const pointKey = (point: InjectionPoint) => (point.kind === 'after-step' ? `after-step#${point.index}` : point.at);

export interface FrozenRun {
  /** The run itself, which went on to the end after each stop. */
  run: CliOutcome;
  /** Its hook log: the points, in order (hookPoints). */
  log: string;
  /** Steps completed (the after-step points). */
  steps: number;
  /** A copy of the case as it was at each point, by pointKey. */
  copies: Map<string, string>;
}

/**
 * kill -9 leaves the disk exactly as it is at that instant (nothing of the group runs on, nothing
 * is cleaned up), so one run can stand for a kill -9 at every point: it stops at each one (after
 * each step the engine's fault injection sends itself SIGSTOP; inside each hook the hook waits on
 * a fifo), the test copies the repository and the remote while everything is still, and lets the
 * run go on. `copyTo` names the directory for each point's copy.
 */
export async function freezeAtEveryPoint(
  caseDir: string,
  args: string[],
  env: Record<string, string>,
  copyTo: (key: string) => string,
): Promise<FrozenRun> {
  const freeze = join(caseDir, 'crash');
  await mkdir(freeze, { recursive: true });
  const at = join(freeze, 'at');
  // --json: each step's "step-done" line, written before the step's SIGSTOP, tells a new boundary
  // from the same one seen twice.
  const cli = startCli(repoIn(caseDir), [...args, '--json'], {
    ...env,
    CRASH_LOG: join(freeze, 'log'),
    CRASH_FREEZE: freeze,
    SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '*:SIGSTOP',
  });
  const copies = new Map<string, string>();
  let steps = 0;
  for (;;) {
    let stopped = false;
    const atBoundary = async () =>
      cli.stdout().split('"type":"step-done"').length - 1 > steps && (await isStopped(cli.pid));
    await waitFor(
      async () => cli.exited() || existsSync(at) || (stopped = await atBoundary()),
      `the next point of ${args.join(' ')}`,
      60_000,
    );
    if (cli.exited()) break;
    if (stopped) {
      const key = pointKey({ kind: 'after-step', index: steps });
      steps += 1;
      copies.set(key, copyTo(key));
      await copyCase(caseDir, copies.get(key) as string);
      process.kill(cli.pid, 'SIGCONT');
    } else {
      const key = (await readFile(at, 'utf8')).trim();
      copies.set(key, copyTo(key));
      await copyCase(caseDir, copies.get(key) as string);
      await rm(at);
      await writeFile(join(freeze, 'go'), '');
    }
  }
  const run = await cli.done;
  const log = await readFile(join(freeze, 'log'), 'utf8').catch(() => '');
  await rm(freeze, { recursive: true, force: true });
  return { run, log, steps, copies };
}

export { pointKey };

/** Everything a run may change, with the case directory's path taken out so copies compare equal. */
export interface CrashSnapshot {
  /** Every ref (branches, tags, remote-tracking, stash) with its value and symref target. */
  refs: string[];
  /** HEAD: the branch it names (or "detached") and the commit it resolves to. */
  head: string;
  /** `git ls-files -s`: mode, blob, stage, path. */
  index: string[];
  /** Every working-tree file outside .git, tracked or not: type, mode and sha256 (a symlink: its target). */
  files: Record<string, string>;
  stash: string[];
  /** git's own half-done state: a merge or pick in progress, lock files, linked worktrees. */
  gitState: string[];
  remoteRefs: string[];
  /** Lock files left in the remote. */
  remoteState: string[];
}

const lines = (text: string) => text.split('\n').filter((line) => line.length > 0);

async function walk(root: string, dir: string, out: Record<string, string>, skip: (rel: string) => boolean) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(root, full);
    if (skip(rel)) continue;
    const stat = await lstat(full);
    const mode = (stat.mode & 0o7777).toString(8);
    if (entry.isSymbolicLink()) out[rel] = `link ${await readlink(full)}`;
    else if (entry.isDirectory()) {
      out[`${rel}/`] = `dir ${mode}`;
      await walk(root, full, out, skip);
    } else
      out[rel] = `file ${mode} ${createHash('sha256')
        .update(await readFile(full))
        .digest('hex')}`;
  }
  return out;
}

/** Every file of a working tree outside .git: "file MODE SHA256", "link TARGET" or "dir MODE". */
export const treeFiles = (dir: string): Promise<Record<string, string>> => walk(dir, dir, {}, (rel) => rel === '.git');

/** Files under a git dir that mean git stopped half-way (lock files, a merge or pick in progress). */
async function halfDone(gitDir: string): Promise<string[]> {
  const found = await walk(gitDir, gitDir, {}, (rel) => rel.startsWith('objects'));
  return Object.keys(found)
    .filter((rel) =>
      /(\.lock$|^MERGE_HEAD$|^CHERRY_PICK_HEAD$|^REVERT_HEAD$|^rebase-(merge|apply)\/$|^sequencer\/$|^worktrees\/[^/]+\/$)/.test(
        rel,
      ),
    )
    .sort();
}

export async function snapshotCase(caseDir: string, env: Record<string, string>): Promise<CrashSnapshot> {
  const repo = repoIn(caseDir);
  const git = async (cwd: string, ...args: string[]) =>
    (await execa('git', args, { cwd, env, extendEnv: false, reject: false, stripFinalNewline: false })).stdout;
  const symbolic = (await git(repo, 'symbolic-ref', '-q', 'HEAD')).trim();
  const worktrees = lines(await git(repo, 'worktree', 'list', '--porcelain')).map((line) =>
    line.split(caseDir).join('<case>'),
  );
  return {
    refs: lines(await git(repo, 'for-each-ref', '--format=%(refname) %(objectname) %(symref)')),
    head: `${symbolic || 'detached'} ${(await git(repo, 'rev-parse', '-q', '--verify', 'HEAD')).trim()}`,
    index: lines(await git(repo, 'ls-files', '-s')),
    files: await treeFiles(repo),
    stash: lines(await git(repo, 'stash', 'list', '--format=%H %gs')),
    gitState: [...(await halfDone(join(repo, '.git'))), ...worktrees.filter((line) => line.startsWith('worktree '))],
    remoteRefs: lines(await git(remoteIn(caseDir), 'for-each-ref', '--format=%(refname) %(objectname) %(symref)')),
    remoteState: (await halfDone(remoteIn(caseDir))).filter((rel) => rel.endsWith('.lock')),
  };
}

/** What differs between two snapshots, one line per key, for a failure message a person can read. */
export function snapshotDiff(expected: CrashSnapshot, actual: CrashSnapshot): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected) as (keyof CrashSnapshot)[]) {
    const a = expected[key];
    const b = actual[key];
    if (typeof a === 'string' || typeof b === 'string') {
      if (a !== b) out.push(`${key}: expected ${String(a)}, got ${String(b)}`);
      continue;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const missing = a.filter((line) => !b.includes(line));
      const extra = b.filter((line) => !a.includes(line));
      if (missing.length > 0 || extra.length > 0)
        out.push(`${key}: missing [${missing.join('; ')}], unexpected [${extra.join('; ')}]`);
      continue;
    }
    const fa = a as Record<string, string>;
    const fb = b as Record<string, string>;
    for (const path of new Set([...Object.keys(fa), ...Object.keys(fb)]))
      if (fa[path] !== fb[path])
        out.push(`${key} ${path}: expected ${fa[path] ?? 'absent'}, got ${fb[path] ?? 'absent'}`);
  }
  return out;
}

/** At most `limit` of the given jobs run at once (the matrix shares 2 cores with the rest of the suite). */
export function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    // A finished job hands its slot straight to the next waiting one.
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/** A scratch directory for the whole matrix, removed with `remove`. */
export async function matrixRoot(): Promise<{ dir: string; home: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-crash-'));
  const home = join(dir, 'home');
  await mkdir(home);
  return { dir, home, remove: () => rm(dir, { recursive: true, force: true }) };
}
