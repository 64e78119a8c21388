// The TUI's package rows come from the release plan itself: versions, reasons, deciding commits.
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { packageRows } from '../../src/app/package-rows.js';
import { readPackagesPlan } from '../../src/app/read-packages-plan.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

describe('packageRows', () => {
  it('one row per package with a pending release, the commits that decide it', async () => {
    const repo = await createWorkspaceRepo({
      kind: 'npm',
      packages: [
        { name: 'core', dir: 'packages/core', version: '1.0.0' },
        { name: 'app', dir: 'packages/app', version: '0.2.0', dependencies: { core: '1.0.0' } },
        { name: 'idle', dir: 'packages/idle', version: '3.0.0' },
      ],
    });
    repos.push(repo);
    await commitIn(repo, 'feat(core): streaming', ['packages/core']);
    await commitIn(repo, 'docs(core): readme', ['packages/core']);
    await commitIn(repo, 'fix(core): a leak', ['packages/core']);
    const opened = await openRepo(repo.dir);
    const rows = packageRows(await readPackagesPlan(opened), opened.loaded.config.bumpRules);
    expect(rows).toEqual([
      {
        name: 'app',
        current: '0.2.0',
        version: '0.2.1',
        bump: 'patch',
        reason: 'dependency',
        because: 'depends on core 1.1.0',
        deciding: [],
      },
      {
        name: 'core',
        current: '1.0.0',
        version: '1.1.0',
        bump: 'minor',
        reason: 'commits',
        because: 'feat(core): streaming',
        deciding: ['fix(core): a leak', 'feat(core): streaming'],
      },
    ]);
  });
});
