// The no-tags check per package: a package never tagged while others are is just unreleased (its
// hand-written CHANGELOG.md and its manifest's version are what its first release starts from),
// but a clone that fetched no tag at all is refused before anything is written.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

const run = (repo: TempRepo, ...args: string[]) =>
  runShipwright(args, { cwd: repo.dir, env: { SOURCE_DATE_EPOCH: '1735689600' } });

const CORE_LOG = '# Changelog\n\n## 1.2.0 (2024-01-01)\n\n* a lexer\n\n## 1.1.0 (2023-12-01)\n\n* a parser\n';

/** @acme/core released (tagged 1.1.0 and 1.2.0, its CHANGELOG.md says so), @acme/fresh never tagged. */
async function workspace(options: { tagFresh: boolean }): Promise<TempRepo> {
  const repo = await createWorkspaceRepo({
    kind: 'npm',
    tagged: false,
    packages: [
      { name: '@acme/core', dir: 'packages/core', version: '1.2.0' },
      { name: '@acme/fresh', dir: 'packages/fresh', version: '0.3.0' },
    ],
  });
  repos.push(repo);
  await repo.tag('@acme/core@1.1.0', { message: '@acme/core 1.1.0' });
  await repo.commit('docs(core): its changelog', { path: 'packages/core/CHANGELOG.md', content: CORE_LOG });
  await repo.tag('@acme/core@1.2.0', { message: '@acme/core 1.2.0' });
  // Written by hand before the package was ever released with shipwright.
  await repo.commit('docs(fresh): its changelog', {
    path: 'packages/fresh/CHANGELOG.md',
    content: '# Changelog\n\n## 0.2.0\n\n* the first sketch\n',
  });
  if (options.tagFresh) await repo.tag('@acme/fresh@0.3.0', { message: '@acme/fresh 0.3.0' });
  await commitIn(repo, 'fix(core): keep zeros', ['packages/core']);
  await commitIn(repo, 'feat(fresh): a first feature', ['packages/fresh']);
  return repo;
}

describe('per-package changelogs and the no-tags check', () => {
  it('a package without tags while others have some is written, not refused', async () => {
    const repo = await workspace({ tagFresh: false });
    const result = await run(repo, 'changelog');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const core = await readFile(join(repo.dir, 'packages/core/CHANGELOG.md'), 'utf8');
    expect(core).toMatch(/^# Changelog\n\n## \[?1\.2\.1/);
    expect(core).toContain('keep zeros');
    expect(core).toContain('## 1.2.0 (2024-01-01)');
    const fresh = await readFile(join(repo.dir, 'packages/fresh/CHANGELOG.md'), 'utf8');
    expect(fresh).toMatch(
      /^# Changelog\n\n## 0\.4\.0 \(2025-01-01\)\n\n### Features\n\n\* \*\*fresh:\*\* a first feature/,
    );
    expect(fresh).toContain('## 0.2.0\n\n* the first sketch\n');

    // The release takes the same path: both packages, one commit, a tag each.
    await repo.git('checkout', '-q', '--', '.');
    const release = await run(repo, 'release', '--no-push', '--yes');
    expect(release.code).toBe(0);
    expect((await repo.git('tag', '--points-at', 'HEAD')).split('\n').sort()).toEqual([
      '@acme/core@1.2.1',
      '@acme/fresh@0.4.0',
    ]);
  });

  it('a clone that fetched no tag is refused: changelog and release write nothing', async () => {
    const origin = await workspace({ tagFresh: true });
    const clone = await createTempRepo();
    repos.push(clone);
    await clone.git('pull', '-q', '--no-tags', `file://${origin.dir}`, 'main');
    expect(await clone.git('tag', '-l')).toBe('');
    const before = await snapshotRepo(clone);

    const changelog = await run(clone, 'changelog');
    expect(changelog.code).toBe(1);
    expect(changelog.stderr).toContain(
      'packages/core/CHANGELOG.md names 1.2.0, 1.1.0; packages/fresh/CHANGELOG.md names 0.2.0, but no package has a release tag here: this clone is missing tags',
    );
    expect(changelog.stderr).toContain('git fetch --tags');
    expect(changelog.stderr).toContain('git tag @acme/core@<version> <its release commit>');

    const release = await run(clone, 'release', '--no-push', '--yes');
    expect(release.code).toBe(1);
    expect(release.stderr).toContain('this clone is missing tags (cloned with --no-tags?)');
    expect(await snapshotRepo(clone)).toEqual(before);

    const json = await run(clone, 'release', '--no-push', '--yes', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      ok: false,
      error: { code: 'tags-not-fetched' },
    });
  });
});
