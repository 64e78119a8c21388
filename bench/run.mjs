// Benchmark suite (`npm run bench`): times shipwright against the tools users would pick instead and prints medians and ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureRepo, REPOS_DIR } from './generate-repo.mjs';
import { ensureWorkspace } from './generate-workspace.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;
const SHIPWRIGHT = join(ROOT, 'bin', 'shipwright.js');
const CONVENTIONAL_CHANGELOG = join(ROOT, 'node_modules', '.bin', 'conventional-changelog');
const COMMITLINT = join(ROOT, 'node_modules', '.bin', 'commitlint');
const LINT_STAGED = join(ROOT, 'node_modules', '.bin', 'lint-staged');
/** Comparison tools that are not devDependencies, installed at bench time (gitignored). */
const TOOLS_DIR = join(ROOT, 'bench', '.tools');
/** The newest commit-and-tag-version that runs on Node 20: 13.x declares `engines.node >= 22`. */
const COMMIT_AND_TAG_VERSION = '12.7.3';

/**
 * Time until a terminal program's first frame shows `marker`, in a private tmux server (a real
 * terminal: the TUI only starts on one). The same harness times a bare `node` printing the marker,
 * so tmux's own cost sits on both sides of the ratio. The commands take turns (A B, A B, …, after
 * one warm-up run each) so that a change of load on a shared machine hits both sides alike.
 * Returns each command's median, in seconds.
 */
function timeFirstFrames(argvs, cwd, marker, runs) {
  const times = argvs.map(() => []);
  for (let run = 0; run < runs + 1; run++) {
    argvs.forEach((argv, index) => {
      const command = argv.map(quote).join(' ');
      // A fresh server per run: a new session on a server that is still shutting down fails.
      const socket = `shipwright-bench-${process.pid}-${index}-${run}`;
      const tmux = (...args) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
      const started = performance.now();
      tmux('new-session', '-d', '-s', 'f', '-x', '100', '-y', '30', '-c', cwd, `${command}; sleep 5`);
      let seen = false;
      while (!seen && performance.now() - started < 15_000)
        seen = (tmux('capture-pane', '-p', '-t', 'f').stdout ?? '').includes(marker);
      const elapsed = (performance.now() - started) / 1000;
      tmux('kill-server');
      if (!seen) throw new Error(`first frame of ${command} never showed "${marker}"`);
      if (run > 0) times[index].push(elapsed); // the first run warms the caches
    });
  }
  return times.map(median);
}

/**
 * `name@version` installed under bench/.tools/<name>/ (npm install --prefix, --no-save: not a
 * dependency of shipwright), reused while the version matches. Returns the path of its bin script,
 * run with this Node, or a reason when it cannot be installed (offline, no npm).
 */
