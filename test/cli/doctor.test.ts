// `shipwright doctor` (the built CLI, with an isolated HOME) on set-ups that really work and on the
// ways they silently stop working; each failure is shown to matter with a real commit.
import { execa } from 'execa';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHookedRepo, PROJECT_ROOT, SHIPWRIGHT_BIN, type HookedRepo } from '../helpers/hooked-repo.js';

interface Check {
  id: string;
  status: 'ok' | 'fail' | 'warn';
  summary: string;
  fix?: string;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

async function healthyRepo(): Promise<HookedRepo> {
  const repo = await createHookedRepo();
  cleanup.push(() => repo.remove());
  const made = await repo.commit('chore: initial commit');
  expect(made.code, made.stderr).toBe(0);
  return repo;
}

/** The built CLI in a subprocess: git inside it sees only the repo's isolated HOME. */
async function doctor(repo: HookedRepo, args: string[] = [], cwd = repo.dir) {
  const result = await execa(process.execPath, [SHIPWRIGHT_BIN, 'doctor', ...args], {
    cwd,
    env: repo.env,
    extendEnv: false,
    reject: false,
  });
  return { code: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

async function doctorJson(
  repo: HookedRepo,
  cwd = repo.dir,
): Promise<{ code: number | undefined; ok: boolean; checks: Check[] }> {
  const result = await doctor(repo, ['--json'], cwd);
  const parsed = JSON.parse(result.stdout) as { ok: boolean; checks: Check[] };
  return { code: result.code, ...parsed };
}

const failed = (checks: Check[]) => checks.filter((check) => check.status === 'fail');
const runHusky = (repo: HookedRepo) =>
  execa(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'husky', 'bin.js')], {
    cwd: repo.dir,
    env: repo.env,
    extendEnv: false,
  });

describe('shipwright doctor', () => {
  it('a healthy repository: exit 0, every line ✓', async () => {
    const repo = await healthyRepo();
    const result = await doctor(repo);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => /^[✓✗⚠] /.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) expect(line).toMatch(/^✓ /);
    expect(result.stdout).toContain('✓ core.hooksPath points at .husky/_');
    expect(result.stdout).toContain('✓ .husky/commit-msg is executable with LF endings');
    expect(result.stdout).toContain('✓ full history available');
    expect(result.stdout).toMatch(/✓ pre-commit runs the project's lint-staged 16\.\d+\.\d+ \(package\.json: \^16/);
    expect(result.stdout.trimEnd().endsWith('All good.')).toBe(true);
  });

  it('--json: {ok, checks[{id, status, summary, fix?}]} and the exit code agrees', async () => {
    const repo = await healthyRepo();
    const { code, ok, checks } = await doctorJson(repo);
    expect(code).toBe(0);
    expect(ok).toBe(true);
    expect(checks.map((check) => check.id)).toEqual(
      expect.arrayContaining([
        'git',
        'node',
        'hooks-path',
        'hook-file:.husky/pre-commit',
        'hook-file:.husky/commit-msg',
        'hook-file:.husky/pre-push',
        'shipwright-config',
        'commitlint-config',
        'tag-format',
        'shallow',
      ]),
    );
    for (const check of checks) {
      expect(Object.keys(check).sort()).toEqual(['id', 'status', 'summary']);
      expect(check.status).toBe('ok');
      expect(typeof check.summary).toBe('string');
    }

    await rm(join(repo.dir, '.husky', '_'), { recursive: true });
    const broken = await doctorJson(repo);
    expect(broken.code).toBe(1);
    expect(broken.ok).toBe(false);
    for (const check of failed(broken.checks)) expect(typeof check.fix).toBe('string');
  });

  it.each([
    ['pnpm-lock.yaml', 'pnpm install'],
    ['yarn.lock', 'yarn install'],
    ['bun.lock', 'bun install'],
  ])('with %s, the fix names %s, not npm', async (lockfile, install) => {
    const repo = await healthyRepo();
    await repo.write(lockfile, '\n');
    await rm(join(repo.dir, '.husky', '_'), { recursive: true });
    const result = await doctor(repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `✗ .husky/_ is missing, so git finds no hooks and commits go unchecked\n    fix: ${install}   (or: npx husky)`,
    );
    expect(result.stdout).not.toMatch(/\bnpm (install|ci)\b/);
  });

  it('after `rm -rf .husky/_` (a fresh clone, git clean -fdx): ✗ with the fix, and commits really go unchecked', async () => {
    const repo = await healthyRepo();
    await rm(join(repo.dir, '.husky', '_'), { recursive: true });
    const result = await doctor(repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '✗ .husky/_ is missing, so git finds no hooks and commits go unchecked\n    fix: npm install   (or: npx husky)',
    );
    expect(result.stdout).toContain('1 problem');
    const unchecked = await repo.commit('not a conventional message', ['--allow-empty']);
    expect(unchecked.code).toBe(0);

    await runHusky(repo);
    expect((await doctor(repo)).code).toBe(0);
    const checked = await repo.commit('also not conventional', ['--allow-empty']);
    expect(checked.code).not.toBe(0);
  });

  it('a hook file with CRLF line endings: ✗ naming the file and the conversion', async () => {
    const repo = await healthyRepo();
    const path = join(repo.dir, '.husky', 'pre-commit');
    await writeFile(path, (await readFile(path, 'utf8')).replace(/\n/g, '\r\n'));
    const result = await doctor(repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ .husky/pre-commit has CRLF line endings; sh cannot run it');
    expect(result.stdout).toContain('.husky/* text eol=lf');
  });

  it('a non-executable hook: ⚠ for .husky/NAME (husky runs it with sh), ✗ for the .husky/_ stub git would silently skip', async () => {
    const repo = await healthyRepo();
    await chmod(join(repo.dir, '.husky', 'commit-msg'), 0o644);
    const own = await doctor(repo);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain(
      '⚠ .husky/commit-msg is not executable (husky runs it anyway; other tools may not)\n    fix: chmod +x .husky/commit-msg && git update-index --chmod=+x .husky/commit-msg',
    );
    await chmod(join(repo.dir, '.husky', 'commit-msg'), 0o755);

    await chmod(join(repo.dir, '.husky', '_', 'commit-msg'), 0o644);
    const stub = await doctor(repo);
    expect(stub.code).toBe(1);
    expect(stub.stdout).toContain(
      '✗ .husky/_/commit-msg is missing or not executable, so git skips the commit-msg hook\n    fix: rm -rf .husky/_ && npx husky',
    );
    // What doctor warns about: git only hints, and the bad message goes in.
    const skipped = await repo.commit('unchecked message', ['--allow-empty']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain(
      "hint: The '.husky/_/commit-msg' hook was ignored because it's not set as executable.",
    );
    // The fix as printed: husky alone keeps an existing stub's mode.
    await rm(join(repo.dir, '.husky', '_'), { recursive: true });
    await runHusky(repo);
    expect((await doctor(repo)).code).toBe(0);
  });

  it('a global core.hooksPath and no local one: ✗ with both fixes, and the repo hooks really do not run', async () => {
    const repo = await healthyRepo();
    // The one place a "global" config is wanted: the repo's isolated HOME gets a .gitconfig.
    const globalHooks = join(repo.home, 'global-hooks');
    await writeFile(join(repo.home, '.gitconfig'), `[core]\n\thooksPath = ${globalHooks}\n`);
    await repo.read('config', '--unset', 'core.hooksPath');

    const result = await doctor(repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ a global core.hooksPath (${globalHooks}) hides this repository's hooks`);
    expect(result.stdout).toContain(
      'fix: git config core.hooksPath .husky/_   (or remove the global one: git config --global --unset core.hooksPath)',
    );
    const unchecked = await repo.commit('hidden hooks let this in', ['--allow-empty']);
    expect(unchecked.code).toBe(0);

    await repo.read('config', 'core.hooksPath', '.husky/_');
    expect((await doctor(repo)).code).toBe(0);
    expect((await repo.commit('and now it is refused', ['--allow-empty'])).code).not.toBe(0);
  });

  it('a shallow clone: ✗ shallow with `git fetch --unshallow --tags`', async () => {
    const repo = await healthyRepo();
    await repo.commitNoVerify('feat: two');
    await repo.commitNoVerify('feat: three');
    const clone = join(repo.home, 'clone');
    const cloned = await repo.git(['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    expect(cloned.code, cloned.stderr).toBe(0);

    const { code, checks } = await doctorJson(repo, clone);
    expect(code).toBe(1);
    expect(checks.find((check) => check.id === 'shallow')).toEqual({
      id: 'shallow',
      status: 'fail',
      summary: 'this is a shallow clone: versions and changelogs would be wrong',
      fix: 'git fetch --unshallow --tags',
    });
    const full = await doctorJson(repo);
    expect(full.checks.find((check) => check.id === 'shallow')?.status).toBe('ok');
  });
});
