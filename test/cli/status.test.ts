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

  it('counts a fix cherry-picked under another hash as present', async () => {
    repo = await gitflowRepo();
    const fix = await repo.git('rev-parse', 'HEAD');
    await repo.git('checkout', '-q', 'dev');
    await repo.git('cherry-pick', '-x', fix);
    await repo.git('checkout', '-q', 'main');
    const result = await runShipwright(['status', '--json'], { cwd: repo.dir });
    const report = JSON.parse(result.stdout) as { missingFixes: { target: string }[]; workflow: string; next: { version: string } };
    expect(report.workflow).toBe('gitflow');
    expect(report.missingFixes.map((m) => m.target)).toEqual(['release/1.1.0']);
    expect(report.next.version).toBe('1.0.1');
  });

  it('calls a repository without dev trunk-based, and honours the config over detection', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    const trunk = JSON.parse((await runShipwright(['status', '--json'], { cwd: repo.dir })).stdout) as { workflow: string; configSource: string };
    expect(trunk).toMatchObject({ workflow: 'trunk', configSource: 'defaults' });
    await repo.write('shipwright.config.json', JSON.stringify({ workflow: 'gitflow' }));
    const configured = JSON.parse((await runShipwright(['status', '--json'], { cwd: repo.dir })).stdout) as { workflow: string; configSource: string };
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
    await repo.commit('feat: first', { path: 'package.json', content: JSON.stringify({ name: 'x', shipwright: { tagPrefix: 'release-' } }) });
    await repo.tag('release-2.0.0');
    await repo.commit('fix: a');
    const result = await runShipwright(['version', '--json'], { cwd: repo.dir });
    expect(JSON.parse(result.stdout)).toMatchObject({ version: '2.0.1', tag: 'release-2.0.1' });
  });
});