function ensureTool(name, version) {
  const prefix = join(TOOLS_DIR, name);
  const manifestPath = join(prefix, 'node_modules', name, 'package.json');
  const installed = () => (existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null);
  if (installed()?.version !== version) {
    log(`installing ${name}@${version} into ${prefix}`);
    mkdirSync(prefix, { recursive: true });
    const npm = spawnSync(
      'npm',
      ['install', '--prefix', prefix, `${name}@${version}`, '--no-save', '--no-audit', '--no-fund', '--loglevel=error'],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const manifest = installed();
    if (npm.status !== 0 || manifest?.version !== version) {
      const why =
        npm.error?.message ??
        (npm.stderr ?? '').split('\n').find((line) => line.trim().length > 0) ??
        `exit ${npm.status}`;
      return { reason: `could not install ${name}@${version} (offline?): ${why.trim()}` };
    }
  }
  const manifest = installed();
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return { bin: join(prefix, 'node_modules', name, bin), version: manifest.version };
}

/**
 * What a dry run must leave as it found it: the working tree (untracked and ignored files
 * included), every ref and HEAD, the config, and the names of the files under .git (a lock,
 * journal or cache would show). Not the index's stat data, which any `git status` may refresh.
 */
function repoSnapshot(cwd) {
  const git = (...args) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const gitDir = resolve(cwd, git('rev-parse', '--git-dir').trim());
  return [
    `status:\n${git('status', '--porcelain', '--ignored', '--untracked-files=all')}`,
    `refs:\n${git('for-each-ref', '--format=%(refname) %(objectname)')}`,
    `HEAD: ${readFileSync(join(gitDir, 'HEAD'), 'utf8')}`,
    `config:\n${readFileSync(join(gitDir, 'config'), 'utf8')}`,
    `files under .git:\n${readdirSync(gitDir, { recursive: true }).sort().join('\n')}`,
  ].join('\n');
}

/** Throws, naming the command and what changed, when `after` differs from `before`. */
function assertUnchanged(name, cwd, before, after) {
  if (after === before) return;
  const was = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  const changes = [
    ...[...was].filter((line) => !now.has(line)).map((line) => `- ${line}`),
    ...[...now].filter((line) => !was.has(line)).map((line) => `+ ${line}`),
  ];
  throw new Error(`${name} wrote to ${cwd} in a dry run:\n${changes.slice(0, 40).join('\n')}`);
}

/**
 * A small repository set up as `shipwright init` leaves one, for the hook groups: commitlint config,
 * lint-staged config with one cheap task, the default staged checks, and one staged file.
 */
function prepareHookRepo(workDir) {
  const dir = join(workDir, 'hooks-repo');
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'b',
        GIT_AUTHOR_EMAIL: 'b@b',
        GIT_COMMITTER_NAME: 'b',
        GIT_COMMITTER_EMAIL: 'b@b',
      },
    });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  mkdirSync(join(dir, 'node_modules', '@commitlint'), { recursive: true });
  symlinkSync(
    join(ROOT, 'node_modules', '@commitlint', 'config-conventional'),
    join(dir, 'node_modules', '@commitlint', 'config-conventional'),
  );
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  writeFileSync(
    join(dir, 'commitlint.config.mjs'),
    "export default { extends: ['@commitlint/config-conventional'] };\n",
  );
  writeFileSync(join(dir, '.lintstagedrc.json'), JSON.stringify({ '*.txt': 'node -e 0' }));
  writeFileSync(
    join(dir, 'shipwright.config.json'),
    JSON.stringify({ workflow: 'trunk', stagedChecks: ['conflict-markers', 'private-keys'] }),
  );
  writeFileSync(join(dir, 'a.txt'), 'one\n');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'chore: start');
  writeFileSync(join(dir, 'a.txt'), 'one\ntwo\n');
  git('add', 'a.txt');
  const message = join(dir, 'COMMIT_MSG');
  writeFileSync(message, 'feat(api): add export endpoint\n\nSo reports can be downloaded.\n');
  return { dir, message };
}

/**
 * `lint-msg` on one-line subjects of 1 KB to 1 MB (`fix: aaaa…`, the shape that took minutes when
 * the parser's reference regex was cubic), in a repository whose commitlint config allows long
 * headers so every run passes and exits 0.
 */
