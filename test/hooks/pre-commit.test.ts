// The installed pre-commit hook with real lint-staged tasks: partially staged files, failing and
// rewriting tasks, Ctrl-C in the middle of a task, and a second hook run while one holds the lock.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHookedRepo, waitFor, type HookedRepo } from '../helpers/hooked-repo.js';

const repos: HookedRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

/** Fails for any file containing BAD, like a linter finding an error. */
const CHECK =
  "import { readFileSync } from 'node:fs';\nfor (const f of process.argv.slice(2)) if (readFileSync(f, 'utf8').includes('BAD')) { console.error(`check: BAD in ${f}`); process.exit(1); }\n";
/** Rewrites files in place, like a formatter. */
const FORMAT =
  "import { readFileSync, writeFileSync } from 'node:fs';\nfor (const f of process.argv.slice(2)) writeFileSync(f, readFileSync(f, 'utf8').replaceAll('colour', 'color'));\n";
/** Says it started (MARKER), then takes far longer than any test waits. */
const SLOW =
  "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.env.MARKER, String(process.pid));\nsetTimeout(() => {}, 120_000);\n";

const BASE = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`);

/** A repo whose lint-staged config runs `node SCRIPT` on *.txt, with a.txt committed. */
async function repoWithTask(script: string): Promise<HookedRepo> {
  const repo = await createHookedRepo();
  repos.push(repo);
  await repo.write('task.mjs', script);
  await repo.write('.lintstagedrc.json', `${JSON.stringify({ '*.txt': 'node task.mjs' }, null, 2)}\n`);
  await repo.write('a.txt', BASE.join(''));
  await repo.commitNoVerify('chore: start');
  return repo;
}

/** a.txt with its first line changed and staged, and its last line changed but not staged. */
async function stagePartially(repo: HookedRepo, staged: string, unstaged: string): Promise<Buffer> {
  const lines = [...BASE];
  lines[0] = `${staged}\n`;
  await repo.write('a.txt', lines.join(''));
  await repo.read('add', 'a.txt');
  lines[19] = `${unstaged}\n`;
  await repo.write('a.txt', lines.join(''));
  return readFile(join(repo.dir, 'a.txt'));
}

const lockPath = (repo: HookedRepo) => join(repo.dir, '.git', 'shipwright', 'hook.lock');

/** `git commit` in its own process group with a slow task; resolves once the task is running. */
async function startSlowCommit(repo: HookedRepo) {
  const marker = join(repo.home, `started-${Date.now()}`);
  const child = execa('git', ['commit', '-m', 'feat: slow'], {
    cwd: repo.dir,
    env: { ...repo.env, MARKER: marker },
    extendEnv: false,
    reject: false,
    detached: true,
    stdin: 'ignore',
    all: true,
  });
  await waitFor(() => existsSync(marker), 'the lint-staged task to start');
  return { child }; // not the child itself: awaiting a returned ResultPromise would wait for git to exit
}

describe('pre-commit hook with lint-staged', () => {
  it('a failing task on a partially staged file refuses the commit and leaves tree, index and stashes byte-identical', async () => {
    const repo = await repoWithTask(CHECK);
    const bytes = await stagePartially(repo, 'BAD staged line', 'unstaged edit');
    const before = await repo.snapshot();
    expect(before.status).toBe('MM a.txt\n');

    const result = await repo.git(['commit', '-m', 'feat: partial']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('check: BAD in');
    expect(result.stderr).toContain('shipwright: a lint-staged task failed');
    expect(result.stderr).toContain('Your files and index are as they were before the commit.');
    // pre-commit runs before git takes the message: there is none of this commit to point at.
    expect(result.stderr).toContain('run the same git commit command again');
    expect(result.stderr).not.toContain('COMMIT_EDITMSG');
    expect(result.stderr).not.toContain('kept by git');

    const after = await repo.snapshot();
    expect(after).toEqual(before);
    expect(await readFile(join(repo.dir, 'a.txt'))).toEqual(bytes);
    expect(after.head).toBe(before.head);
    expect(existsSync(lockPath(repo))).toBe(false);
  });

  it('the task sees only the staged content: BAD in the unstaged hunk does not block, and survives the commit', async () => {
    const repo = await repoWithTask(CHECK);
    await stagePartially(repo, 'staged edit', 'BAD but not staged');
    const result = await repo.git(['commit', '-m', 'feat: partial']);
    expect(result.code, result.stderr).toBe(0);
    const committed = [...BASE];
    committed[0] = 'staged edit\n';
    expect(await repo.read('show', 'HEAD:a.txt')).toBe(committed.join('').trimEnd());
    expect((await readFile(join(repo.dir, 'a.txt'), 'utf8')).split('\n')[19]).toBe('BAD but not staged');
    expect((await repo.git(['status', '--porcelain'])).stdout).toBe(' M a.txt\n');
    expect((await repo.git(['diff', '--cached'])).stdout).toBe('');
    expect((await repo.git(['stash', 'list'])).stdout).toBe('');
  });

  it('a task that rewrites files: its fix is committed and the unstaged hunk survives untouched', async () => {
    const repo = await repoWithTask(FORMAT);
    await stagePartially(repo, 'colour staged', 'unstaged colour edit');
    const result = await repo.git(['commit', '-m', 'style: spelling']);
    expect(result.code, result.stderr).toBe(0);

    const committed = await repo.read('show', 'HEAD:a.txt');
    expect(committed.split('\n')[0]).toBe('color staged');
    expect(committed.split('\n')[19]).toBe('line 20');
    const worktree = (await readFile(join(repo.dir, 'a.txt'), 'utf8')).split('\n');
    expect(worktree[0]).toBe('color staged');
    expect(worktree[19]).toBe('unstaged colour edit');
    expect((await repo.git(['diff', '--cached'])).stdout).toBe('');
    const diff = (await repo.git(['diff', '--unified=0'])).stdout;
    expect(diff).toContain('-line 20\n+unstaged colour edit\n');
    expect(diff.match(/^@@/gm)).toHaveLength(1);
    expect((await repo.git(['stash', 'list'])).stdout).toBe('');
  });

  it('Ctrl-C during a task: tree and index are restored (or the backup stash is named with the command to restore it)', async () => {
    const repo = await repoWithTask(SLOW);
    const bytes = await stagePartially(repo, 'staged edit', 'unstaged edit');
    const before = await repo.snapshot();

    const { child } = await startSlowCommit(repo);
    // The terminal sends SIGINT to the whole foreground process group: git, sh, node, the task.
    process.kill(-(child.pid as number), 'SIGINT');
    const result = await child;
    await waitFor(() => !existsSync(lockPath(repo)), 'the hook to finish restoring');

    expect(result.exitCode === 0).toBe(false);
    const after = await repo.snapshot();
    const output = String(result.all ?? '');
    if (JSON.stringify(after) === JSON.stringify(before)) {
      expect(await readFile(join(repo.dir, 'a.txt'))).toEqual(bytes);
    } else {
      expect(output).toMatch(/stash@\{\d+\}|stash [0-9a-f]{7,}/);
      expect(output).toMatch(/git stash apply/);
    }
    expect(after.head).toBe(before.head);
    expect(existsSync(join(repo.dir, '.git', 'index.lock'))).toBe(false);
    // The repository is usable straight away.
    await repo.write('task.mjs', 'process.exit(0);\n');
    const next = await repo.commit('feat: after the interrupt');
    expect(next.code, next.stderr).toBe(0);
  });
});

describe('after kill -9 in the middle of pre-commit', () => {
  it('the next hook run and doctor name the backup lint-staged left in the stash, with git stash list / pop', async () => {
    const repo = await repoWithTask(SLOW);
    await stagePartially(repo, 'staged edit', 'unstaged edit');
    const { child } = await startSlowCommit(repo);
    // No handler runs on SIGKILL: lint-staged cannot drop its backup, the stash entry stays.
    process.kill(-(child.pid as number), 'SIGKILL');
    await child;
    expect((await repo.git(['stash', 'list'])).stdout).toContain('lint-staged automatic backup');

    await repo.write('task.mjs', 'process.exit(0);\n');
    const next = await repo.commit('feat: after the crash');
    expect(next.stderr).toMatch(
      /shipwright: a lint-staged backup from an interrupted commit is still in the stash \(stash@\{0\}\)/,
    );
    expect(next.stderr).toContain('git stash list');
    expect(next.stderr).toContain('git stash pop stash@{0}');

    const doctor = JSON.parse((await repo.shipwright(['doctor', '--json'])).stdout) as {
      checks: { id: string; status: string; fix?: string }[];
    };
    const backup = doctor.checks.find((check) => check.id === 'lint-staged-backup');
    expect(backup?.status).toBe('fail');
    expect(backup?.fix).toContain('git stash pop stash@{0}');

    await repo.read('stash', 'drop', 'stash@{0}');
    const clean = JSON.parse((await repo.shipwright(['doctor', '--json'])).stdout) as {
      checks: { id: string; status: string }[];
    };
    expect(clean.checks.find((check) => check.id === 'lint-staged-backup')?.status).toBe('ok');
  });
});

describe('one hook run at a time', () => {
  it('a second pre-commit waits for the first, then (past SHIPWRIGHT_HOOK_WAIT) refuses with exit 1 and touches nothing, in any worktree', async () => {
    const repo = await repoWithTask(SLOW);
    // The lock is per repository: lint-staged's backup stash is in refs/stash, which worktrees share.
    const linked = join(repo.home, 'linked');
    await repo.read('worktree', 'add', '-q', '-b', 'feature/side', linked);
    await stagePartially(repo, 'staged edit', 'unstaged edit');
    const { child: first } = await startSlowCommit(repo);
    try {
      const lock = await readFile(lockPath(repo), 'utf8');
      expect(lock).toMatch(/^\d+ pre-commit\n$/);
      const during = await repo.snapshot();

      for (const cwd of [repo.dir, linked]) {
        const env = { ...repo.env, SHIPWRIGHT_HOOK_WAIT: '1' };
        const second = await execa(join(repo.dir, 'node_modules', '.bin', 'shipwright'), ['hook', 'pre-commit'], {
          cwd,
          env,
          extendEnv: false,
          reject: false,
          stdin: 'ignore',
        });
        expect(second.exitCode, `${cwd}: ${second.stderr}`).toBe(1);
        const pid = lock.split(' ')[0];
        expect(second.stderr).toContain(
          `shipwright: waiting for the pre-commit hook of another commit in this repository (process ${pid}) to finish…`,
        );
        expect(second.stderr).toContain(
          `Another shipwright pre-commit hook (process ${pid}) is still running in this repository after 1 s, so this one stopped before touching anything.`,
        );
        expect(second.stderr).toContain(
          'fix: let that commit finish and run the command again (wait longer with SHIPWRIGHT_HOOK_WAIT=SECONDS',
        );
      }
      expect(await repo.snapshot()).toEqual(during);
      expect(await readFile(lockPath(repo), 'utf8')).toBe(lock);
    } finally {
      process.kill(-(first.pid as number), 'SIGINT');
      await first;
    }
    await waitFor(() => !existsSync(lockPath(repo)), 'the first hook to release the lock');
  });

  it('a second commit started while the first hook runs waits and then lands', async () => {
    const repo = await repoWithTask(CHECK);
    // A live process holds the lock as a running hook would, and lets go after a moment.
    const holder = execa(process.execPath, ['-e', 'setTimeout(() => {}, 1500)']);
    await repo.write('.git/shipwright/hook.lock', `${holder.pid} pre-commit\n`);
    await repo.write('b.txt', 'waits\n');
    await repo.read('add', 'b.txt');
    const commit = execa('git', ['commit', '-m', 'feat: waits its turn'], {
      cwd: repo.dir,
      env: repo.env,
      extendEnv: false,
      reject: false,
      all: true,
    });
    await holder;
    const result = await commit;
    expect(result.exitCode, String(result.all)).toBe(0);
    expect(String(result.all)).toContain(
      `waiting for the pre-commit hook of another commit in this repository (process ${holder.pid}) to finish…`,
    );
    expect(existsSync(lockPath(repo))).toBe(false);
  });

  it('a lock left by a hook that died is taken over', async () => {
    const repo = await repoWithTask(CHECK);
    const exited = execa(process.execPath, ['-e', '']);
    const deadPid = exited.pid as number;
    await exited;
    await repo.write('.git/shipwright/hook.lock', `${deadPid} pre-commit\n`);
    await repo.write('a.txt', 'fine\n');
    const result = await repo.commit('feat: after a crash');
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(lockPath(repo))).toBe(false);
  });
});

describe('staged-content checks', () => {
  it('refuses a staged conflict marker (on by default after init) and leaves the index alone', async () => {
    const repo = await repoWithTask(CHECK);
    await repo.write('b.md', 'ok\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> dev\n');
    await repo.read('add', 'b.md');
    const before = await repo.snapshot();
    const result = await repo.git(['commit', '-m', 'docs: notes']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('b.md:2  merge conflict marker: <<<<<<< HEAD');
    expect(await repo.snapshot()).toEqual(before);
  });
});
