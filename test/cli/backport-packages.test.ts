// `shipwright backport … --package NAME` in a real npm workspace: the package's maintenance lines
// (`@acme/core@1.x`) are the targets, `--to 1.x` names that line, and the list has only the fixes
// that change the package's folder.
import { afterEach, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo } from '../helpers/workspace-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

const run = (repo: TempRepo, ...args: string[]) => runShipwright(args, { cwd: repo.dir });

/** core and web released; each has a maintenance line from its tag; then a fix in each on main. */
async function workspace() {
  const repo = await createWorkspaceRepo({
    kind: 'npm',
    config: { workflow: 'trunk' },
    packages: [
      { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
      { name: '@acme/web', dir: 'packages/web', version: '0.4.0' },
    ],
  });
  repos.push(repo);
  await repo.git('branch', '@acme/core@1.x', '@acme/core@1.0.0');
  await repo.git('branch', '@acme/web/0.x', '@acme/web@0.4.0');
  await repo.git('branch', '1.x', 'main');
  await commitIn(repo, 'feat(core): 2.0 work', ['packages/core']);
  const coreFix = await commitIn(repo, 'fix(core): keep zeros', ['packages/core']);
  const webFix = await commitIn(repo, 'fix(web): labels', ['packages/web']);
  return { repo, coreFix, webFix };
}

describe('shipwright backport --package', () => {
  it("--list: the package's lines are the targets, its own fixes the rows", async () => {
    const { repo, coreFix, webFix } = await workspace();
    const result = await run(repo, 'backport', '--list', '--package', '@acme/core', '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      targets: string[];
      rows: { sha: string; subject: string; present: Record<string, boolean> }[];
    };
    expect(report.targets).toEqual(['@acme/core@1.x']);
    expect(report.rows.map((row) => row.sha)).toEqual([coreFix]);
    expect(report.rows[0]?.present).toEqual({ '@acme/core@1.x': false });
    expect(JSON.stringify(report)).not.toContain(webFix);

    // The other package's line uses `/`; without --package neither package's line is a default target.
    const web = JSON.parse((await run(repo, 'backport', '--list', '--package', '@acme/web', '--json')).stdout) as {
      targets: string[];
    };
    expect(web.targets).toEqual(['@acme/web/0.x']);
    const all = JSON.parse((await run(repo, 'backport', '--list', '--json')).stdout) as { targets: string[] };
    expect(all.targets).toEqual(['1.x']);
  });

  it('--to 1.x names the package line; the fix is picked there and nowhere else', async () => {
    const { repo, coreFix } = await workspace();
    const before1x = await repo.git('rev-parse', '1.x');
    const picked = await run(repo, 'backport', coreFix, '--to', '1.x', '--package', '@acme/core', '--yes');
    expect(picked.code, picked.stderr).toBe(0);
    expect(await repo.git('log', '-1', '--format=%s', '@acme/core@1.x')).toBe('fix(core): keep zeros');
    expect(await repo.git('log', '-1', '--format=%b', '@acme/core@1.x')).toContain(
      `(cherry picked from commit ${coreFix})`,
    );
    expect(await repo.git('rev-parse', '1.x')).toBe(before1x);
    const again = JSON.parse((await run(repo, 'backport', '--list', '--package', '@acme/core', '--json')).stdout) as {
      targets: string[];
      rows: unknown[];
    };
    // Nothing of the package is missing there any more.
    expect(again).toMatchObject({ targets: ['@acme/core@1.x'], rows: [] });

    const unknown = await run(repo, 'backport', '--list', '--package', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No workspace package is named nope.');
  });
});