function prepareLongSubjects(workDir) {
  const dir = join(workDir, 'long-subjects');
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  mkdirSync(join(dir, 'node_modules', '@commitlint'), { recursive: true });
  symlinkSync(
    join(ROOT, 'node_modules', '@commitlint', 'config-conventional'),
    join(dir, 'node_modules', '@commitlint', 'config-conventional'),
  );
  writeFileSync(
    join(dir, 'commitlint.config.mjs'),
    "export default { extends: ['@commitlint/config-conventional'], rules: { 'header-max-length': [0] } };\n",
  );
  const sizes = [
    ['1 KB', 1_000],
    ['10 KB', 10_000],
    ['100 KB', 100_000],
    ['1 MB', 1_000_000],
  ];
  return sizes.map(([label, size]) => {
    const file = join(dir, `subject-${size}.txt`);
    writeFileSync(file, `fix: ${'a'.repeat(size - 5)}\n`);
    return { label, dir, file };
  });
}

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'slow-runs': { type: 'string', default: '3' },
    'no-cliff': { type: 'boolean', default: false },
    'no-graph': { type: 'boolean', default: false },
    only: { type: 'string' },
    runner: { type: 'string', default: 'auto' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (flags.help) {
  console.log(`usage: node bench/run.mjs [--runs N] [--slow-runs N] [--no-cliff] [--no-graph] [--only IDS] [--runner hyperfine|builtin]
  --runs N       timed runs of the fast commands (default 15, in 3 alternating rounds, after warm-ups)
  --slow-runs N  timed runs of the multi-second commands (default 3, after 1 warm-up; git-cliff: none)
  --no-cliff     skip git-cliff (25–45 s a run on the 10k repo)
  --no-graph     skip the informational rows on repositories with a commit-graph
  --only IDS     only these groups, comma-separated (e.g. --only g or --only a,b)`);
  process.exit(0);
}
const FAST_RUNS = Number(flags.runs);
const SLOW_RUNS = Number(flags['slow-runs']);
const ONLY = flags.only
  ? new Set(
      flags.only
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
  : null;
const wanted = (id) => ONLY === null || ONLY.has(id);

const log = (line) => process.stderr.write(`${line}\n`);

/** hyperfine ≥ 1.13 (for -N, no intermediate shell) when installed, else the built-in runner. */
function pickRunner() {
  if (flags.runner === 'builtin') return null;
  const probe = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  const version = /hyperfine (\d+)\.(\d+)/.exec(probe.stdout ?? '');
  if (version && (Number(version[1]) > 1 || Number(version[2]) >= 13)) return probe.stdout.trim();
  if (flags.runner === 'hyperfine') throw new Error('hyperfine ≥ 1.13 is not installed (apt-get install -y hyperfine)');
  return null;
}

/** git-cliff's native binary (what `npx git-cliff` ends up running), with its own `--init` config. */
function prepareGitCliff(workDir) {
  const binary = join(ROOT, 'node_modules', `git-cliff-${process.platform}-${process.arch}`, 'bin', 'git-cliff');
  if (!existsSync(binary)) return null;
  execFileSync(binary, ['--init'], { cwd: workDir, stdio: 'ignore' });
  return { binary, config: join(workDir, 'cliff.toml') };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** Runs a command once and returns its output: the check that makes a timing meaningful. */
function capture(command) {
  const result = spawnSync(command.argv[0], command.argv.slice(1), {
    cwd: command.cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: command.env,
  });
  if (result.status !== 0 || result.stdout.trim().length === 0) {
    throw new Error(
      `${command.name} failed or printed nothing (exit ${result.status}) in ${command.cwd}:\n${(result.stderr ?? '').slice(0, 2000)}`,
    );
  }
  return result.stdout;
}

function timeWithHyperfine(command, { warmup, runs }, workDir) {
  const exportFile = join(workDir, 'hyperfine.json');
  const line = command.argv.map(quote).join(' ');
  execFileSync(
    'hyperfine',
    [
      '-N',
      '--style',
      'none',
      '--warmup',
      String(warmup),
      '--runs',
      String(runs),
      '--export-json',
      exportFile,
      '--command-name',
      command.name,
      line,
    ],
    {
      cwd: command.cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: command.env,
    },
  );
  const [result] = JSON.parse(readFileSync(exportFile, 'utf8')).results;
  return { times: result.times, cpu: (result.user + result.system) * result.times.length };
}

function timeBuiltin(command, { warmup, runs }) {
  const once = () => {
    const started = performance.now();
    const result = spawnSync(command.argv[0], command.argv.slice(1), {
      cwd: command.cwd,
      stdio: 'ignore',
      env: command.env,
    });
    if (result.status !== 0) throw new Error(`${command.name} exited with ${result.status}`);
    return (performance.now() - started) / 1000;
  };
  for (let i = 0; i < warmup; i++) once();
  return { times: Array.from({ length: runs }, once), cpu: null };
}

/**
 * Times a group's commands in alternating rounds (A B C, A B C, …) so that a change of load on a
 * shared machine hits both sides of a ratio alike; medians are over all rounds' runs.
 */
function timeGroup(group, runner, workDir) {
  const rounds = Math.max(...group.commands.map((command) => command.plan.rounds ?? 1));
  const totals = group.commands.map(() => ({ times: [], cpu: 0, cpuKnown: true }));
  for (let round = 0; round < rounds; round++) {
    group.commands.forEach((command, index) => {
      const { warmup, runs, rounds: own = 1 } = command.plan;
      if (round >= own) return;
      const plan = { warmup: round === 0 ? warmup : Math.min(warmup, 1), runs: Math.ceil(runs / own) };
      log(`timing ${group.id}: ${command.name} (round ${round + 1}/${own}: ${plan.warmup} warm-up, ${plan.runs} runs)`);
      const result = runner ? timeWithHyperfine(command, plan, workDir) : timeBuiltin(command, plan);
      totals[index].times.push(...result.times);
      if (result.cpu === null) totals[index].cpuKnown = false;
      else totals[index].cpu += result.cpu;
    });
  }
  return totals.map((total) => ({
    median: median(total.times),
    cpu: total.cpuKnown ? total.cpu / total.times.length : null,
    runs: total.times.length,
  }));
}

const formatSeconds = (seconds) =>
  seconds === null ? '—' : seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1000).toFixed(0)} ms`;
const formatBytes = (bytes) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${bytes} B`);
const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);

