// `shipwright backport SHA... --to BRANCH...` on real repositories: picks in private worktrees
// (the user's dirty tree and branch untouched), patch-aware "already there", merge commits,
// conflicts with continue and abort, a modify/delete conflict that never resurrects the file.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitCalls } from '../helpers/git-calls.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

interface Fixture {
  repo: TempRepo;
  fixA: string;
  fixB: string;
  merge: string;
}

/** main with two fixes and a merged feature after v1.0.0; dev and release/1.2 forked at v1.0.0. */
async function divergent(): Promise<Fixture> {
  const repo = await createTempRepo();
  repos.push(repo);
  await repo.write('a.txt', 'a: broken\n');
  await repo.write('b.txt', 'b: broken\n');
  await repo.git('add', '.');
  await repo.commit('chore: initial commit', { allowEmpty: true });
  await repo.tag('v1.0.0', { message: 'v1.0.0' });
  await repo.git('branch', 'dev');
  await repo.git('branch', 'release/1.2');
  const fixA = await repo.commit('fix(a): repair a', { path: 'a.txt', content: 'a: fixed\n' });
  const fixB = await repo.commit('fix(b): repair b', { path: 'b.txt', content: 'b: fixed\n' });
  await repo.git('switch', '-q', '-c', 'feature/c');
  await repo.commit('fix(c): add c', { path: 'c.txt', content: 'c\n' });
  await repo.git('switch', '-q', 'main');
  await repo.git('merge', '-q', '--no-ff', '-m', 'fix: merge the c fix', 'feature/c');
  const merge = await repo.git('rev-parse', 'HEAD');
  return { repo, fixA, fixB, merge };
}

const backport = (repo: TempRepo, ...args: string[]) => runShipwright(['backport', ...args], { cwd: repo.dir });
const show = (repo: TempRepo, ref: string, path: string) => repo.git('show', `${ref}:${path}`);
const worktreeCount = async (repo: TempRepo) =>
  (await repo.git('worktree', 'list', '--porcelain')).split('\n').filter((line) => line.startsWith('worktree ')).length;

/** dev rewrites the line main's fix A changes, so picking A onto dev conflicts; back on main. */
async function devRewordsA(repo: TempRepo): Promise<void> {
  await repo.git('switch', '-q', 'dev');
  await repo.commit('chore: reword a', { path: 'a.txt', content: 'a: reworded on dev\n' });
  await repo.git('switch', '-q', 'main');
}

