// What the composer is given from a real repository: scope suggestions from commitlint's
// scope-enum or the workspace's packages and history, the staged files, the branch's issue.
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { readComposerData } from '../../src/app/plan-commit.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { createWorkspaceRepo } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

const PACKAGES = [
  { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
  { name: 'cli', dir: 'packages/cli', version: '1.0.0' },
];

async function workspace(): Promise<TempRepo> {
  const repo = await createWorkspaceRepo({ kind: 'npm', packages: PACKAGES, tagged: false });
  repos.push(repo);
  await repo.commit('fix(deps): pin the parser');
  return repo;
}

describe('readComposerData', () => {
  it('suggests recent scopes and the workspace packages (as commitlint names them) when no scope-enum is set', async () => {
    const repo = await workspace();
    const data = await readComposerData(await openRepo(repo.dir));
    expect(data.scopes).toEqual(['deps', 'core', 'cli']);
    expect(data.scopeEnum).toBe(false);
  });

  it('suggests only what scope-enum allows when the commitlint config sets it', async () => {
    const repo = await workspace();
    await repo.write(
      '.commitlintrc.json',
      `${JSON.stringify({ rules: { 'scope-enum': [2, 'always', ['core', 'docs']] } })}\n`,
    );
    const data = await readComposerData(await openRepo(repo.dir));
    expect(data.scopes).toEqual(['core', 'docs']);
    expect(data.scopeEnum).toBe(true);
  });

  it('reads the staged files and the issue the branch is named after', async () => {
    const repo = await createTempRepo();
    repos.push(repo);
    await repo.commit('chore: start');
    await repo.git('switch', '-q', '-c', 'feature/42-search-filters');
    await repo.write('search.ts', 'export {};\n');
    await repo.git('add', 'search.ts');
    const data = await readComposerData(await openRepo(repo.dir));
    expect(data.tree.staged.map((file) => file.path)).toEqual(['search.ts']);
    expect(data.issue).toBe(42);
    expect(data.scopes).toEqual([]);
  });

  it('warns before the message is written when the pre-commit hook refuses commits on this branch', async () => {
    const repo = await createTempRepo();
    repos.push(repo);
    await repo.commit('chore: start');
    await repo.git('switch', '-q', '-c', 'dev');
    const onDev = await readComposerData(await openRepo(repo.dir));
    expect(onDev.protectedBranch).toMatchObject({ branch: 'dev', command: 'git switch -c feature/my-change' });
    await repo.git('switch', '-q', '-c', 'feature/42-search-filters');
    expect((await readComposerData(await openRepo(repo.dir))).protectedBranch).toBeNull();
  });
});