/** Lines of `a` missing from `b` (as multisets): how far two changelogs differ. */
function differingLines(a, b) {
  const counts = new Map();
  for (const line of b.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  let missing = 0;
  for (const line of a.split('\n')) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else missing++;
  }
  return missing;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js')))
    throw new Error('dist/ is missing: run `npm run bench` (it builds first) or `npx tsup`');
  const runner = pickRunner();
  const workDir = mkdtempSync(join(tmpdir(), 'shipwright-bench-'));
  const startedAt = new Date();
  const loadBefore = loadavg();
  log(`runner: ${runner ?? 'built-in (median of spawnSync wall times; install hyperfine for CPU times)'}`);

  // `--only f` times the TUI on the 10k repository alone: the others (100k takes minutes) are not made.
  const firstFrameOnly = ONLY !== null && [...ONLY].every((id) => id === 'f');
  const medium = await ensureRepo(10_000, { log });
  const repos = {
    small: firstFrameOnly ? medium : await ensureRepo(1_000, { log }),
    medium,
    large: firstFrameOnly ? medium : await ensureRepo(100_000, { log }),
  };
  if (wanted('g') || wanted('m')) repos.mediumVersioned = await ensureRepo(10_000, { packageVersions: true, log });
  if (wanted('m')) repos.workspace = await ensureWorkspace(10_000, 100, { log });
  if (!flags['no-graph'] && !firstFrameOnly) {
    repos.smallGraph = await ensureRepo(1_000, { commitGraph: true, log });
    repos.mediumGraph = await ensureRepo(10_000, { commitGraph: true, log });
    repos.largeGraph = await ensureRepo(100_000, { commitGraph: true, log });
  }
  const cliff = flags['no-cliff'] || !wanted('a') ? null : prepareGitCliff(workDir);
  const catv = wanted('g') ? ensureTool('commit-and-tag-version', COMMIT_AND_TAG_VERSION) : null;

  // Colour and pagers off; the same environment for every tool.
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', LANG: 'C.UTF-8' };
  const fast = { warmup: 3, runs: FAST_RUNS, rounds: 3 };
  const slow = { warmup: 1, runs: SLOW_RUNS };
  const make = (name, argv, cwd, plan) => ({ name, argv, cwd, env, plan });

  // `status` when the command exists, else `version` (both read tags and the commits since the last one).
  const statusProbe = spawnSync(NODE, [SHIPWRIGHT, 'status'], { cwd: repos.small, encoding: 'utf8', env });
  const statusCommand = statusProbe.status === 0 && statusProbe.stdout.trim().length > 0 ? 'status' : 'version';

  const groups = [
    {
      id: 'a',
      title: 'full regeneration, 10k commits (~395 releases)',
      commands: [
        make(
          'shipwright changelog --stdout --release-count 0',
          [NODE, SHIPWRIGHT, 'changelog', '--stdout', '--release-count', '0'],
          repos.medium,
          slow,
        ),
        make(
          'conventional-changelog -p conventionalcommits -r 0',
          [CONVENTIONAL_CHANGELOG, '-p', 'conventionalcommits', '-r', '0', '--stdout'],
          repos.medium,
          slow,
        ),
        ...(cliff
          ? [
              make('git-cliff (its --init config)', [cliff.binary, '--config', cliff.config], repos.medium, {
                warmup: 0,
                runs: SLOW_RUNS,
              }),
            ]
          : []),
      ],
      ratio: { label: 'conventional-changelog / shipwright', of: 1, over: 0, target: '≥ 10×', met: (r) => r >= 10 },
      extraRatios: cliff ? [{ label: 'git-cliff / shipwright', of: 2, over: 0 }] : [],
      sizeCheck: [0, 1],
    },
    {
      id: 'b',
      title: 'latest section, 10k commits (50 since the last tag)',
      commands: [
        make('shipwright changelog --stdout', [NODE, SHIPWRIGHT, 'changelog', '--stdout'], repos.medium, fast),
        make(
          'conventional-changelog -p conventionalcommits -r 1',
          [CONVENTIONAL_CHANGELOG, '-p', 'conventionalcommits', '-r', '1', '--stdout'],
          repos.medium,
          fast,
        ),
        make('node -e 0', [NODE, '-e', '0'], repos.medium, fast),
      ],
      noOutput: [2],
      ratio: { label: 'shipwright / node -e 0', of: 0, over: 2, target: '≤ 2.5×', met: (r) => r <= 2.5 },
      extraRatios: [{ label: 'conventional-changelog / shipwright', of: 1, over: 0 }],
      sizeCheck: [0, 1],
    },
    {
      id: 'c',
      title: `shipwright ${statusCommand}, 100k vs 1k commits`,
      commands: [
        make(`shipwright ${statusCommand} (1k commits)`, [NODE, SHIPWRIGHT, statusCommand], repos.small, fast),
        make(`shipwright ${statusCommand} (100k commits)`, [NODE, SHIPWRIGHT, statusCommand], repos.large, {
          warmup: 2,
          runs: Math.max(6, Math.round(FAST_RUNS / 2)),
          rounds: 3,
        }),
      ],
      ratio: { label: '100k / 1k', of: 1, over: 0, target: '≤ 1.3×', met: (r) => r <= 1.3 },
      extraRatios: [],
      sizeCheck: [0, 1],
    },
  ];
  const hooks = prepareHookRepo(workDir);
  groups.push(
    {
      id: 'd',
      title: 'commit-msg hook on a valid message (config-conventional)',
      commands: [
        make('shipwright hook commit-msg', [NODE, SHIPWRIGHT, 'hook', 'commit-msg', hooks.message], hooks.dir, fast),
        make('commitlint --edit', [COMMITLINT, '--edit', hooks.message], hooks.dir, fast),
        make('node -e 0', [NODE, '-e', '0'], hooks.dir, fast),
      ],
      noOutput: [0, 1, 2],
      ratio: { label: 'shipwright / node -e 0', of: 0, over: 2, target: '≤ 1.5×', met: (r) => r <= 1.5 },
      extraRatios: [{ label: 'commitlint / node -e 0', of: 1, over: 2 }],
      sizeCheck: [],
    },
    {
      id: 'e',
      title: 'pre-commit hook: one staged file, one lint-staged task',
      commands: [
        make(
          'shipwright hook pre-commit (lint-staged + staged checks)',
          [NODE, SHIPWRIGHT, 'hook', 'pre-commit'],
          hooks.dir,
          fast,
        ),
        make('lint-staged', [LINT_STAGED, '--quiet'], hooks.dir, fast),
      ],
      noOutput: [0, 1],
      ratio: { label: 'shipwright / lint-staged', of: 0, over: 1, target: '≤ 1.1×', met: (r) => r <= 1.1 },
      extraRatios: [],
      sizeCheck: [],
    },
  );
  const subjects = prepareLongSubjects(workDir);
  groups.push({
    id: 'h',
    title: 'lint-msg on one-line subjects of 1 KB to 1 MB (linear)',
    commands: [
      ...subjects.map(({ label, dir, file }) =>
        make(
          `shipwright lint-msg (${label} subject)`,
          [NODE, SHIPWRIGHT, 'lint-msg', file],
          dir,
          label === '1 MB' ? slow : fast,
        ),
      ),
      make('node -e 0', [NODE, '-e', '0'], subjects[0].dir, fast),
    ],
    // A valid message prints nothing: each run's exit 0 is the check.
    noOutput: [0, 1, 2, 3, 4],
    // Linear: ten times the subject costs at most ten times the work beyond Node's start-up.
    ratio: {
      label: '1 MB / 1 KB',
      of: 3,
      over: 0,
      target: '≤ 1 s at 1 MB',
      met: (_, results) => results[3].median <= 1,
    },
    extraRatios: [
      { label: '100 KB / 10 KB', of: 2, over: 1 },
      { label: '1 MB / 100 KB', of: 3, over: 2 },
    ],
    // What the megabyte itself costs, start-up and config loading taken out (a loaded machine inflates both).
    differences: [{ label: '1 MB − 1 KB', of: 3, over: 0 }],
    sizeCheck: [],
  });
  if (catv?.bin) {
    groups.push({
      id: 'g',
      title: 'release dry run, 10k commits (50 since the last tag; package.json at it)',
      commands: [
        make(
          'shipwright release --dry-run --no-push',
          [NODE, SHIPWRIGHT, 'release', '--dry-run', '--no-push'],
          repos.mediumVersioned,
          fast,
        ),
        make(
          `commit-and-tag-version --dry-run (${catv.version})`,
          [NODE, catv.bin, '--dry-run'],
          repos.mediumVersioned,
          fast,
        ),
      ],
      ratio: { label: 'commit-and-tag-version / shipwright', of: 1, over: 0, target: '≥ 3×', met: (r) => r >= 3 },
      extraRatios: [],
      sizeCheck: [0, 1],
      // The same release, read from each output: shipwright's plan, commit-and-tag-version's bump line.
      versions: [/^Release v(\S+):/m, /bumping version in package\.json from \S+ to (\S+)/],
      writesNothing: true,
    });
  } else if (catv) log(`skipping g: ${catv.reason}`);
  if (repos.workspace) {
    // changesets' `version` is not timed: it releases what .changeset/*.md files declare, which a
    // history of conventional commits does not have, so there is no same repository to run it on.
    groups.push({
      id: 'm',
      title: 'release plan: a 100-package workspace vs one package, 10k commits each',
      commands: [
        make(
          'shipwright release --dry-run --no-push (100 packages)',
          [NODE, SHIPWRIGHT, 'release', '--dry-run', '--no-push'],
          repos.workspace,
          fast,
        ),
        make(
          'shipwright release --dry-run --no-push (1 package)',
          [NODE, SHIPWRIGHT, 'release', '--dry-run', '--no-push'],
          repos.mediumVersioned,
          fast,
        ),
      ],
      ratio: { label: 'workspace / single package', of: 0, over: 1, target: '≤ 2×', met: (r) => r <= 2 },
      extraRatios: [],
      sizeCheck: [],
      writesNothing: true,
    });
  }
  if (!flags['no-graph']) {
    groups.push(
      {
        id: 'b*',
        title: 'as b, on the 10k repo with a commit-graph (informational)',
        commands: [
          make(
            'shipwright changelog --stdout (commit-graph)',
            [NODE, SHIPWRIGHT, 'changelog', '--stdout'],
            repos.mediumGraph,
            fast,
          ),
          make('node -e 0', [NODE, '-e', '0'], repos.mediumGraph, fast),
        ],
        noOutput: [1],
        ratio: { label: 'shipwright / node -e 0', of: 0, over: 1, target: '(≤ 2.5×)', met: (r) => r <= 2.5 },
        extraRatios: [],
        sizeCheck: [],
      },
      {
        id: 'c*',
        title: `as c, on repos with a commit-graph (informational)`,
        commands: [
          make(
            `shipwright ${statusCommand} (1k, commit-graph)`,
            [NODE, SHIPWRIGHT, statusCommand],
            repos.smallGraph,
            fast,
          ),
          make(
            `shipwright ${statusCommand} (100k, commit-graph)`,
            [NODE, SHIPWRIGHT, statusCommand],
            repos.largeGraph,
            fast,
          ),
        ],
        ratio: { label: '100k / 1k', of: 1, over: 0, target: '(≤ 1.3×)', met: (r) => r <= 1.3 },
        extraRatios: [],
        sizeCheck: [0, 1],
      },
    );
  }

  if (ONLY !== null) {
    const known = new Set([...groups.map((group) => group.id), 'f']);
    const unknown = [...ONLY].filter((id) => !known.has(id) && !(id === 'g' && catv?.reason));
    if (unknown.length > 0)
      throw new Error(
        `--only: no group ${unknown.join(', ')} (groups: ${[...known].join(', ')}${flags['no-graph'] ? '; b* and c* need no --no-graph' : ''})`,
      );
    groups.splice(0, groups.length, ...groups.filter((group) => wanted(group.id)));
  }

  // 1. Every output checked before anything is timed; a dry run must leave its repository as it was.
  const outputs = new Map();
  const snapshots = new Map();
  for (const group of groups) {
    for (const [index, command] of group.commands.entries()) {
      if (group.noOutput?.includes(index)) continue;
      log(`checking ${group.id}: ${command.name}`);
      const before = group.writesNothing ? repoSnapshot(command.cwd) : null;
      outputs.set(command, capture(command));
      if (before !== null) {
        assertUnchanged(command.name, command.cwd, before, repoSnapshot(command.cwd));
        snapshots.set(command, before);
      }
    }
    if (group.versions) {
      const found = group.versions.map(
        (pattern, index) => pattern.exec(outputs.get(group.commands[index]))?.[1] ?? null,
      );
      if (found.includes(null) || new Set(found).size !== 1)
        throw new Error(
          `${group.id}: the commands do not agree on the release (${found.map((version, index) => `${group.commands[index].name}: ${version ?? 'none found'}`).join('; ')})`,
        );
      group.version = found[0];
    }
    if (group.sizeCheck.length === 2) {
      const [a, b] = group.sizeCheck.map((index) => outputs.get(group.commands[index]));
      const ratio = a.length / b.length;
      if (ratio < 0.5 || ratio > 2)
        throw new Error(`${group.id}: outputs differ too much in size (${a.length} vs ${b.length} bytes)`);
      group.difference = differingLines(a, b);
    }
    const cliffIndex = group.commands.findIndex((command) => command.argv[0] === cliff?.binary);
    if (cliffIndex >= 0) {
      const ratio = outputs.get(group.commands[cliffIndex]).length / outputs.get(group.commands[0]).length;
      // git-cliff's default template has no links, so it is smaller; it must still cover every release.
      if (ratio < 0.2 || ratio > 5)
        throw new Error(`${group.id}: git-cliff's output size is off (${ratio.toFixed(2)}× shipwright's)`);
    }
  }

  // 2. Timings; afterwards, the dry runs' repositories checked again (every timed run included).
  for (const group of groups) {
    group.results = timeGroup(group, runner, workDir);
    for (const [command, before] of snapshots)
      if (group.commands.includes(command))
        assertUnchanged(`${command.name} (timed runs)`, command.cwd, before, repoSnapshot(command.cwd));
  }
  const tmuxAvailable = spawnSync('tmux', ['-V']).status === 0;
  if (wanted('f') && tmuxAvailable) {
    log('timing f: TUI first frame (tmux)');
    const runs = Math.max(5, Math.round(FAST_RUNS / 2));
    // Until the next version is on the screen (the repository's data, not a spinner), against node
    // printing that very line in the same kind of pane.
    const [tui, bare] = timeFirstFrames(
      [
        [NODE, SHIPWRIGHT],
        [NODE, '-e', "console.log('Next version:')"],
      ],
      repos.medium,
      'Next version:',
      runs,
    );
    groups.push({
      id: 'f',
      title: 'TUI home screen until the next version shows, 10k commits (tmux)',
      commands: [{ name: 'shipwright (TUI home)' }, { name: 'node -e "console.log(\'Next version:\')"' }],
      results: [
        { median: tui, cpu: null, runs },
        { median: bare, cpu: null, runs },
      ],
      ratio: { label: 'shipwright / node', of: 0, over: 1, target: '≤ 3×', met: (r) => r <= 3 },
      extraRatios: [],
      sizeCheck: [],
    });
  } else if (wanted('f')) log('skipping f: tmux is not installed');

  // 3. The table.
  const lines = [];
  const width = 58;
  lines.push(`shipwright benchmarks — ${startedAt.toISOString()}`);
  lines.push(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; node ${process.version}; ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()}; ${runner ?? 'built-in runner'}`,
  );
  lines.push(
    `load average before/after: ${loadBefore.map((n) => n.toFixed(2)).join(' ')} / ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  lines.push('');
  lines.push(
    `${pad('', 4)}${pad('command', width)}${padLeft('median', 10)}${padLeft('CPU', 10)}${padLeft('runs', 6)}${padLeft('output', 10)}`,
  );
  for (const group of groups) {
    lines.push(`${pad(`${group.id}.`, 4)}${group.title}`);
    group.commands.forEach((command, index) => {
      const result = group.results[index];
      const output = outputs.get(command);
      lines.push(
        `${pad('', 4)}${pad(command.name, width)}${padLeft(formatSeconds(result.median), 10)}${padLeft(formatSeconds(result.cpu), 10)}${padLeft(result.runs, 6)}${padLeft(output ? formatBytes(Buffer.byteLength(output)) : '', 10)}`,
      );
    });
    const ratioOf = ({ of, over }) => group.results[of].median / group.results[over].median;
    const cpuRatioOf = ({ of, over }) =>
      group.results[of].cpu && group.results[over].cpu ? group.results[of].cpu / group.results[over].cpu : null;
    const main = ratioOf(group.ratio);
    const cpuMain = cpuRatioOf(group.ratio);
    lines.push(
      `${pad('', 4)}→ ${group.ratio.label} = ${main.toFixed(2)}×${cpuMain ? ` (CPU ${cpuMain.toFixed(2)}×)` : ''}   target ${group.ratio.target}: ${group.ratio.met(main, group.results) ? 'met' : 'missed'}`,
    );
    for (const extra of group.extraRatios) lines.push(`${pad('', 4)}  ${extra.label} = ${ratioOf(extra).toFixed(2)}×`);
    for (const extra of group.differences ?? [])
      lines.push(
        `${pad('', 4)}  ${extra.label} = ${formatSeconds(group.results[extra.of].median - group.results[extra.over].median)}`,
      );
    if (group.difference !== undefined)
      lines.push(`${pad('', 4)}  outputs: ${group.difference} line(s) of the first not in the second`);
    if (group.version !== undefined)
      lines.push(
        `${pad('', 4)}  both release ${group.version}; neither wrote to the repository (checked before and after timing)`,
      );
    lines.push('');
  }
  const report = lines.join('\n');
  console.log(report);
  const resultsFile = join(REPOS_DIR, 'last-results.json');
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ startedAt, runner, loadBefore, loadAfter: loadavg(), groups: groups.map((group) => ({ id: group.id, title: group.title, commands: group.commands.map((command, index) => ({ name: command.name, cwd: command.cwd, ...group.results[index] })) })) }, null, 2)}\n`,
  );
  log(`raw results: ${resultsFile}`);
  rmSync(workDir, { recursive: true, force: true });
}

await main();
