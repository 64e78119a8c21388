// status, version and changelog in a monorepo: every package with a pending release, --package selects.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

async function workspace(): Promise<TempRepo> {
  const repo = await createWorkspaceRepo({
    kind: 'pnpm',
    packages: [
      { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
      { name: '@acme/cli', dir: 'packages/cli', version: '2.1.0', dependencies: { '@acme/core': '1.0.0' } },
      { name: '@acme/web', dir: 'packages/web', version: '0.4.0', dependencies: { '@acme/core': 'workspace:*' } },
      { name: 'untouched', dir: 'packages/untouched', version: '0.3.0' },
    ],
  });
  repos.push(repo);
  await repo.git('remote', 'add', 'origin', 'https://github.com/acme/mono.git');
  await commitIn(repo, 'feat(core): a parser', ['packages/core']);
  await commitIn(repo, 'fix: web and core at once', ['packages/core', 'packages/web']);
  return repo;
}

const run = (repo: TempRepo, ...args: string[]) =>
  runShipwright(args, { cwd: repo.dir, env: { SOURCE_DATE_EPOCH: '1735689600' } });

describe('a monorepo', () => {
  it('version lists every package with a pending release; --package one prints just its version', async () => {
    const repo = await workspace();
    expect((await run(repo, 'version')).stdout).toBe('@acme/cli 2.1.1\n@acme/core 1.1.0\n@acme/web 0.4.1\n');
    expect((await run(repo, 'version', '--package', '@acme/core')).stdout).toBe('1.1.0\n');
    const bad = await run(repo, 'version', '--package', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('No workspace package is named nope.');
    expect((await run(repo, 'version', '--package', 'untouched')).code).toBe(1);
  });

  it('version --json: versions, why, the dependency updates', async () => {
    const repo = await workspace();
    const json = JSON.parse((await run(repo, 'version', '--json')).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      workspace: 'pnpm-workspace.yaml',
      packages: [
        {
          name: '@acme/cli',
          current: '2.1.0',
          version: '2.1.1',
          tag: '@acme/cli@2.1.1',
          reason: 'dependency',
          because: 'depends on @acme/core 1.1.0',
        },
        {
          name: '@acme/core',
          current: '1.0.0',
          currentTag: '@acme/core@1.0.0',
          version: '1.1.0',
          tag: '@acme/core@1.1.0',
          bump: 'minor',
          reason: 'commits',
          commits: { features: 1, fixes: 1 },
        },
        { name: '@acme/web', version: '0.4.1', reason: 'commits' },
      ],
      unchanged: [{ name: 'untouched', current: '0.3.0' }],
      dependencyUpdates: [
        { name: '@acme/cli', field: 'dependencies', dependency: '@acme/core', from: '1.0.0', to: '1.1.0' },
      ],
      cycles: [],
    });
  });

  it('status shows the packages after the repository report', async () => {
    const repo = await workspace();
    const plain = await run(repo, 'status');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Packages with a pending release (3 of 4)');
    expect(plain.stdout).not.toContain('Next version  ');
    expect(plain.stdout).toMatch(/ {2}@acme\/core {2}1\.0\.0 → 1\.1\.0 {2}minor bump from @acme\/core@1\.0\.0/);
    expect(plain.stdout).toContain('@acme/cli   2.1.0 → 2.1.1  depends on @acme/core 1.1.0');
    const json = JSON.parse((await run(repo, 'status', '--json', '--package', '@acme/web')).stdout) as {
      packages: { packages: { name: string }[] };
    };
    expect(json.packages.packages.map((entry) => entry.name)).toEqual(['@acme/web']);
  });

  it("changelog --stdout: only each package's own commits; a dependent lists its dependency", async () => {
    const repo = await workspace();
    const web = await run(repo, 'changelog', '--stdout', '--package', '@acme/web');
    expect(web.stdout).toBe(
      '## [0.4.1](https://github.com/acme/mono/compare/@acme/web@0.4.0...@acme/web@0.4.1) (2025-01-01)\n\n### Bug Fixes\n\n' +
        `* web and core at once ([${await repo.git('rev-parse', '--short=7', 'HEAD')}](https://github.com/acme/mono/commit/${await repo.git('rev-parse', 'HEAD')}))\n`,
    );
    const all = (await run(repo, 'changelog', '--stdout')).stdout;
    expect(all).toContain('# @acme/cli\n\n## [2.1.1]');
    expect(all).toContain('### Dependencies\n\n* `@acme/core` `1.0.0` → `1.1.0`\n');
    expect(all.split('# @acme/core')[1]).toContain('a parser');
    expect(all.split('# @acme/web')[1]).not.toContain('a parser');
  });

  it("changelog writes each package's CHANGELOG.md in its folder", async () => {
    const repo = await workspace();
    const result = await run(repo, 'changelog');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'Updated packages/cli/CHANGELOG.md, packages/core/CHANGELOG.md, packages/web/CHANGELOG.md.\n',
    );
    expect(await readFile(join(repo.dir, 'packages/core/CHANGELOG.md'), 'utf8')).toMatch(
      /^# Changelog\n\n## \[1\.1\.0\]/,
    );
    // Run again: the drafts are replaced, not repeated.
    expect((await run(repo, 'changelog')).stdout).toBe('Every package changelog is up to date.\n');
    const refused = await run(repo, 'changelog', '--release-count', '0');
    expect(refused.code).toBe(2);
  });
});
