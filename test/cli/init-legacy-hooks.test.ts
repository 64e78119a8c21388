// `shipwright init` on real repositories whose hooks came from elsewhere: husky 6 (the shape of
// lint-staged's own repository at 5560d97/39ff296), husky 4 in package.json, and a team's committed
// core.hooksPath folder. Afterwards the hooks run shipwright once, the team's commands still run,
// a second init is a no-op, doctor agrees, and an interrupted init is undone by abort.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBareRemote, SHIPWRIGHT_BIN, type HookedRepo } from '../helpers/hooked-repo.js';
import {
  COUNT_TASK,
  expectSecondInitNoop,
  readDoctor,
  readRepoText,
  recordRun,
  useHookedRepos,
} from '../helpers/init-repo.js';

const hookedRepo = useHookedRepos({ init: false });

/** A bad message refused by shipwright, a good one lands; each lint-staged task ran once per attempt. */
async function commitThroughHooks(repo: HookedRepo): Promise<void> {
  await repo.write('notes.txt', 'one\n');
  const refused = await repo.commit('added notes');
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('shipwright: ');
  expect(refused.stderr).toMatch(/type-empty|subject-empty/);
  const made = await repo.commit('feat: add notes');
  expect(made.code, made.stderr).toBe(0);
  expect(made.stderr).not.toContain('DEPRECATED');
  expect(await repo.read('log', '-1', '--format=%s')).toBe('feat: add notes');
  expect(await readRepoText(repo, '.git/lint-ran')).toBe('1\n1\n');
}

