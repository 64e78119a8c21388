// Maintenance lines that exist only on the remote, as in a fresh clone of a project with `15.x`
// (or vite's `v6`): the matrix reads them, `backport --to 15.x` / `--to origin/15.x` creates the
// local branch from origin's with the picks on top, and `--list --since TAG` bounds the rows.
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo } from '../helpers/temp-repo.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

interface Clone {
  dir: string;
  git(...args: string[]): Promise<string>;
  /** On main after 15.x was cut, before v16.0.0. */
  oldFix: string;
  /** On main after v16.0.0. */
  newFix: string;
}

/** Upstream: v15.0.0, the 15.x line cut there, a fix, v16.0.0, another fix; then a plain `git clone`. */
async function cloneWithRemoteLine(): Promise<Clone> {
  const remote = await createTempRepo({ bare: true, prefix: 'shipwright-remote-' });
  const upstream = await createTempRepo();
  cleanup.push(
    () => remote.remove(),
    () => upstream.remove(),
  );
  await upstream.commit('feat: first');
  await upstream.tag('v15.0.0', { message: 'v15.0.0' });
  await upstream.git('branch', '15.x');
  const oldFix = await upstream.commit('fix(router): keep the hash', { path: 'router.txt' });
  await upstream.commit('feat: big change', { path: 'big.txt' });
  await upstream.tag('v16.0.0', { message: 'v16.0.0' });
  const newFix = await upstream.commit('fix(css): keep the order', { path: 'css.txt' });
  await upstream.git('remote', 'add', 'origin', `file://${remote.dir}`);
  await upstream.git('push', '-q', '--tags', 'origin', 'main', '15.x');

  const parent = await mkdtemp(join(tmpdir(), 'shipwright-clone-'));
  cleanup.push(() => rm(parent, { recursive: true, force: true }));
  const dir = join(parent, 'project');
  await execa('git', ['clone', '-q', `file://${remote.dir}`, dir]);
  const git = async (...args: string[]) => (await execa('git', args, { cwd: dir })).stdout;
  await git('config', 'user.name', 'Ada Lovelace');
  await git('config', 'user.email', 'ada@example.com');
  await git('config', 'commit.gpgsign', 'false');
  return { dir, git, oldFix, newFix };
}

interface Matrix {
  targets: string[];
  remoteOnly: string[];
  since: string | null;
  rows: { sha: string; present: Record<string, boolean> }[];
}

describe('maintenance lines only origin has', () => {
  it('are in the matrix, read from origin/15.x, and say how the local branch comes', async () => {
    const clone = await cloneWithRemoteLine();
    expect(await clone.git('branch', '--list', '15.x')).toBe('');
    const json = await runShipwright(['backport', '--list', '--json'], { cwd: clone.dir });
    expect(json.stderr).toBe('');
    const matrix = JSON.parse(json.stdout) as Matrix;
    expect(matrix).toMatchObject({ targets: ['15.x'], remoteOnly: ['15.x'], since: null });
    expect(matrix.rows.map((row) => row.sha)).toEqual([clone.oldFix, clone.newFix]);

    const text = await runShipwright(['backport', '--list'], { cwd: clone.dir });
    expect(text.stdout).toContain(
      '2 fixes missing on 15.x (only origin/15.x exists: the backport creates 15.x from it)',
    );
    expect(text.stdout).toContain(`Next, oldest first: shipwright backport ${clone.oldFix.slice(0, 7)} --to 15.x`);

    const status = await runShipwright(['status'], { cwd: clone.dir });
    expect(status.stdout).toContain('15.x: 2 fixes');
  });

  it('--since TAG lists only what the source made after the tag', async () => {
    const clone = await cloneWithRemoteLine();
    const matrix = JSON.parse(
      (
        await runShipwright(['backport', '--list', '--json', '--to', 'origin/15.x', '--since', 'v16.0.0'], {
          cwd: clone.dir,
        })
      ).stdout,
    ) as Matrix;
    expect(matrix).toMatchObject({ targets: ['15.x'], since: 'v16.0.0' });
    expect(matrix.rows.map((row) => row.sha)).toEqual([clone.newFix]);
    const text = await runShipwright(['backport', '--list', '--since', 'v16.0.0'], { cwd: clone.dir });
    expect(text.stdout).toContain('Fixes on main since v16.0.0 that some branch lacks');

    const unknown = await runShipwright(['backport', '--list', '--since', 'v99.0.0'], { cwd: clone.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--since v99.0.0: there is no such tag or commit here.');
  });

  it.each([['15.x'], ['origin/15.x']])(
    'backport --to %s creates 15.x from origin/15.x with the pick; origin and the working tree stay',
    async (to) => {
      const clone = await cloneWithRemoteLine();
      const originBefore = await clone.git('rev-parse', 'origin/15.x');
      const result = await runShipwright(['backport', clone.newFix, '--to', to, '--yes'], { cwd: clone.dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('create 15.x from origin/15.x with the picked commits');
      expect(result.stdout).toContain('15.x: 1 picked.');
      expect(result.stdout).not.toContain('origin/origin');
      expect(await clone.git('rev-parse', '15.x~1')).toBe(originBefore);
      expect(await clone.git('log', '-1', '--format=%B', '15.x')).toContain(
        `(cherry picked from commit ${clone.newFix})`,
      );
      expect(await clone.git('rev-parse', 'origin/15.x')).toBe(originBefore);
      expect(await clone.git('branch', '--show-current')).toBe('main');
      expect(await clone.git('status', '--porcelain')).toBe('');

      // Now a local branch: the matrix reads it, and the pick counts.
      const matrix = JSON.parse(
        (await runShipwright(['backport', '--list', '--json'], { cwd: clone.dir })).stdout,
      ) as Matrix;
      expect(matrix.remoteOnly).toEqual([]);
      expect(matrix.rows.map((row) => row.sha)).toEqual([clone.oldFix]);
    },
  );

  it('a branch neither here nor on origin is refused with the fetch that would bring it', async () => {
    const clone = await cloneWithRemoteLine();
    const result = await runShipwright(['backport', clone.newFix, '--to', 'origin/14.x', '--yes'], { cwd: clone.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--to origin/14.x: there is no branch '14.x' here or on origin.");
    expect(result.stderr).toContain('git fetch origin 14.x');
  });
});
