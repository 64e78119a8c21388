// `shipwright release` in a monorepo: every package's manifest and CHANGELOG.md, one release
// commit, one annotated tag per package, one atomic push; a rejected push puts everything back.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rejectPushes } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo, type WorkspaceKind } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

const PACKAGES = [
  { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
  { name: '@acme/exact', dir: 'packages/exact', version: '3.0.0', dependencies: { '@acme/core': '1.0.0' } },
  { name: '@acme/caret', dir: 'packages/caret', version: '0.5.0', dependencies: { '@acme/core': '^1.0.0' } },
  { name: '@acme/ws', dir: 'packages/ws', version: '2.0.0', dependencies: { '@acme/core': 'workspace:*' } },
  { name: '@acme/idle', dir: 'packages/idle', version: '0.1.0' },
];

async function workspaceWithRemote(kind: WorkspaceKind, config?: Record<string, unknown>) {
  const remote = await createTempRepo({ bare: true, prefix: 'shipwright-remote-' });
  const repo = await createWorkspaceRepo({ kind, packages: PACKAGES, ...(config ? { config } : {}) });
  repos.push(repo, remote);
  await repo.git('remote', 'add', 'origin', `file://${remote.dir}`);
  await repo.git('push', '-q', '--follow-tags', '-u', 'origin', 'main');
  await commitIn(repo, 'feat(core): streaming parser', ['packages/core']);
  await commitIn(repo, 'fix: core and ws at once', ['packages/core', 'packages/ws']);
  await repo.git('push', '-q');
  return { repo, remote };
}

const json = async (repo: TempRepo, path: string) =>
  JSON.parse(await readFile(join(repo.dir, path), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
const release = (repo: TempRepo, ...args: string[]) =>
  runShipwright(['release', ...args], { cwd: repo.dir, env: { SOURCE_DATE_EPOCH: '1735689600' } });

describe('shipwright release in a monorepo', () => {
  it("independent (pnpm): own versions, dependents' ranges, one commit, a tag each, one push", async () => {
    const { repo, remote } = await workspaceWithRemote('pnpm');
    const dry = await release(repo, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Packages with a pending release (3 of 5)');
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const result = await release(repo, '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Released @acme/core@1.1.0, @acme/exact@3.0.1, @acme/ws@2.0.1: main and 3 tags pushed to origin.',
    );

    expect((await json(repo, 'packages/core/package.json')).version).toBe('1.1.0');
    expect(await json(repo, 'packages/exact/package.json')).toMatchObject({
      version: '3.0.1',
      dependencies: { '@acme/core': '1.1.0' },
    });
    expect(await json(repo, 'packages/caret/package.json')).toMatchObject({
      version: '0.5.0',
      dependencies: { '@acme/core': '^1.0.0' },
    });
    expect(await json(repo, 'packages/ws/package.json')).toMatchObject({
      version: '2.0.1',
      dependencies: { '@acme/core': 'workspace:*' },
    });
    expect((await json(repo, 'packages/idle/package.json')).version).toBe('0.1.0');

    const core = await readFile(join(repo.dir, 'packages/core/CHANGELOG.md'), 'utf8');
    expect(core).toContain('streaming parser');
    expect(core).toContain('core and ws at once');
    const ws = await readFile(join(repo.dir, 'packages/ws/CHANGELOG.md'), 'utf8');
    expect(ws).toContain('core and ws at once');
    expect(ws).not.toContain('streaming parser');
    expect(await readFile(join(repo.dir, 'packages/exact/CHANGELOG.md'), 'utf8')).toContain(
      '### Dependencies\n\n* `@acme/core` `1.0.0` → `1.1.0`',
    );
    expect(existsSync(join(repo.dir, 'packages/idle/CHANGELOG.md'))).toBe(false);

    expect(await repo.git('log', '-1', '--format=%B')).toBe(
      'chore(release): @acme/core@1.1.0, @acme/exact@3.0.1, @acme/ws@2.0.1\n\n- @acme/core@1.1.0\n- @acme/exact@3.0.1\n- @acme/ws@2.0.1\n',
    );
    expect((await repo.git('tag', '--points-at', 'HEAD')).split('\n').sort()).toEqual([
      '@acme/core@1.1.0',
      '@acme/exact@3.0.1',
      '@acme/ws@2.0.1',
    ]);
    expect(await repo.git('cat-file', '-t', '@acme/ws@2.0.1')).toBe('tag');
    expect(await repo.git('tag', '-l', '--format=%(contents)', '@acme/ws@2.0.1')).toContain('core and ws at once');
    expect(await remote.git('rev-parse', 'main')).toBe(await repo.git('rev-parse', 'HEAD'));
    expect((await remote.git('tag', '-l', '@acme/*@*')).split('\n')).toHaveLength(8);
    expect(await repo.git('status', '--porcelain')).toBe('');

    // Released: nothing left, and versions count from the new tags.
    const again = await release(repo, '--yes');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Nothing to release');
  });

  it('fixed (npm): one version for the group; the npm lockfile follows', async () => {
    const { repo } = await workspaceWithRemote('npm', { packages: { fixed: [['@acme/core', '@acme/idle']] } });
    const lock = {
      name: 'workspace-root',
      lockfileVersion: 3,
      packages: {
        '': { name: 'workspace-root' },
        'packages/core': { name: '@acme/core', version: '1.0.0' },
        'packages/idle': { name: '@acme/idle', version: '0.1.0' },
        'packages/exact': { name: '@acme/exact', version: '3.0.0', dependencies: { '@acme/core': '1.0.0' } },
      },
    };
    await repo.commit('chore: lockfile', { path: 'package-lock.json', content: `${JSON.stringify(lock, null, 2)}\n` });
    await repo.git('push', '-q');
    const result = await release(repo, '--yes', '--no-push');
    expect(result.code, result.stderr).toBe(0);
    expect((await json(repo, 'packages/core/package.json')).version).toBe('1.1.0');
    expect((await json(repo, 'packages/idle/package.json')).version).toBe('1.1.0');
    const written = JSON.parse(await readFile(join(repo.dir, 'package-lock.json'), 'utf8')) as typeof lock;
    expect(written.packages['packages/core'].version).toBe('1.1.0');
    expect(written.packages['packages/idle'].version).toBe('1.1.0');
    expect(written.packages['packages/exact']).toMatchObject({
      version: '3.0.1',
      dependencies: { '@acme/core': '1.1.0' },
    });
    expect((await repo.git('tag', '--points-at', 'HEAD')).split('\n').sort()).toEqual([
      '@acme/core@1.1.0',
      '@acme/exact@3.0.1',
      '@acme/idle@1.1.0',
      '@acme/ws@2.0.1',
    ]);
  });

  it('--package selects (yarn); its dependents follow; --json describes the plan', async () => {
    const { repo } = await workspaceWithRemote('yarn');
    const result = await release(repo, '--yes', '--no-push', '--package', '@acme/ws', '--json');
    expect(result.code, result.stderr).toBe(0);
    const last = JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as { summary?: { tags: string[] } };
    expect(JSON.stringify(last)).toContain('@acme/ws@2.0.1');
    expect(await repo.git('tag', '--points-at', 'HEAD')).toBe('@acme/ws@2.0.1');
  });

  it("packages.rootChangelog: the root CHANGELOG.md gathers every package's section, newest first", async () => {
    const { repo } = await workspaceWithRemote('npm', { packages: { rootChangelog: true } });
    await repo.commit('docs: the root changelog', {
      path: 'CHANGELOG.md',
      content: '# Changelog\n\n## @acme/core [1.0.0] (2024-01-01)\n\n* older\n',
    });
    await repo.git('push', '-q');
    const result = await release(repo, '--yes', '--no-push');
    expect(result.code, result.stderr).toBe(0);
    const root = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(root.startsWith('# Changelog\n\n## @acme/core 1.1.0 (2025-01-01)\n\n### Features\n')).toBe(true);
    expect(root).toContain('\n## @acme/exact 3.0.1 (2025-01-01)\n\n### Dependencies\n');
    expect(root).toContain('\n## @acme/ws 2.0.1 (2025-01-01)\n');
    expect(root.endsWith('## @acme/core [1.0.0] (2024-01-01)\n\n* older\n')).toBe(true);
    expect(await repo.git('show', '--name-only', '--format=', 'HEAD')).toContain('CHANGELOG.md\n');
  });

  it('a rejected push puts every file, the commit and every tag back', async () => {
    const { repo, remote } = await workspaceWithRemote('npm');
    await rejectPushes(remote);
    const before = await snapshotRepo(repo);
    const result = await release(repo, '--yes');
    expect(result.code).toBe(3);
    expect(await snapshotRepo(repo)).toEqual(before);
  });
});
