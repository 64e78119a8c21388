// Builds the demo repository (realistic gitflow history, a bare origin, shipwright's hooks) for
// `npm run demo` and the end-to-end tests. Needs the built CLI (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** shipwright's own checkout (this file lives in <project>/scripts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SHIPWRIGHT_BIN = join(PROJECT_ROOT, 'bin', 'shipwright.js');

export const DEMO_IDENTITY = { name: 'Grace Hopper', email: 'grace@example.com' };
export const DEMO_REPOSITORY_URL = 'https://github.com/acme/taskboard';

/** 2024-03-04T09:00:00Z; every commit moves the clock forward by a fixed, varied step. */
const START = Date.UTC(2024, 2, 4, 9) / 1000;
const STEPS_HOURS = [3, 5, 20, 2, 7, 26, 4, 6, 49, 3];

/**
 * The git environment for generating history: pinned identity, no system or global config (a
 * user's core.hooksPath, commit.template or gpg signing must not leak in), no prompts.
 */
function baseEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GIT_') && key !== 'HUSKY' && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: DEMO_IDENTITY.name,
    GIT_AUTHOR_EMAIL: DEMO_IDENTITY.email,
    GIT_COMMITTER_NAME: DEMO_IDENTITY.name,
    GIT_COMMITTER_EMAIL: DEMO_IDENTITY.email,
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    LC_ALL: 'C',
  };
}

