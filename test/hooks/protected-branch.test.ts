// Direct commits on protected branches, through the installed pre-commit hook: refused under
// gitflow (with the fix), allowed when concluding a merge, allowed under trunk, and skippable.
import { afterEach, describe, expect, it } from 'vitest';
import { createHookedRepo, type HookedRepo } from '../helpers/hooked-repo.js';

const repos: HookedRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

/** A repository with one commit on main and the given workflow in shipwright.config.json. */
async function repoOnMain(workflow: 'gitflow' | 'trunk'): Promise<HookedRepo> {
  const repo = await createHookedRepo({ workflow });
  repos.push(repo);
  await repo.write('notes.txt', 'one\n');
  await repo.commitNoVerify('chore: start');
  return repo;
}

const count = async (repo: HookedRepo) => Number(await repo.read('rev-list', '--count', 'HEAD'));

describe('protected branches (pre-commit)', () => {
  it('gitflow: a direct commit on main is refused with the `git switch -c` fix; the staged work is kept and moves along', async () => {
    const repo = await repoOnMain('gitflow');
    await repo.write('notes.txt', 'two\n');
    await repo.read('add', 'notes.txt');
    const before = await repo.snapshot();

    const refused = await repo.git(['commit', '-m', 'feat: straight to main']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('shipwright: direct commits on main are not allowed in this gitflow repository');
    expect(refused.stderr).toContain('git switch -c feature/my-change');
    expect(await repo.snapshot()).toEqual(before);
    expect(await count(repo)).toBe(1);

    // Following the fix works: the staged change comes along to the new branch.
    await repo.read('switch', '-c', 'feature/my-change');
    const made = await repo.git(['commit', '-m', 'feat: on a branch']);
    expect(made.code, made.stderr).toBe(0);
    expect(await repo.read('show', 'feature/my-change:notes.txt')).toBe('two');
    expect(await repo.read('rev-parse', 'main')).toBe(before.head);
  });

  it('gitflow on master: master is the protected production branch, named from the repository', async () => {
    const repo = await repoOnMain('gitflow');
    await repo.read('branch', '-m', 'main', 'master');
    const refused = await repo.commit('feat: straight to master', ['--allow-empty']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('direct commits on master are not allowed in this gitflow repository');
    expect(refused.stderr).not.toMatch(/\bmain\b/);
  });

  it('gitflow: dev is protected too', async () => {
    const repo = await repoOnMain('gitflow');
    await repo.read('switch', '-c', 'dev');
    const refused = await repo.commit('feat: straight to dev', ['--allow-empty']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('direct commits on dev are not allowed');
  });

  it('gitflow: the commit concluding a merge with conflicts on main is allowed', async () => {
    const repo = await repoOnMain('gitflow');
    await repo.read('switch', '-c', 'dev');
    await repo.write('notes.txt', 'from dev\n');
    await repo.commitNoVerify('feat: dev side');
    await repo.read('switch', 'main');
    await repo.write('notes.txt', 'from main\n');
    await repo.commitNoVerify('fix: main side');

    const merge = await repo.git(['merge', 'dev']);
    expect(merge.code).not.toBe(0);
    expect(merge.stdout).toContain('CONFLICT');
    await repo.write('notes.txt', 'from both\n');
    await repo.read('add', 'notes.txt');
    const result = await repo.git(['commit', '--no-edit']);
    expect(result.code, result.stderr).toBe(0);
    expect(await repo.read('rev-list', '--count', '--merges', 'HEAD')).toBe('1');
    expect(await repo.read('log', '-1', '--format=%s')).toBe("Merge branch 'dev'");
    expect((await repo.git(['status', '--porcelain'])).stdout).toBe('');
  });

  it('trunk: direct commits on main are allowed', async () => {
    const repo = await repoOnMain('trunk');
    await repo.write('notes.txt', 'two\n');
    const result = await repo.commit('feat: straight to main');
    expect(result.code, result.stderr).toBe(0);
    expect(await count(repo)).toBe(2);
  });

  for (const [name, env] of [
    ['SHIPWRIGHT_SKIP_HOOKS=1', { SHIPWRIGHT_SKIP_HOOKS: '1' }],
    ['HUSKY=0', { HUSKY: '0' }],
  ] as const) {
    it(`${name} skips every hook (protected branch and message rules)`, async () => {
      const repo = await repoOnMain('gitflow');
      await repo.write('notes.txt', 'two\n');
      await repo.read('add', '-A');
      const result = await repo.git(['commit', '-m', 'not conventional at all'], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(await repo.read('log', '-1', '--format=%s')).toBe('not conventional at all');
      if (name === 'SHIPWRIGHT_SKIP_HOOKS=1')
        expect(result.stderr).toContain('shipwright: pre-commit hook skipped (SHIPWRIGHT_SKIP_HOOKS=1)');
    });
  }

  it('git commit --no-verify skips the hooks', async () => {
    const repo = await repoOnMain('gitflow');
    await repo.write('notes.txt', 'two\n');
    await repo.read('add', '-A');
    const result = await repo.git(['commit', '--no-verify', '-m', 'not conventional either']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(await count(repo)).toBe(2);
  });
});
