// A production branch that is not `main`, named from the repository when no config does: a clone
// of a `master` project (origin/HEAD), a master-only repository under a global `main` default.
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

/** An older project: `master` and `dev`, v1.0.0 released, a fix on master that dev lacks, published to a bare remote. */
async function masterProject(): Promise<{ upstream: TempRepo; remote: TempRepo }> {
  const remote = await createTempRepo({ bare: true, branch: 'master', prefix: 'shipwright-remote-' });
  const upstream = await createTempRepo({ branch: 'master' });
  cleanup.push(
    () => remote.remove(),
    () => upstream.remove(),
  );
  await upstream.write('package.json', '{\n  "name": "legacy",\n  "version": "1.0.0"\n}\n');
  await upstream.git('add', '.');
  await upstream.commit('feat: first');
  await upstream.tag('v1.0.0', { message: 'v1.0.0' });
  await upstream.git('branch', 'dev');
  await upstream.commit('fix(parser): keep quoted commas', { path: 'parser.txt' });
  await upstream.git('remote', 'add', 'origin', `file://${remote.dir}`);
  await upstream.git('push', '-q', '--tags', 'origin', 'master', 'dev');
  return { upstream, remote };
}

async function cloneOf(remote: TempRepo): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'shipwright-clone-'));
  cleanup.push(() => rm(parent, { recursive: true, force: true }));
  const dir = join(parent, 'legacy');
  await execa('git', ['clone', '-q', `file://${remote.dir}`, dir]);
  // A clone has only the default branch locally; dev exists on origin, as after any `git clone`.
  await execa('git', ['config', 'init.defaultBranch', 'main'], { cwd: dir });
  return dir;
}

describe('the production branch of a repository that does not call it main', () => {
  it('is the branch origin/HEAD names, in every status line', async () => {
    const { remote } = await masterProject();
    const dir = await cloneOf(remote);
    const result = await runShipwright(['status'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('on master (gitflow: feature → dev → release → master)');
    expect(result.stdout).toMatch(/staging\s+master\s+1 commit ahead of production/);
    expect(result.stdout).not.toMatch(/\bmain\b/);
    const report = JSON.parse((await runShipwright(['status', '--json'], { cwd: dir })).stdout) as {
      branches: { production: string };
    };
    expect(report.branches.production).toBe('master');
  });

  it('is the only one of main and master that exists, whatever a global init.defaultBranch says', async () => {
    const { upstream } = await masterProject();
    await upstream.git('config', 'init.defaultBranch', 'main');
    const result = await runShipwright(['status'], { cwd: upstream.dir });
    expect(result.stdout).toMatch(/staging\s+master\s+1 commit ahead of production/);
    expect(result.stdout).toContain('Fixes on master missing from other branches');
    expect(result.stdout).toContain('dev: 1 fix');
    expect(result.stdout).not.toMatch(/\bmain\b/);
  });

  it('a configured name wins over what the repository says', async () => {
    const { upstream } = await masterProject();
    await upstream.git('branch', 'production');
    await upstream.write('shipwright.config.json', JSON.stringify({ branches: { production: 'production' } }));
    const report = JSON.parse((await runShipwright(['status', '--json'], { cwd: upstream.dir })).stdout) as {
      branches: { production: string };
    };
    expect(report.branches.production).toBe('production');
  });

  it('a missing base names a way out that exists', async () => {
    const { upstream } = await masterProject();
    await upstream.write(
      'shipwright.config.json',
      JSON.stringify({ branchTypes: { feature: { prefix: 'feature/', base: 'next' } } }),
    );
    const result = await runShipwright(['branch', 'feature', 'login', '--yes'], { cwd: upstream.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The base branch 'next' does not exist here or on origin.");
    expect(result.stderr).toContain('--from master');
    expect(result.stderr).not.toMatch(/\bmain\b/);
  });
});