function run(command, args, options) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}) in ${options.cwd}:\n${result.stdout}${result.stderr}`,
    );
  return result.stdout.trim();
}

/**
 * The feature/fix branches of each release: [branch, [header, file, content]…]. Headers follow
 * Conventional Commits, so version, changelog and status have something real to work with.
 */
const RELEASES = [
  {
    version: '1.0.0',
    branches: [
      [
        'feature/1-task-list',
        [
          ['feat(tasks): add a task list with due dates', 'src/tasks.js', 'export const tasks = [];\n'],
          ['test(tasks): cover empty and overdue lists', 'test/tasks.test.js', "import '../src/tasks.js';\n"],
        ],
      ],
      [
        'feature/2-accounts',
        [
          [
            'feat(auth): sign up and log in with email and password',
            'src/auth.js',
            'export const login = () => true;\n',
          ],
          [
            'feat(auth): reset forgotten passwords by email',
            'src/auth.js',
            'export const login = () => true;\nexport const reset = () => true;\n',
          ],
        ],
      ],
      [
        'fix/3-session-expiry',
        [
          [
            'fix(auth): expire sessions after 30 minutes of inactivity',
            'src/session.js',
            'export const TTL = 30 * 60;\n',
          ],
        ],
      ],
    ],
    direct: [
      ['ci: run the tests on every pull request', '.github/workflows/test.yml', 'on: [pull_request]\n'],
      [
        'docs: add a contributing guide',
        'CONTRIBUTING.md',
        '# Contributing\n\nBranch from dev, commit with `shipwright commit`.\n',
      ],
    ],
  },
  {
    version: '1.1.0',
    branches: [
      [
        'feature/7-search',
        [
          ['feat(search): find tasks by words in their title', 'src/search.js', 'export const search = () => [];\n'],
          [
            'perf(search): index titles once instead of on every query',
            'src/search.js',
            'const index = new Map();\nexport const search = () => [...index.values()];\n',
          ],
        ],
      ],
      [
        'fix/10-label-contrast',
        [['fix(ui): readable label text on dark colours', 'src/contrast.js', 'export const contrast = 4.5;\n']],
      ],
      [
        'fix/9-due-dates',
        [
          [
            'fix(tasks): show due dates in the user’s time zone',
            'src/tasks.js',
            'export const tasks = [];\nexport const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\n',
          ],
        ],
      ],
      [
        'feature/11-labels',
        [
          ['feat(tasks): colour-coded labels', 'src/labels.js', "export const labels = ['red', 'green'];\n"],
          ['docs: explain labels in the README', 'README.md', '# taskboard\n\nTasks with due dates and labels.\n'],
        ],
      ],
    ],
    direct: [
      ['refactor(tasks): split storage from the task model', 'src/storage.js', 'export const store = new Map();\n'],
    ],
  },
  {
    version: '1.2.0',
    branches: [
      [
        'feature/14-csv-export',
        [
          [
            'feat(export): download tasks as CSV',
            'src/export.js',
            'export const toCsv = (rows) => rows.join("\\n");\n',
          ],
          [
            'fix(export): quote fields that contain commas',
            'src/export.js',
            'export const toCsv = (rows) => rows.map((r) => JSON.stringify(r)).join("\\n");\n',
          ],
        ],
      ],
      [
        'feature/16-reminders',
        [
          [
            'feat(notify): email a reminder the day before a task is due',
            'src/notify.js',
            'export const remind = () => {};\n',
          ],
        ],
      ],
      [
        'fix/18-login-redirect',
        [
          [
            'fix(auth): return to the requested page after logging in',
            'src/auth.js',
            'export const login = (next = "/") => next;\nexport const reset = () => true;\n',
          ],
        ],
      ],
    ],
    direct: [
      ['build: bump the minimum Node version to 20', '.nvmrc', '20\n'],
      ['test(export): golden files for the CSV export', 'test/export.test.js', "import '../src/export.js';\n"],
      ['chore(deps): update the test runner', 'test/setup.js', 'export const timeout = 5000;\n'],
    ],
  },
];

/** After v1.2.0: cut into release/1.3.0, plus a stabilising fix on that branch. */
const NEXT_RELEASE = {
  version: '1.3.0',
  branches: [
    [
      'feature/21-webhooks',
      [
        ['feat(api): post task events to registered webhooks', 'src/webhooks.js', 'export const hooks = [];\n'],
        ['test(api): webhook delivery and signature', 'test/webhooks.test.js', "import '../src/webhooks.js';\n"],
      ],
    ],
    [
      'fix/23-duplicate-reminders',
      [
        [
          'fix(notify): send one reminder per task, not one per label',
          'src/notify.js',
          'export const remind = (task) => task.id;\n',
        ],
      ],
    ],
  ],
  onRelease: [
    [
      'fix(api): retry webhook deliveries that time out',
      'src/webhooks.js',
      'export const hooks = [];\nexport const RETRIES = 3;\n',
    ],
  ],
};

/** Unreleased work on dev after the release branch was cut. */
const UNRELEASED = {
  branches: [
    [
      'feature/25-dark-mode',
      [['feat(ui): dark mode that follows the system setting', 'src/theme.js', "export const theme = 'auto';\n"]],
    ],
    [
      'feature/28-shortcuts',
      [
        [
          'feat(ui): keyboard shortcuts for moving tasks between columns',
          'src/shortcuts.js',
          "export const keys = { next: 'l', previous: 'h' };\n",
        ],
      ],
    ],
    [
      'fix/26-empty-search',
      [
        [
          'fix(search): an empty query lists every task instead of none',
          'src/search.js',
          'const index = new Map();\nexport const search = (q = "") => (q ? [] : [...index.values()]);\n',
        ],
      ],
    ],
  ],
  direct: [
    [
      'perf(tasks): load the task list in pages of 50',
      'src/tasks.js',
      'export const tasks = [];\nexport const PAGE = 50;\n',
    ],
    [
      'docs(api): document the webhook payloads',
      'docs/webhooks.md',
      '# Webhooks\n\n`task.created`, `task.updated`, `task.deleted`.\n',
    ],
  ],
};

/** A hotfix merged into main (deployed to staging) that has not reached dev yet. */
const HOTFIX = {
  branch: 'hotfix/1.2.1',
  commit: [
    'fix(export): keep leading zeros in CSV cells',
    'src/export.js',
    'export const toCsv = (rows) => rows.map((r) => `"${r}"`).join("\\n");\n',
  ],
};

/** Started, not merged: a branch someone is working on. */
const WORK_IN_PROGRESS = [
  'feature/27-audit-log',
  [['feat(audit): record who changed a task and when', 'src/audit.js', 'export const log = [];\n']],
];

function initialFiles() {
  const pkg = {
    name: 'taskboard',
    version: '0.1.0',
    private: true,
    description: 'A small task board (shipwright demo repository).',
    type: 'module',
    repository: { type: 'git', url: `git+${DEMO_REPOSITORY_URL}.git` },
    scripts: { test: 'node --test' },
  };
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'README.md': '# taskboard\n\nTasks with due dates.\n',
    '.gitignore': 'node_modules/\n',
    'src/index.js': "export * from './tasks.js';\n",
  };
}

/**
 * Creates `<root>/repo` (the working repository, left on dev) and `<root>/origin.git` (its bare
 * remote) and returns both paths. `root` must exist and be empty.
 */
export async function createDemoRepo(root, options = {}) {
  const bin = options.shipwrightBin ?? SHIPWRIGHT_BIN;
  if (!existsSync(join(dirname(bin), '..', 'dist', 'cli.js')))
    throw new Error('createDemoRepo needs the built CLI: run `npx tsup` first.');
  const repo = join(root, 'repo');
  const origin = join(root, 'origin.git');
  const env = baseEnv();
  let tick = 0;
  let epoch = START;
  const advance = () => {
    epoch += STEPS_HOURS[tick % STEPS_HOURS.length] * 3600;
    tick += 1;
    const date = `@${epoch} +0000`;
    return { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, SOURCE_DATE_EPOCH: String(epoch) };
  };
  const git = (...args) => run('git', args, { cwd: repo, env: advance() });
  const write = async (path, content) => {
    await mkdir(dirname(join(repo, path)), { recursive: true });
    await writeFile(join(repo, path), content);
  };
  const commit = async ([header, path, content]) => {
    await write(path, content);
    run('git', ['add', '--', path], { cwd: repo, env });
    git('commit', '-q', '--no-verify', '-m', header);
  };
  const shipwright = (...args) => run(process.execPath, [bin, ...args], { cwd: repo, env: advance() });
  const merge = (branch, into) => {
    run('git', ['switch', '-q', into], { cwd: repo, env });
    git('merge', '-q', '--no-ff', '--no-verify', '--no-edit', branch);
  };
  const merged = [];
  const topic = async ([branch, commits], base) => {
    run('git', ['switch', '-q', '-c', branch, base], { cwd: repo, env });
    for (const entry of commits) await commit(entry);
  };
  const setVersion = async (version) => {
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
    pkg.version = version;
    await write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  };

  await mkdir(repo, { recursive: true });
  run('git', ['init', '-q', '--bare', '--initial-branch=main', origin], { cwd: root, env });
  run('git', ['init', '-q', '--initial-branch=main', repo], { cwd: root, env });
  for (const [key, value] of [
    ['user.name', DEMO_IDENTITY.name],
    ['user.email', DEMO_IDENTITY.email],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
  ])
    run('git', ['config', key, value], { cwd: repo, env });
  run('git', ['remote', 'add', 'origin', `file://${origin}`], { cwd: repo, env });

  for (const [path, content] of Object.entries(initialFiles())) await write(path, content);
  run('git', ['add', '-A'], { cwd: repo, env });
  git('commit', '-q', '--no-verify', '-m', 'chore: start the taskboard project');
  run('git', ['branch', 'dev'], { cwd: repo, env });

  for (const release of RELEASES) {
    for (const branch of release.branches) {
      await topic(branch, 'dev');
      merge(branch[0], 'dev');
      merged.push(branch[0]);
    }
    for (const entry of release.direct) await commit(entry);
    // release/x.y.z: version bump and changelog, merged into main, tagged, merged back into dev.
    const releaseBranch = `release/${release.version}`;
    run('git', ['switch', '-q', '-c', releaseBranch, 'dev'], { cwd: repo, env });
    await setVersion(release.version);
    shipwright('changelog');
    run('git', ['add', '-A'], { cwd: repo, env });
    git('commit', '-q', '--no-verify', '-m', `chore(release): v${release.version}`);
    merge(releaseBranch, 'main');
    git('tag', '-a', '-m', `v${release.version}`, `v${release.version}`);
    merge('main', 'dev');
    merged.push(releaseBranch);
  }

  await topic([HOTFIX.branch, [HOTFIX.commit]], 'main');
  merge(HOTFIX.branch, 'main');
  merged.push(HOTFIX.branch);

  for (const branch of NEXT_RELEASE.branches) {
    await topic(branch, 'dev');
    merge(branch[0], 'dev');
    merged.push(branch[0]);
  }
  await topic([`release/${NEXT_RELEASE.version}`, NEXT_RELEASE.onRelease], 'dev');

  for (const branch of UNRELEASED.branches) {
    await topic(branch, 'dev');
    merge(branch[0], 'dev');
    merged.push(branch[0]);
  }
  for (const entry of UNRELEASED.direct) await commit(entry);
  await topic(WORK_IN_PROGRESS, 'dev');
  run('git', ['switch', '-q', 'dev'], { cwd: repo, env });
  // Merged pull requests leave no branches behind.
  run('git', ['branch', '-q', '-D', ...merged], { cwd: repo, env });

  // shipwright's own setup, as a team would commit it; the hooks find shipwright and the commit
  // rules through node_modules, linked to this checkout so nothing is downloaded.
  shipwright('init', '--yes', '--no-install');
  await linkShipwright(repo, bin);
  run('git', ['add', '-A'], { cwd: repo, env });
  git('commit', '-q', '--no-verify', '-m', 'chore: set up shipwright hooks, commit rules and lint-staged');

  run('git', ['push', '-q', '--no-verify', '-u', 'origin', '--all'], { cwd: repo, env });
  run('git', ['push', '-q', '--no-verify', 'origin', '--tags'], { cwd: repo, env });
  return { root, repo, origin };
}

/** What `npm install` would put in place for the hooks: the shipwright binary, lint-staged and the commit rules. */
export async function linkShipwright(repo, bin = SHIPWRIGHT_BIN) {
  const project = join(dirname(bin), '..');
  await mkdir(join(repo, 'node_modules', '.bin'), { recursive: true });
  await mkdir(join(repo, 'node_modules', '@commitlint'), { recursive: true });
  await symlink(bin, join(repo, 'node_modules', '.bin', 'shipwright'));
  await symlink(join(project, 'node_modules', 'lint-staged'), join(repo, 'node_modules', 'lint-staged'), 'dir');
  await symlink(
    join(project, 'node_modules', '@commitlint', 'config-conventional'),
    join(repo, 'node_modules', '@commitlint', 'config-conventional'),
    'dir',
  );
}