/** The private worktree a paused backport names in its message. */
const privateWorktreeIn = (stderr: string): string => /private worktree (\S+) \(your own/.exec(stderr)?.[1] as string;

/**
 * Commits `fix: series STEP` on the current branch, one per step, oldest first; returns their hashes
 * in that order. repo.git keeps the clock: they share one committer date, so only ancestry can
 * order them.
 */
async function aSameSecondSeries(repo: TempRepo, steps: readonly (string | number)[]): Promise<string[]> {
  const series: string[] = [];
  for (const step of steps) {
    await repo.write('series.txt', `${step}\n`);
    await repo.git('add', 'series.txt');
    await repo.git('commit', '-q', '--no-verify', '-m', `fix: series ${step}`);
    series.push(await repo.git('rev-parse', 'HEAD'));
  }
  return series;
}

describe('shipwright backport SHA --to BRANCH', () => {
  it('picks with -x onto each target in a private worktree; the dirty tree and current branch stay as they are', async () => {
    const { repo, fixA } = await divergent();
    await repo.write('a.txt', 'a: my unsaved edit\n');
    await repo.write('scratch.txt', 'untracked\n');
    const before = await snapshotRepo(repo);
    const result = await backport(repo, fixA, '--to', 'dev', '--to', 'release/1.2', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('dev: 1 picked.');
    expect(result.stdout).toContain('your working tree was not touched');
    for (const branch of ['dev', 'release/1.2']) {
      expect(await show(repo, branch, 'a.txt')).toBe('a: fixed');
      expect(await repo.git('log', '-1', '--format=%B', branch)).toContain(`(cherry picked from commit ${fixA})`);
    }
    const after = await snapshotRepo(repo);
    expect({ ...after, refs: '' }).toEqual({ ...before, refs: '' });
    expect(await worktreeCount(repo)).toBe(1);
    expect(existsSync(join(repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('a commit already there under another hash is not picked again, and a second run picks nothing', async () => {
    const { repo, fixA, fixB } = await divergent();
    await repo.git('switch', '-q', 'dev');
    await repo.git('cherry-pick', fixA); // no -x: only the patch-id tells
    await repo.git('switch', '-q', 'main');
    const devBefore = await repo.git('rev-parse', 'dev');
    const first = await backport(repo, fixA, '--to', 'dev', '--yes');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('is not picked onto dev: the same change is already there');
    expect(first.stdout).toContain('Nothing to pick');
    expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);

    expect((await backport(repo, fixB, '--to', 'dev', '--yes')).code).toBe(0);
    const again = await backport(repo, fixB, '--to', 'dev', '--yes');
    expect(again.stdout).toContain('is not picked onto dev: the same change is already there');
    expect(await repo.git('rev-list', '--count', `${devBefore}..dev`)).toBe('1');
  });

  it('a series made in one second, typed newest first, is picked parents first', async () => {
    const { repo } = await divergent();
    const series = await aSameSecondSeries(repo, ['one', 'two', 'three']);
    const result = await backport(repo, ...[...series].reverse(), '--to', 'dev', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('log', '--format=%s', '-3', 'dev')).toBe(
      'fix: series three\nfix: series two\nfix: series one',
    );
    expect(await show(repo, 'dev', 'series.txt')).toBe('three');
  });

  it('a merge commit is picked against its first parent', async () => {
    const { repo, merge } = await divergent();
    const result = await backport(repo, merge, '--to', 'dev', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('(a merge: against its first parent)');
    expect(await show(repo, 'dev', 'c.txt')).toBe('c');
    expect((await repo.git('log', '-1', '--format=%P', 'dev')).split(' ')).toHaveLength(1);
  });

  it('a conflict pauses with the worktree path; continue after resolving there moves the branch', async () => {
    const { repo, fixA } = await divergent();
    await devRewordsA(repo);
    const devBefore = await repo.git('rev-parse', 'dev');
    const paused = await backport(repo, fixA, '--to', 'dev', '--yes');
    expect(paused.code).toBe(1);
    expect(paused.stderr).toContain('stopped on conflicts in\n  a.txt');
    const worktree = privateWorktreeIn(paused.stderr);
    expect(existsSync(join(worktree, 'a.txt'))).toBe(true);
    expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);

    const inWorktree = (...args: string[]) => repo.git('-C', worktree, ...args);
    await repo.write(join(worktree.slice(repo.dir.length + 1), 'a.txt'), 'a: fixed and reworded\n');
    await inWorktree('add', 'a.txt');
    const resumed = await runShipwright(['continue'], { cwd: repo.dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await show(repo, 'dev', 'a.txt')).toBe('a: fixed and reworded');
    expect(await repo.git('log', '-1', '--format=%B', 'dev')).toContain(`(cherry picked from commit ${fixA})`);
    expect(existsSync(worktree)).toBe(false);
    expect(await worktreeCount(repo)).toBe(1);
  });

  it('from a linked worktree: the private worktree sits in the shared git dir, and continue from the main worktree finishes', async () => {
    const { repo, fixA } = await divergent();
    await devRewordsA(repo);
    const linked = await repo.addWorktree({ branch: 'feature/side', from: 'main' });
    const paused = await backport(linked, fixA, '--to', 'dev', '--yes');
    expect(paused.code).toBe(1);
    const worktree = privateWorktreeIn(paused.stderr);
    expect(worktree.startsWith(join(repo.dir, '.git', 'shipwright', 'worktrees'))).toBe(true);

    await repo.write(join(worktree.slice(repo.dir.length + 1), 'a.txt'), 'a: fixed and reworded\n');
    await repo.git('-C', worktree, 'add', 'a.txt');
    const resumed = await runShipwright(['continue'], { cwd: repo.dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await show(repo, 'dev', 'a.txt')).toBe('a: fixed and reworded');
    expect(existsSync(worktree)).toBe(false);
    expect(await worktreeCount(repo)).toBe(2);
    expect(await linked.git('status', '--porcelain')).toBe('');
  });

  it('continue --json reports the pick whose conflict it settled as done, not skipped', async () => {
    const { repo, fixA } = await divergent();
    await devRewordsA(repo);
    const paused = await backport(repo, fixA, '--to', 'dev', '--yes');
    const worktree = privateWorktreeIn(paused.stderr);
    await repo.write(join(worktree.slice(repo.dir.length + 1), 'a.txt'), 'a: fixed and reworded\n');
    await repo.git('-C', worktree, 'add', 'a.txt');
    const resumed = await runShipwright(['continue', '--json'], { cwd: repo.dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    const events = resumed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; index?: number });
    const pick = `pick ${fixA.slice(0, 7)} "fix(a): repair a" onto dev`;
    expect(events.filter((event) => event.index === 1)).toEqual([
      {
        type: 'step-done',
        index: 1,
        step: { kind: 'cherry-pick', description: pick },
        outcome: 'conflicts resolved, pick committed',
      },
    ]);
    expect(events.filter((event) => event.type === 'step-skipped')).toEqual([]);
  });

  it('a conflict resolved by keeping the target’s side drops the pick and says nothing was picked', async () => {
    const { repo, fixA } = await divergent();
    await devRewordsA(repo);
    const devBefore = await repo.git('rev-parse', 'dev');
    const paused = await backport(repo, fixA, '--to', 'dev', '--yes');
    const worktree = privateWorktreeIn(paused.stderr);
    await repo.git('-C', worktree, 'checkout', '--ours', 'a.txt');
    await repo.git('-C', worktree, 'add', 'a.txt');
    const resumed = await runShipwright(['continue'], { cwd: repo.dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(
      `✓ pick ${fixA.slice(0, 7)} "fix(a): repair a" onto dev (conflicts resolved to no change: nothing picked)`,
    );
    expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);
  });

  it('a commit made on the target during the pause is never overwritten: continue refuses and puts the run back', async () => {
    const { repo, fixA } = await divergent();
    await devRewordsA(repo);
    expect((await backport(repo, fixA, '--to', 'dev', '--yes')).code).toBe(1);
    const worktree = (await repo.git('worktree', 'list', '--porcelain'))
      .split('\n')
      .filter((line) => line.startsWith('worktree '))
      .map((line) => line.slice(9))[1] as string;
    // Meanwhile someone commits on dev.
    const theirs = await repo.git('commit-tree', '-p', 'dev', '-m', 'chore: theirs', 'dev^{tree}');
    await repo.git('update-ref', 'refs/heads/dev', theirs);
    await repo.write(join(worktree.slice(repo.dir.length + 1), 'a.txt'), 'a: fixed and reworded\n');
    await repo.git('-C', worktree, 'add', 'a.txt');
    const resumed = await runShipwright(['continue'], { cwd: repo.dir });
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toContain('dev moved while the backport ran');
    expect(await repo.git('rev-parse', 'dev')).toBe(theirs);
    expect(await worktreeCount(repo)).toBe(1);
  });

  it('abort after a conflict removes the worktree and leaves every branch as it was', async () => {
    const { repo, fixA, fixB } = await divergent();
    await repo.git('switch', '-q', 'dev');
    await repo.commit('chore: reword b', { path: 'b.txt', content: 'b: reworded on dev\n' });
    await repo.git('switch', '-q', 'main');
    const before = await snapshotRepo(repo);
    expect((await backport(repo, fixA, fixB, '--to', 'dev', '--to', 'release/1.2', '--yes')).code).toBe(1);
    const aborted = await runShipwright(['abort'], { cwd: repo.dir });
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(await snapshotRepo(repo)).toEqual(before);
    expect(await worktreeCount(repo)).toBe(1);
  });

  it('abort in a moved repository finishes: the picked worktree is a note with its command, one never added is not named', async () => {
    const { repo, fixA } = await divergent();
    await devRewordsA(repo);
    const before = await repo.git('for-each-ref', '--format=%(refname) %(objectname)');
    expect((await backport(repo, fixA, '--to', 'dev', '--to', 'release/1.2', '--yes')).code).toBe(1);
    const journal = JSON.parse(await readFile(join(repo.dir, '.git', 'shipwright', 'journal.json'), 'utf8')) as {
      plan: { steps: { kind: string; path?: string }[] };
    };
    const [added, never] = journal.plan.steps
      .filter((step) => step.kind === 'add-worktree')
      .map((step) => step.path as string);
    const moved = `${repo.dir} moved`;
    await rename(repo.dir, moved);
    try {
      const aborted = await runShipwright(['abort'], { cwd: moved });
      expect(aborted.code, aborted.stderr).toBe(0);
      expect(aborted.stdout).toContain(
        `note: worktree ${added} of the run is gone from there (the repository was moved since the run started), so it was left alone; to drop it: git worktree remove --force ${added}`,
      );
      expect(aborted.stdout).not.toContain(never as string);
      expect(existsSync(join(moved, '.git', 'shipwright', 'journal.json'))).toBe(false);
      const movedRepo = { git: async (...args: string[]) => (await execa('git', args, { cwd: moved })).stdout };
      expect(await movedRepo.git('for-each-ref', '--format=%(refname) %(objectname)')).toBe(before);
      // The command in the note works.
      const drop = /to drop it: (.*)$/m.exec(aborted.stdout)?.[1] as string;
      await execa('sh', ['-c', drop], { cwd: moved });
      expect(
        (await movedRepo.git('worktree', 'list', '--porcelain'))
          .split('\n')
          .filter((line) => line.startsWith('worktree ')),
      ).toHaveLength(1);
    } finally {
      await rm(moved, { recursive: true, force: true });
    }
  });

  it('a modify/delete conflict lists the file and, resolved with git rm, never brings it back', async () => {
    const { repo, fixB } = await divergent();
    await repo.git('switch', '-q', 'release/1.2');
    await repo.git('rm', '-q', 'b.txt');
    await repo.commit('chore: drop b on this line', { allowEmpty: true });
    await repo.git('switch', '-q', 'main');
    const paused = await backport(repo, fixB, '--to', 'release/1.2', '--yes');
    expect(paused.code).toBe(1);
    expect(paused.stderr).toContain('stopped on conflicts in\n  b.txt');
    const worktree = privateWorktreeIn(paused.stderr);
    await repo.git('-C', worktree, 'rm', '-q', 'b.txt');
    const resumed = await runShipwright(['continue'], { cwd: repo.dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    await expect(repo.git('cat-file', '-e', 'release/1.2:b.txt')).rejects.toThrow();
  });

  it('--dry-run --json shows the plan and writes nothing', async () => {
    const { repo, fixA } = await divergent();
    const before = await snapshotRepo(repo);
    const result = await backport(repo, fixA, '--to', 'dev', '--dry-run', '--json');
    expect(result.code, result.stderr).toBe(0);
    const [plan, final] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(plan.type).toBe('plan');
    expect(plan.plan.steps.map((step: { kind: string }) => step.kind)).toEqual([
      'add-worktree',
      'cherry-pick',
      'update-branch',
      'remove-worktree',
    ]);
    expect(plan.results).toEqual([{ target: 'dev', resultBranch: 'dev', picked: [fixA], present: [] }]);
    expect(final).toMatchObject({ type: 'result', dryRun: true });
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('a pick that comes out empty (the change arrived in a bigger commit) is dropped and reported', async () => {
    const { repo, fixA } = await divergent();
    await repo.git('switch', '-q', 'dev');
    await repo.write('a.txt', 'a: fixed\n');
    await repo.git('add', 'a.txt');
    await repo.commit('fix: a and b at once', { path: 'b.txt', content: 'b: other\n' });
    await repo.git('switch', '-q', 'main');
    const devBefore = await repo.git('rev-parse', 'dev');
    const result = await backport(repo, fixA, '--to', 'dev', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('(already on dev: nothing to pick)');
    expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);
  });

  it('with backport.branches, the picks land on backport/<sha>-to-<target> and the target stays', async () => {
    const { repo, fixA } = await divergent();
    await repo.git('switch', '-q', 'dev');
    await repo.commit('chore: backports as branches', {
      path: 'shipwright.config.json',
      content: '{ "backport": { "branches": true } }\n',
    });
    const devBefore = await repo.git('rev-parse', 'dev');
    // dev is checked out: allowed, since dev itself does not move.
    const result = await backport(repo, fixA, '--to', 'dev', '--to', 'release/1.2', '--yes');
    expect(result.code, result.stderr).toBe(0);
    const branch = `backport/${fixA.slice(0, 7)}-to-dev`;
    expect(result.stdout).toContain(`${branch} (from dev): 1 picked.`);
    expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);
    expect(await repo.git('rev-parse', `${branch}~1`)).toBe(devBefore);
    expect(await show(repo, `backport/${fixA.slice(0, 7)}-to-release-1.2`, 'a.txt')).toBe('a: fixed');
    const again = await backport(repo, fixA, '--to', 'dev', '--yes');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${branch} already exists: this backport was made before.`);
  });

  it('refuses to move the checked-out branch, and an unknown commit or branch', async () => {
    const { repo, fixA } = await divergent();
    const current = await backport(repo, fixA, '--to', 'main', '--yes');
    expect(current.code).toBe(1);
    expect(current.stderr).toContain('main is checked out here');
    // The way out names a branch that exists and is not the target itself.
    expect(current.stderr).toContain('switch to another branch first (git switch dev)');
    expect((await backport(repo, 'deadbeef', '--to', 'dev', '--yes')).code).toBe(2);
    expect((await backport(repo, fixA, '--to', 'nope', '--yes')).code).toBe(2);
  });
});

interface DryRun {
  plan: { steps: { kind: string; commit?: string; into?: string }[]; notes: string[] };
  results: { target: string; picked: string[]; present: string[] }[];
}

const dryRun = async (repo: TempRepo, ...args: string[]): Promise<DryRun> => {
  const result = await backport(repo, ...args, '--dry-run', '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n')[0] as string) as DryRun;
};

describe('shipwright backport SHA --to BRANCH: which commits are already there', () => {
  it('several commits × several targets, read per target: same patch or a -x line counts, nothing is picked twice', async () => {
    const { repo, fixA, fixB } = await divergent();
    const fixD = await repo.commit('fix(d): add d', { path: 'd.txt', content: 'd: fixed\n' });
    // dev: fixA by patch only (no -x); fixB by its -x line only (amended while resolving: another patch).
    await repo.git('switch', '-q', 'dev');
    await repo.git('cherry-pick', fixA);
    await repo.git('cherry-pick', '-x', fixB);
    await repo.write('b.txt', 'b: fixed, the dev way\n');
    await repo.git('commit', '-q', '-a', '--amend', '--no-edit', '--no-verify');
    // release/1.2: fixA by its -x line only; fixD by patch only.
    await repo.git('switch', '-q', 'release/1.2');
    await repo.git('cherry-pick', '-x', fixA);
    await repo.write('a.txt', 'a: fixed, the 1.2 way\n');
    await repo.git('commit', '-q', '-a', '--amend', '--no-edit', '--no-verify');
    await repo.git('cherry-pick', fixD);
    await repo.git('switch', '-q', 'main');

    let planned: DryRun | undefined;
    const calls = await gitCalls(
      async () => (planned = await dryRun(repo, fixD, fixB, fixA, '--to', 'dev', '--to', 'release/1.2')),
    );
    expect(planned?.results).toEqual([
      { target: 'dev', resultBranch: 'dev', picked: [fixD], present: [fixA, fixB] },
      { target: 'release/1.2', resultBranch: 'release/1.2', picked: [fixB], present: [fixA, fixD] },
    ]);
    expect(planned?.plan.notes).toEqual(
      expect.arrayContaining([
        `${fixA.slice(0, 7)} is not picked onto dev: the same change is already there`,
        `${fixB.slice(0, 7)} is not picked onto dev: already cherry-picked there`,
        `${fixA.slice(0, 7)} is not picked onto release/1.2: already cherry-picked there`,
        `${fixD.slice(0, 7)} is not picked onto release/1.2: the same change is already there`,
      ]),
    );
    // Per target, whatever the number of commits: their common base, then two logs (what the
    // commits bring, with git's patch-id verdict; the target's own commits and their -x lines).
    const targetLogs = calls.filter((argv) => argv[0] === 'log' && argv.some((arg) => arg.startsWith('refs/heads/')));
    expect(targetLogs.filter((argv) => argv.includes('--cherry-mark'))).toHaveLength(2);
    expect(targetLogs).toHaveLength(4);
    expect(calls.filter((argv) => argv[0] === 'merge-base' && argv.includes('--octopus'))).toHaveLength(2);

    const result = await backport(repo, fixD, fixB, fixA, '--to', 'dev', '--to', 'release/1.2', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.git('log', '--format=%s', '-1', 'dev')).toBe('fix(d): add d');
    expect(await repo.git('log', '--format=%s', '-1', 'release/1.2')).toBe('fix(b): repair b');
    expect(await show(repo, 'dev', 'b.txt')).toBe('b: fixed, the dev way');
    expect(await show(repo, 'release/1.2', 'a.txt')).toBe('a: fixed, the 1.2 way');
    const again = await dryRun(repo, fixD, fixB, fixA, '--to', 'dev', '--to', 'release/1.2');
    expect(again.plan.steps).toEqual([]);
  });

  it('a pick on the target still counts after a later commit’s history brought it back to the source', async () => {
    const { repo, fixA } = await divergent();
    await repo.git('switch', '-q', 'dev');
    await repo.git('cherry-pick', fixA); // patch only
    await repo.git('switch', '-q', 'main');
    // A release merges dev (and so the pick) into main; a fix follows.
    await repo.git('merge', '-q', '--no-ff', '-m', 'chore: release from dev', 'dev');
    const fixE = await repo.commit('fix(e): add e', { path: 'e.txt', content: 'e\n' });
    const planned = await dryRun(repo, fixA, fixE, '--to', 'dev');
    expect(planned.results).toEqual([{ target: 'dev', resultBranch: 'dev', picked: [fixE], present: [fixA] }]);
    expect(planned.plan.notes).toContain(
      `${fixA.slice(0, 7)} is not picked onto dev: the same change is already there`,
    );
  });

  it('orders a series with one rev-list whatever its length, never a git process per pair of commits', async () => {
    const { repo } = await divergent();
    const series = await aSameSecondSeries(
      repo,
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
    const callsFor = async (commits: string[]): Promise<string[][]> => {
      let planned: DryRun | undefined;
      const calls = await gitCalls(
        async () => (planned = await dryRun(repo, ...[...commits].reverse(), '--to', 'dev', '--to', 'release/1.2')),
      );
      expect(planned?.results.map((result) => result.picked)).toEqual([commits, commits]);
      return calls;
    };
    const three = await callsFor(series.slice(0, 3));
    const twelve = await callsFor(series);
    for (const calls of [three, twelve]) {
      expect(calls.filter((argv) => argv[0] === 'merge-base' && argv.includes('--is-ancestor'))).toEqual([]);
      expect(calls.filter((argv) => argv[0] === 'rev-list')).toHaveLength(1);
    }
    // Only resolving what was typed costs a process per commit (rev-parse); the rest is constant.
    const commands = (calls: string[][]) => calls.map((argv) => argv[0]);
    const besidesRevParse = (calls: string[][]) =>
      commands(calls)
        .filter((command) => command !== 'rev-parse')
        .sort();
    expect(besidesRevParse(twelve)).toEqual(besidesRevParse(three));
    expect(
      commands(twelve).filter((command) => command === 'rev-parse').length -
        commands(three).filter((command) => command === 'rev-parse').length,
    ).toBe(9);
  });

  it('a series whose oldest commit a target already has is still ordered parents first on every target', async () => {
    const { repo } = await divergent();
    const series = await aSameSecondSeries(repo, ['one', 'two', 'three']);
    const [one, two, three] = series as [string, string, string];
    // dev gets `one` by ancestry: its common base with the series is `one` itself.
    await repo.git('branch', '-f', 'dev', one);
    const planned = await dryRun(repo, three, two, one, '--to', 'dev', '--to', 'release/1.2');
    expect(planned.results).toEqual([
      { target: 'dev', resultBranch: 'dev', picked: [two, three], present: [one] },
      { target: 'release/1.2', resultBranch: 'release/1.2', picked: [one, two, three], present: [] },
    ]);
  });

  it('commits from histories with no commit in common are each read on their own', async () => {
    const { repo, fixA } = await divergent();
    await repo.git('switch', '-q', 'dev');
    await repo.git('cherry-pick', fixA);
    await repo.git('switch', '-q', '--orphan', 'pages');
    const pages = await repo.commit('fix(pages): first page', { path: 'index.html', content: '<p>hi</p>\n' });
    await repo.git('switch', '-q', 'main');
    const planned = await dryRun(repo, fixA, pages, '--to', 'dev');
    expect(planned.results).toEqual([{ target: 'dev', resultBranch: 'dev', picked: [pages], present: [fixA] }]);
  });
});