describe('init on a husky 6 repository', () => {
  it('moves it to husky 9: shipwright runs lint-staged and commitlint once, the team’s commands stay', async () => {
    const packageJson = `${JSON.stringify(
      {
        name: 'lint-staged-shape',
        version: '1.0.0',
        scripts: { prepare: 'husky install', test: recordRun('tests-ran') },
        devDependencies: { husky: '^6.0.0', '@commitlint/cli': '17.7.1' },
      },
      null,
      2,
    )}\n`;
    const repo = await hookedRepo({
      packageJson,
      files: {
        '.husky/.gitignore': '_\n',
        '.husky/pre-commit': `#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\nnpx lint-staged\n${recordRun('own-ran')}\n`,
        '.husky/commit-msg':
          '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx --no -- commitlint --edit ${1}\n',
        '.husky/pre-push': '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\nnpm test\n',
        // husky 6's runner, as `husky install` left it.
        '.husky/_/husky.sh':
          '#!/bin/sh\nif [ -z "$husky_skip_init" ]; then\n  readonly husky_skip_init=1\n  export husky_skip_init\n  sh -e "$0" "$@"\n  exitCode="$?"\n  exit $exitCode\nfi\n',
        '.lintstagedrc.json': `${JSON.stringify({ '*.txt': 'node count.mjs' }, null, 2)}\n`,
        'count.mjs': COUNT_TASK,
        '.commitlintrc.json': '{ "extends": ["@commitlint/config-conventional"] }\n',
      },
    });
    for (const hook of ['pre-commit', 'commit-msg', 'pre-push']) await chmod(join(repo.dir, '.husky', hook), 0o755);
    await repo.read('config', 'core.hooksPath', '.husky');

    const dry = await repo.shipwright(['init', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('~ devDependencies.husky: ^6.0.0 → ^9');
    expect(dry.stdout).toContain('~ scripts.prepare: husky install → husky');
    expect(dry.stdout).toContain('- . "$(dirname "$0")/_/husky.sh"   (removed: husky 4–8 boilerplate');
    expect(dry.stdout).toContain('- npx lint-staged   (replaced: by `shipwright hook pre-commit`');
    expect(dry.stdout).toContain('= npm test   (kept: your command; it still runs)');
    expect(dry.stdout).toContain('run husky: point core.hooksPath at .husky/_ (was .husky)');
    expect(await repo.read('config', 'core.hooksPath')).toBe('.husky');

    const result = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(result.code, result.stderr).toBe(0);
    const pkg = JSON.parse(await readRepoText(repo, 'package.json')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.prepare).toBe('husky');
    expect(pkg.devDependencies.husky).toMatch(/^\^9\./);
    expect(pkg.devDependencies['@commitlint/cli']).toBe('17.7.1');
    expect(await readRepoText(repo, '.husky/pre-commit')).not.toContain('husky.sh');
    expect(await repo.read('config', 'core.hooksPath')).toBe('.husky/_');

    await commitThroughHooks(repo);
    expect(await readRepoText(repo, '.git/own-ran')).toBe('x\nx\n');
    const remote = await createBareRemote();
    try {
      await repo.read('remote', 'add', 'origin', remote.url);
      const pushed = await repo.git(['push', '-q', 'origin', 'main']);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(await readRepoText(repo, '.git/tests-ran')).toBe('x\n');
    } finally {
      await remote.remove();
    }
    await expectSecondInitNoop(repo);
    const after = await readDoctor(repo);
    expect(after.checks.filter((check) => check.id.startsWith('hook-runs:')).map((check) => check.status)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
  });
});

describe('init on a husky 4 repository', () => {
  it('moves package.json "husky" hooks into .husky/ and drops the key', async () => {
    const repo = await hookedRepo({
      packageJson: `${JSON.stringify(
        {
          name: 'husky4',
          version: '1.0.0',
          scripts: { check: recordRun('own-ran') },
          husky: {
            hooks: { 'pre-commit': 'lint-staged && npm run check', 'commit-msg': 'commitlint -E HUSKY_GIT_PARAMS' },
          },
          devDependencies: { husky: '^4.3.8' },
        },
        null,
        2,
      )}\n`,
      files: { '.lintstagedrc.json': '{ "*.txt": "node count.mjs" }\n', 'count.mjs': COUNT_TASK },
    });
    const result = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('moved from package.json "husky" (husky 4\'s `lint-staged && npm run check`)');
    const pkg = JSON.parse(await readRepoText(repo, 'package.json')) as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('husky');
    expect(await readRepoText(repo, '.husky/pre-commit')).toMatch(/hook pre-commit .*\nnpm run check\n$/);
    await commitThroughHooks(repo);
    expect(await readRepoText(repo, '.git/own-ran')).toBe('x\nx\n');
    await expectSecondInitNoop(repo);
  });
});

describe('init with a team core.hooksPath', () => {
  const TEAM: Record<string, string> = {
    // The team refuses WIP commits itself; its exit status must stop the commit.
    '.githooks/commit-msg': `#!/bin/sh\n${recordRun('team-msg-ran')}\nif grep -q WIP "$1"; then echo "team: no WIP commits" >&2; exit 3; fi\n`,
    '.githooks/pre-commit': `#!/bin/sh\n${recordRun('team-pre-commit-ran')}\n`,
    '.githooks/pre-push': '#!/bin/sh\ncat > .git/team-push-stdin\necho "$1 $2" > .git/team-push-args\n',
    '.githooks/post-merge': `#!/bin/sh\n${recordRun('team-post-merge-ran')}\n`,
  };

  async function teamRepo(): Promise<HookedRepo> {
    const repo = await hookedRepo({
      files: { ...TEAM, '.lintstagedrc.json': '{ "*.txt": "node count.mjs" }\n', 'count.mjs': COUNT_TASK },
    });
    for (const path of Object.keys(TEAM)) await chmod(join(repo.dir, path), 0o755);
    await repo.read('config', 'core.hooksPath', '.githooks');
    await repo.read('add', '.githooks');
    return repo;
  }

  it("chains them: the team's hook runs first with git's arguments and stdin, its exit status counts", async () => {
    const repo = await teamRepo();
    const dry = await repo.shipwright(['init', '--dry-run']);
    expect(dry.stdout).toContain(
      '+ ./.githooks/pre-commit "$@"   (added: runs your .githooks/pre-commit first (it ran from core.hooksPath .githooks)',
    );
    expect(dry.stdout).toContain('(was .githooks; the hooks of .githooks run first from .husky/commit-msg');
    const result = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.read('config', 'core.hooksPath')).toBe('.husky/_');

    await commitThroughHooks(repo);
    await repo.write('more.txt', 'two\n');
    const wip = await repo.commit('feat: WIP more');
    expect(wip.code).not.toBe(0);
    expect(wip.stderr).toContain('team: no WIP commits');
    expect(await repo.read('log', '-1', '--format=%s')).toBe('feat: add notes');
    expect(await readRepoText(repo, '.git/team-pre-commit-ran')).toBe('x\nx\nx\n');
    expect(await readRepoText(repo, '.git/team-msg-ran')).toBe('x\nx\nx\n');

    const remote = await createBareRemote();
    try {
      await repo.read('remote', 'add', 'origin', remote.url);
      const pushed = await repo.git(['push', '-q', 'origin', 'main']);
      expect(pushed.code, pushed.stderr).toBe(0);
      const head = await repo.read('rev-parse', 'HEAD');
      expect(await readRepoText(repo, '.git/team-push-stdin')).toMatch(
        new RegExp(`^refs/heads/main ${head} refs/heads/main `),
      );
      expect(await readRepoText(repo, '.git/team-push-args')).toBe(`origin ${remote.url}\n`);
      // shipwright's pre-push read the same ref lines: deleting a release tag on the remote is refused.
      await repo.read('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
      expect((await repo.git(['push', '-q', 'origin', 'v1.0.0'])).code).toBe(0);
      const deleted = await repo.git(['push', 'origin', ':refs/tags/v1.0.0']);
      expect(deleted.code, deleted.stderr).not.toBe(0);
      expect(deleted.stderr).toContain('v1.0.0');
    } finally {
      await remote.remove();
    }

    await expectSecondInitNoop(repo);
    const after = await readDoctor(repo);
    const chains = after.checks.filter((check) => check.id.startsWith('hook-chain:'));
    expect(chains.map((check) => `${check.status} ${check.summary}`)).toEqual([
      'ok .husky/commit-msg runs your .githooks/commit-msg first (chained by shipwright init)',
      'ok .husky/post-merge runs your .githooks/post-merge first (chained by shipwright init)',
      'ok .husky/pre-commit runs your .githooks/pre-commit first (chained by shipwright init)',
      'ok .husky/pre-push runs your .githooks/pre-push first (chained by shipwright init)',
    ]);
    await chmod(join(repo.dir, '.githooks', 'pre-commit'), 0o644);
    const broken = (await readDoctor(repo)).checks.find((check) => check.id === 'hook-chain:.husky/pre-commit');
    expect(broken?.status).toBe('fail');
    expect(broken?.fix).toBe('chmod +x .githooks/pre-commit && git update-index --chmod=+x .githooks/pre-commit');
  });

  it('refuses uncommitted team hooks with the choices and writes nothing', async () => {
    const repo = await teamRepo();
    await repo.read('rm', '-r', '-q', '--cached', '.githooks');
    const before = await repo.snapshot();
    const result = await repo.shipwright(['init', '--yes', '--no-install']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('git runs hooks from .githooks (not committed) today');
    expect(result.stderr).toContain('1. commit them (git add .githooks/commit-msg');
    expect(await repo.snapshot()).toEqual(before);
    expect(await repo.read('config', 'core.hooksPath')).toBe('.githooks');
  });

  it('init killed after its husky step: abort puts core.hooksPath back at .githooks and every file back', async () => {
    const repo = await teamRepo();
    await repo.commitNoVerify('chore: team hooks');
    const before = await repo.snapshot();
    const planned = await repo.shipwright(['init', '--dry-run', '--no-install']);
    const husky = /^ {2}(\d+)\. run husky/m.exec(planned.stdout);
    expect(husky, planned.stdout).not.toBeNull();
    const killed = await execa(process.execPath, [SHIPWRIGHT_BIN, 'init', '--yes', '--no-install'], {
      cwd: repo.dir,
      env: { ...repo.env, SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: `${Number(husky?.[1]) - 1}:SIGKILL` },
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(await repo.read('config', 'core.hooksPath')).toBe('.husky/_');
    const aborted = await repo.shipwright(['abort']);
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(await repo.read('config', 'core.hooksPath')).toBe('.githooks');
    expect(await repo.snapshot()).toEqual(before);
  });
});

describe('a new git worktree', () => {
  it('says on stderr that its hooks do not run yet, with the fix, instead of passing silently', async () => {
    const repo = await hookedRepo({ init: true });
    await repo.commitNoVerify('chore: set up shipwright');
    const other = `${repo.dir}-worktree`;
    try {
      const added = await repo.git(['worktree', 'add', '-q', other]);
      expect(added.code, added.stderr).toBe(0);
      const lines = added.stderr.split('\n').filter((line) => line.startsWith('shipwright:'));
      expect(lines).toEqual([
        `shipwright: this worktree has no .husky/_ or node_modules/.bin/shipwright, so git runs no hooks here and commits go unchecked; fix: cd "${other}" && npm install   (its prepare script installs the hooks)`,
      ]);
      expect(existsSync(join(other, '.husky', '_'))).toBe(false);
      // The main worktree has both: switching branches there says nothing.
      const switched = await repo.git(['switch', '-q', '-c', 'feature/x']);
      expect(switched.stderr).not.toContain('shipwright:');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
