// Every package's state on generated workspaces: npm, yarn, pnpm and lerna discovery, commits by
// folder (two packages at once, merges, a renamed folder), own tags, own next version.
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { readPackagesState } from '../../src/app/read-packages-state.js';
import { readReleaseState } from '../../src/app/read-release-state.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo, type WorkspaceKind } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

const THREE = [
  { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
  { name: '@acme/cli', dir: 'packages/cli', version: '2.1.0', dependencies: { '@acme/core': '^1.0.0' } },
  { name: 'untouched', dir: 'packages/untouched', version: '0.3.0' },
];

async function workspace(kind: WorkspaceKind, config?: Record<string, unknown>) {
  const repo = await createWorkspaceRepo({ kind, packages: THREE, ...(config ? { config } : {}) });
  repos.push(repo);
  return repo;
}

const summary = async (repo: TempRepo, packages?: string[]) => {
  const state = await readPackagesState(await openRepo(repo.dir), packages ? { packages } : {});
  return {
    source: state.workspace.source,
    selected: state.selected,
    next: Object.fromEntries(
      state.releases.map((release) => [release.pkg.name, release.next.kind === 'release' ? release.nextTag : null]),
    ),
    commits: Object.fromEntries(
      state.releases.map((release) => [release.pkg.name, release.commits.map((commit) => commit.header)]),
    ),
  };
};

describe('readPackagesState', () => {
  it.each([
    ['npm', 'package.json'],
    ['yarn', 'package.json'],
    ['pnpm', 'pnpm-workspace.yaml'],
    ['lerna', 'lerna.json'],
  ] as const)(
    "%s: each package's own commits decide its own version; an untouched package has nothing",
    async (kind, source) => {
      const repo = await workspace(kind);
      await commitIn(repo, 'feat(core): a parser', ['packages/core']);
      await commitIn(repo, 'fix: both at once', ['packages/core', 'packages/cli']);
      await commitIn(repo, 'docs: the root readme', ['docs']);
      expect(await summary(repo)).toEqual({
        source,
        selected: ['@acme/cli', '@acme/core', 'untouched'],
        next: { '@acme/cli': '@acme/cli@2.1.1', '@acme/core': '@acme/core@1.1.0', untouched: null },
        commits: {
          '@acme/cli': ['fix: both at once'],
          '@acme/core': ['fix: both at once', 'feat(core): a parser'],
          untouched: [],
        },
      });
    },
  );

  it("counts from each package's own last tag", async () => {
    const repo = await workspace('npm');
    await commitIn(repo, 'feat: core before its release', ['packages/core']);
    await commitIn(repo, "feat: cli before core's release", ['packages/cli']);
    await repo.tag('@acme/core@1.1.0', { message: 'core 1.1.0' });
    await commitIn(repo, 'fix: core after its release', ['packages/core']);
    const { next, commits } = await summary(repo);
    expect(next).toEqual({ '@acme/cli': '@acme/cli@2.2.0', '@acme/core': '@acme/core@1.1.1', untouched: null });
    expect(commits['@acme/core']).toEqual(['fix: core after its release']);
    expect(commits['@acme/cli']).toEqual(["feat: cli before core's release"]);
  });

  it('a feature branch merged with --no-ff: its commits count, the merge never decides', async () => {
    const repo = await workspace('pnpm');
    await repo.git('switch', '-q', '-c', 'feature/x');
    await commitIn(repo, 'feat(cli): a flag', ['packages/cli']);
    await repo.git('switch', '-q', 'main');
    await commitIn(repo, 'fix(core): meanwhile', ['packages/core']);
    await repo.git('merge', '-q', '--no-ff', '-m', 'Merge branch feature/x', 'feature/x');
    const { next, commits } = await summary(repo);
    expect(next).toMatchObject({ '@acme/cli': '@acme/cli@2.2.0', '@acme/core': '@acme/core@1.0.1' });
    expect(commits['@acme/cli']).toEqual(['feat(cli): a flag']);
  });

  it('a renamed folder keeps its history', async () => {
    const repo = await createWorkspaceRepo({
      kind: 'npm',
      packages: [
        { name: 'renamed', dir: 'packages/old-name', version: '1.0.0' },
        { name: 'other', dir: 'packages/other', version: '1.0.0' },
      ],
      tagged: false,
    });
    repos.push(repo);
    await commitIn(repo, 'feat: before the move', ['packages/old-name']);
    await repo.git('mv', 'packages/old-name', 'packages/new-name');
    await repo.commit('refactor: move the folder', { allowEmpty: true });
    await commitIn(repo, 'fix: after the move', ['packages/new-name']);
    const { commits, next } = await summary(repo);
    expect(commits.renamed).toEqual([
      'fix: after the move',
      'refactor: move the folder',
      'feat: before the move',
      'chore: set up the workspace',
    ]);
    expect(commits.other).toEqual(['chore: set up the workspace']);
    // No tag yet: bumped from the version each manifest declares.
    expect(next).toEqual({ renamed: 'renamed@1.1.0', other: null });
  });

  it("a package's newest tag on another line does not count here (the reachability walk)", async () => {
    const repo = await workspace('npm');
    await repo.git('switch', '-q', '-c', 'next');
    await commitIn(repo, 'feat(core): only on next', ['packages/core']);
    await repo.tag('@acme/core@1.5.0', { message: 'core on next' });
    await repo.git('switch', '-q', 'main');
    await commitIn(repo, 'fix(core): on main', ['packages/core']);
    const { next, commits } = await summary(repo);
    expect(next).toMatchObject({ '@acme/core': '@acme/core@1.0.1' });
    expect(commits['@acme/core']).toEqual(['fix(core): on main']);
  });

  it('shared paths and several tag formats per package', async () => {
    const repo = await workspace('npm', {
      packages: { sharedPaths: ['package-lock.json'], tagFormat: ['{name}@{version}', '{name}-v{version}'] },
    });
    await repo.tag('untouched-v0.4.0', { message: 'the older format' });
    await repo.commit('fix: lockfile update', { path: 'package-lock.json', content: '{}\n' });
    const { next } = await summary(repo);
    expect(next).toEqual({
      '@acme/cli': '@acme/cli@2.1.1',
      '@acme/core': '@acme/core@1.0.1',
      untouched: 'untouched@0.4.1',
    });
  });

  it("a bump chosen per package (the wizard's list) releases even an untouched package", async () => {
    const repo = await workspace('npm');
    await commitIn(repo, 'fix(core): small', ['packages/core']);
    const state = await readPackagesState(await openRepo(repo.dir), {
      bumps: { untouched: 'minor', '@acme/core': 'major' },
    });
    expect(Object.fromEntries(state.releases.map((release) => [release.pkg.name, release.nextTag]))).toEqual({
      '@acme/cli': null,
      '@acme/core': '@acme/core@2.0.0',
      untouched: 'untouched@0.4.0',
    });
  });

  it('--package selects; an unknown name is a usage error listing the packages', async () => {
    const repo = await workspace('npm');
    expect((await summary(repo, ['@acme/core'])).selected).toEqual(['@acme/core']);
    await expect(summary(repo, ['@acme/nope'])).rejects.toMatchObject({
      kind: 'usage',
      message: 'No workspace package is named @acme/nope.',
      fix: expect.stringContaining('@acme/cli, @acme/core, untouched'),
    });
  });

  it('a repository without workspaces is a workspace of one with its tagPrefix', async () => {
    const repo = await createWorkspaceRepo({ kind: 'npm', packages: [], tagged: false });
    repos.push(repo);
    await repo.write('package.json', '{ "name": "solo", "version": "1.0.0" }\n');
    await repo.commit('chore: no workspaces', {
      path: 'package.json',
      content: '{ "name": "solo", "version": "1.0.0" }\n',
    });
    await repo.tag('v1.0.0', { message: 'solo' });
    await repo.commit('feat: solo feature');
    const state = await summary(repo);
    expect(state).toMatchObject({
      source: 'single',
      selected: ['solo'],
      next: { solo: 'v1.1.0' },
      commits: { solo: ['feat: solo feature'] },
    });
  });

  it.each([
    ['the suggested version', {}],
    ['--bump major', { bump: 'major' as const }],
    ['--preid rc', { preid: 'rc' }],
  ])('a workspace of one agrees with the single-package path (%s)', async (_options, options) => {
    const repo = await createWorkspaceRepo({ kind: 'npm', packages: [], tagged: false });
    repos.push(repo);
    await repo.commit('chore: solo', { path: 'package.json', content: '{ "name": "solo", "version": "1.0.0" }\n' });
    await repo.tag('v1.0.0', { message: '1.0.0' });
    await repo.commit('feat: a');
    await repo.tag('v1.1.0-rc.0', { message: 'rc' });
    await repo.commit('fix: b');
    const opened = await openRepo(repo.dir);
    const single = await readReleaseState(opened, options);
    const [release] = (await readPackagesState(opened, options)).releases;
    // The same decision; only tag dates differ, which the package path never reads (nothing it shows uses them).
    const undated = (next: typeof single.next) =>
      JSON.parse(JSON.stringify(next, (key, value: unknown) => (key === 'date' ? '' : value))) as unknown;
    expect(undated(release?.next ?? single.next)).toEqual(undated(single.next));
    expect(release?.next.kind === 'release' && release.next.version).toBe(
      single.next.kind === 'release' && single.next.version,
    );
    expect(release?.commits.map((commit) => commit.raw.hash)).toEqual(single.commits.map((commit) => commit.raw.hash));
  });
});
