// `shipwright status` on gitflow and trunk repositories.
import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

async function gitflowRepo(): Promise<TempRepo> {
  const r = await createTempRepo();
  await r.commit('feat: first');
  await r.tag('v1.0.0', { message: 'v1.0.0' });
  await r.git('branch', 'dev');
  await r.git('checkout', '-q', 'dev');
  await r.commit('feat(api): new endpoint', { path: 'api.txt' });
  await r.commit('docs: readme', { path: 'README.md' });
  await r.git('checkout', '-q', '-b', 'release/1.1.0', 'dev');
  await r.git('checkout', '-q', 'main');
  await r.commit('fix(auth): token expiry', { path: 'auth.txt' });
  return r;
}

describe('shipwright status', () => {
  it('shows environments, unreleased work, the next version and fixes missing elsewhere', async () => {
    repo = await gitflowRepo();
    const result = await runShipwright(['status'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('gitflow');
    expect(result.stdout).toMatch(/production\s+v1\.0\.0/);
    expect(result.stdout).toMatch(/staging\s+main\s+1 commit ahead of production/);
    expect(result.stdout).toMatch(/dev\s+dev\s+2 commits ahead of staging/);
    expect(result.stdout).toContain('Next version  1.0.1');
    expect(result.stdout).toContain('dev: 1 fix');
    expect(result.stdout).toContain('release/1.1.0: 1 fix');
    expect(result.stdout).toContain('fix(auth): token expiry');
  });

  it('on a branch production is ahead of, says which branch it describes and how far behind it is', async () => {
    repo = await gitflowRepo();
    await repo.git('checkout', '-q', 'dev');
    const result = await runShipwright(['status'], { cwd: repo.dir });
    expect(result.stdout).toContain(
      '⚠ this describes dev; production (main) is 1 commit ahead of it · bring them in: git merge main',
    );
    const json = await runShipwright(['status', '--json'], { cwd: repo.dir });
    expect((JSON.parse(json.stdout) as { productionAhead: unknown }).productionAhead).toEqual({
      ref: 'main',
      commits: 1,
    });
  });

  it('counts a fix cherry-picked under another hash as present', async () => {
    repo = await gitflowRepo();
    const fix = await repo.git('rev-parse', 'HEAD');
    await repo.git('checkout', '-q', 'dev');
    await repo.git('cherry-pick', '-x', fix);
    await repo.git('checkout', '-q', 'main');
    const result = await runShipwright(['status', '--json'], { cwd: repo.dir });
    const report = JSON.parse(result.stdout) as {
      missingFixes: { target: string }[];
      workflow: string;
      next: { version: string };
    };
    expect(report.workflow).toBe('gitflow');
    expect(report.missingFixes.map((m) => m.target)).toEqual(['release/1.1.0']);
    expect(report.next.version).toBe('1.0.1');
  });

  it('calls a repository without dev trunk-based, and honours the config over detection', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    const trunk = JSON.parse((await runShipwright(['status', '--json'], { cwd: repo.dir })).stdout) as {
      workflow: string;
      configSource: string;
    };
    expect(trunk).toMatchObject({ workflow: 'trunk', configSource: 'defaults' });
    await repo.write('shipwright.config.json', JSON.stringify({ workflow: 'gitflow' }));
    const configured = JSON.parse((await runShipwright(['status', '--json'], { cwd: repo.dir })).stdout) as {
      workflow: string;
      configSource: string;
    };
    expect(configured).toMatchObject({ workflow: 'gitflow', configSource: 'shipwright.config.json' });
  });

  it('reports an invalid config with every problem and exit 2 (a config error, as CLI.md says)', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    await repo.write('shipwright.config.json', JSON.stringify({ tagPrefix: 1, changelog: { preset: 'x' } }));
    const result = await runShipwright(['status'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shipwright.config.json has 2 problems');
    expect(result.stderr).toContain('tagPrefix: expected a string; got 1');
    expect(result.stderr).toContain('fix: edit shipwright.config.json');
  });

  it('reads settings from package.json "shipwright"', async () => {
    repo = await createTempRepo();
    await repo.write('package.json', JSON.stringify({ name: 'x', shipwright: { tagPrefix: 'release-' } }));
    await repo.commit('feat: first', {
      path: 'package.json',
      content: JSON.stringify({ name: 'x', shipwright: { tagPrefix: 'release-' } }),
    });
    await repo.tag('release-2.0.0');
    await repo.commit('fix: a');
    const result = await runShipwright(['version', '--json'], { cwd: repo.dir });
    expect(JSON.parse(result.stdout)).toMatchObject({ version: '2.0.1', tag: 'release-2.0.1' });
  });
});

describe('shipwright status with a newest tag the production branch does not contain', () => {
  it('calls production the newest release on main, in every line, and names the newer tag once', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    await repo.tag('v1.0.0', { message: 'v1.0.0' });
    await repo.commit('fix: hot', { path: 'hot.txt' });
    await repo.tag('v1.0.1', { message: 'v1.0.1' });
    // Tagged on the release branch, which was never merged into main.
    await repo.git('checkout', '-q', '-b', 'release/1.1');
    await repo.commit('feat: release work', { path: 'rel.txt' });
    await repo.tag('v1.1.0', { message: 'v1.1.0' });
    await repo.git('checkout', '-q', 'main');
    await repo.commit('fix: after', { path: 'after.txt' });

    const result = await runShipwright(['status'], { cwd: repo.dir });
    expect(result.stdout).toMatch(/production\s+v1\.0\.1\s/);
    expect(result.stdout).toContain('v1.1.0 is newer but not on main, so it is not production here');
    expect(result.stdout).toMatch(/staging\s+main\s+1 commit ahead of production/);
    expect(result.stdout).toContain('Unreleased on main (since v1.0.1): 1 commit');
    const report = JSON.parse((await runShipwright(['status', '--json'], { cwd: repo.dir })).stdout) as {
      environments: { name: string; ref: string }[];
      newerElsewhere: { name: string } | null;
    };
    expect(report.environments[0]).toMatchObject({ name: 'production', ref: 'v1.0.1' });
    expect(report.newerElsewhere).toEqual({ name: 'v1.1.0', version: '1.1.0' });
  });

  it('a local main left behind, with the newer tag fetched, says so instead of counting from it', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    await repo.tag('v1.0.0', { message: 'v1.0.0' });
    await repo.git('branch', 'stale', 'HEAD');
    await repo.commit('feat: second', { path: 'second.txt' });
    await repo.tag('v1.1.0', { message: 'v1.1.0' });
    // main as a teammate left it before pulling: v1.1.0 arrived with `git fetch --tags` only.
    await repo.git('checkout', '-q', 'stale');
    await repo.git('branch', '-f', 'main', 'stale');
    await repo.git('checkout', '-q', 'main');
    const result = await runShipwright(['status'], { cwd: repo.dir });
    expect(result.stdout).toMatch(/production\s+v1\.0\.0\s/);
    expect(result.stdout).toMatch(/staging\s+main\s+0 commits ahead of production/);
    expect(result.stdout).toContain(
      'v1.1.0 is newer but not on main, so it is not production here (tagged on another branch, or main is behind: git pull)',
    );
  });
});
