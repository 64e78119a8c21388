// `shipwright hotfix … --package NAME` in a real npm workspace with a bare remote: a hotfix branch
// from the package's own tag, finished as that package's patch release (its package.json and
// CHANGELOG.md, its NAME@X.Y.Z tag), the other packages untouched.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

const run = (repo: TempRepo, ...args: string[]) =>
  runShipwright(args, { cwd: repo.dir, env: { SOURCE_DATE_EPOCH: '1735689600' } });

/** @acme/core released as 1.1.0 (after 1.0.0), @acme/web at 0.4.0, then an unreleased feature of core on main. */
async function workspace(): Promise<{ repo: TempRepo; remote: TempRepo }> {
  const remote = await createTempRepo({ bare: true, prefix: 'shipwright-remote-' });
  const repo = await createWorkspaceRepo({
    kind: 'npm',
    packages: [
      { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
      { name: '@acme/web', dir: 'packages/web', version: '0.4.0' },
    ],
  });
  repos.push(repo, remote);
  await repo.git('remote', 'add', 'origin', `file://${remote.dir}`);
  await repo.git('push', '-q', '--follow-tags', '-u', 'origin', 'main');
  await commitIn(repo, 'feat(core): a parser', ['packages/core']);
  await repo.git('push', '-q');
  const released = await run(repo, 'release', '--package', '@acme/core', '--yes');
  expect(released.code, released.stderr).toBe(0);
  await commitIn(repo, 'feat(core): a lexer, not released yet', ['packages/core']);
  await repo.git('push', '-q');
  return { repo, remote };
}

describe('shipwright hotfix --package', () => {
  it("start branches from the package's tag; finish releases NAME@x.y.(z+1) with its own files", async () => {
    const { repo, remote } = await workspace();
    const started = await run(repo, 'hotfix', 'start', '--package', '@acme/core', 'zeros', '--yes');
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain('create hotfix/@acme/core@1.1.1-zeros from @acme/core@1.1.0');
    expect(await repo.git('branch', '--show-current')).toBe('hotfix/@acme/core@1.1.1-zeros');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(await repo.git('rev-parse', '@acme/core@1.1.0^{commit}'));

    // One hotfix per package at a time; another package may have its own.
    const second = await run(repo, 'hotfix', 'start', '--package', '@acme/core', '--yes');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('A hotfix is already open: hotfix/@acme/core@1.1.1-zeros.');

    await commitIn(repo, 'fix(core): keep zeros', ['packages/core']);
    // The branch names the package: finish needs no --package.
    const finished = await run(repo, 'hotfix', 'finish', '--yes');
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain('Released @acme/core@1.1.1, pushed to origin.');

    expect(await repo.git('cat-file', '-t', '@acme/core@1.1.1')).toBe('tag');
    expect(await repo.git('tag', '-l', '--format=%(contents)', '@acme/core@1.1.1')).toContain('keep zeros');
    expect(await remote.git('tag', '-l', '@acme/core@1.1.1')).toBe('@acme/core@1.1.1');
    const core = JSON.parse(await repo.git('show', 'main:packages/core/package.json')) as { version: string };
    expect(core.version).toBe('1.1.1');
    const changelog = await repo.git('show', 'main:packages/core/CHANGELOG.md');
    expect(changelog).toMatch(/## \[?1\.1\.1/);
    expect(changelog).toContain('keep zeros');
    expect(changelog).not.toContain('a lexer');
    // The other package and the root are not part of it.
    expect(await repo.git('show', 'main:packages/web/package.json')).toContain('"version": "0.4.0"');
    expect(await readFile(join(repo.dir, 'package.json'), 'utf8')).not.toContain('1.1.1');
    expect(await repo.git('log', '-1', '--format=%s', '@acme/core@1.1.1')).toBe('chore(release): @acme/core@1.1.1');
    expect(await repo.git('branch', '--list', 'hotfix/*')).toBe('');

    // The next hotfix of that line starts from the new tag.
    const again = await run(repo, 'hotfix', 'start', '--package', '@acme/core', '--dry-run');
    expect(again.stdout).toContain('create hotfix/@acme/core@1.1.2 from @acme/core@1.1.1');
  });

  it('--from another line of the package; a package that is not in the workspace is refused', async () => {
    const { repo } = await workspace();
    const old = await run(
      repo,
      'hotfix',
      'start',
      '--package',
      '@acme/core',
      '--from',
      '@acme/core@1.0.0',
      '--dry-run',
    );
    expect(old.code, old.stderr).toBe(0);
    expect(old.stdout).toContain('create hotfix/@acme/core@1.0.1 from @acme/core@1.0.0');
    const other = await run(
      repo,
      'hotfix',
      'start',
      '--package',
      '@acme/core',
      '--from',
      '@acme/web@0.4.0',
      '--dry-run',
    );
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('@acme/web@0.4.0 is not a release tag here');
    const unknown = await run(repo, 'hotfix', 'start', '--package', 'nope', '--dry-run');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No workspace package is named nope.');
  });
});
