// `shipwright rollback` on real repositories, with a recording stand-in for gh on PATH (or none).
import { execa, execaSync } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGh, type FakeGh } from '../helpers/fake-gh.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** An annotated tag whose tagger date (git's creatordate) is `iso`. */
async function tagAt(repo: TempRepo, name: string, iso: string): Promise<void> {
  const env = {
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_COMMITTER_DATE: iso,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  await execa('git', ['tag', '-a', '-m', `release ${name}`, name], { cwd: repo.dir, env });
}

/** v1.0.0 (Feb 1) ← feat, fix → v1.1.0 (Mar 1) ← fix, feat! → v1.2.0 (Apr 1); plus `nightly` and an rc. */
async function releasedRepo(options: { config?: Record<string, unknown>; prefix?: string } = {}): Promise<TempRepo> {
  const repo = await createTempRepo();
  cleanups.push(() => repo.remove());
  const prefix = options.prefix ?? 'v';
  const config = options.config ?? { deploy: { workflow: 'deploy.yml' } };
  await repo.write(
    'shipwright.config.json',
    `${JSON.stringify({ ...config, ...(prefix === 'v' ? {} : { tagPrefix: prefix }) })}\n`,
  );
  await repo.git('add', '.');
  await repo.commit('chore: initial commit');
  await tagAt(repo, `${prefix}1.0.0`, '2024-02-01T09:00:00Z');
  await repo.commit('feat: search');
  await repo.commit('fix: crash on empty input');
  await tagAt(repo, `${prefix}1.1.0`, '2024-03-01T09:00:00Z');
  await repo.commit('fix(api): time out after 30 s');
  await repo.commit('feat!: new config format');
  await tagAt(repo, `${prefix}1.2.0`, '2024-04-01T09:00:00Z');
  await repo.tag('nightly');
  await repo.commit('feat: next thing');
  await tagAt(repo, `${prefix}1.3.0-rc.0`, '2024-04-15T09:00:00Z');
  return repo;
}

async function fakeGh(options?: Parameters<typeof createFakeGh>[0]): Promise<FakeGh> {
  const gh = await createFakeGh(options);
  cleanups.push(() => gh.remove());
  return gh;
}

/** A PATH with no gh on it (git itself is found through the test process's own PATH). */
async function pathWithoutGh(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-no-gh-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const rollback = (repo: TempRepo, path: string, ...args: string[]) =>
  runShipwright(['rollback', ...args], { cwd: repo.dir, env: { PATH: path } });

describe('shipwright rollback', () => {
  it('lists release tags with dates and what each later release brought; defaults to the previous release', async () => {
    const repo = await releasedRepo();
    const result = await rollback(repo, await pathWithoutGh(), '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Production runs v1.2.0 (2024-04-01). Rolling back to v1.1.0 (2024-03-01) takes out 1 release:\n  v1.2.0  2024-04-01  2 commits: 1 feature, 1 fix · 1 breaking\n',
    );
    expect(result.stdout).toContain(
      'Release tags, newest first:\n  v1.2.0  2024-04-01  production\n  v1.1.0  2024-03-01  ← rollback target\n  v1.0.0  2024-02-01\n',
    );
    expect(result.stdout).not.toContain('nightly');
    expect(result.stdout).not.toContain('rc.0');
    expect(result.stdout).toContain('Dry run: nothing was started.');
  });

  it('production is the newest release the production branch contains, not a newer tag on another branch', async () => {
    const repo = await releasedRepo();
    // v2.0.0 is tagged on a branch production never merged: production still runs v1.2.0.
    await repo.git('switch', '-q', '-c', 'next', 'v1.2.0');
    await repo.commit('feat!: the next major');
    await tagAt(repo, 'v2.0.0', '2024-05-01T09:00:00Z');
    await repo.git('switch', '-q', 'main');
    const result = await rollback(repo, await pathWithoutGh(), '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Production runs v1.2.0 (2024-04-01). Rolling back to v1.1.0 (2024-03-01) takes out 1 release:',
    );
    expect(result.stdout).not.toContain('v2.0.0');
  });

  it('TAG further back rolls back over every later release', async () => {
    const repo = await releasedRepo();
    const result = await rollback(repo, await pathWithoutGh(), '1.0.0', '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'takes out 2 releases:\n  v1.2.0  2024-04-01  2 commits: 1 feature, 1 fix · 1 breaking\n  v1.1.0  2024-03-01  2 commits: 1 feature, 1 fix\n',
    );
  });

  it('refuses the newest release and an unknown tag (exit 1), naming the valid ones', async () => {
    const repo = await releasedRepo();
    const path = await pathWithoutGh();
    const newest = await rollback(repo, path, 'v1.2.0');
    expect(newest.code).toBe(1);
    expect(newest.stderr).toContain(
      'v1.2.0 is the newest release, what production runs, so there is nothing to roll back.',
    );
    expect(newest.stderr).toContain('fix: pick an earlier release: v1.1.0, v1.0.0 (shipwright rollback TAG)');
    const unknown = await rollback(repo, path, 'v0.9.0');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no tag v0.9.0 in this repository.');
    expect(unknown.stderr).toContain('v1.1.0, v1.0.0');
    const notRelease = await rollback(repo, path, 'nightly');
    expect(notRelease.code).toBe(1);
    expect(notRelease.stderr).toContain('nightly is a tag but not a release tag');
  });

  it('with gh installed and logged in, --yes runs exactly `gh workflow run WORKFLOW -f tag=TAG`', async () => {
    const repo = await releasedRepo();
    const gh = await fakeGh();
    const result = await rollback(repo, gh.path, 'v1.0.0', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await gh.calls()).toEqual([
      ['auth', 'status'],
      ['workflow', 'run', 'deploy.yml', '-f', 'tag=v1.0.0'],
    ]);
    expect(result.stdout).toContain(
      'Redeploy v1.0.0 through deploy.yml:\n  gh workflow run deploy.yml -f tag=v1.0.0\n',
    );
    expect(result.stdout).toContain('fake gh: created workflow_dispatch event');
    expect(result.stdout).toContain(
      'Started deploy.yml for v1.0.0. Production runs v1.2.0 until that run succeeds.\nWatch it: gh run list --workflow deploy.yml',
    );
  });

  it('passes a tag with shell metacharacters as one literal argument, and prints it quoted for a shell', async () => {
    // git allows these characters in a tag name (spaces it does not).
    const prefix = "rel$(id>pwned);`id>pwned2`'";
    const repo = await releasedRepo({ prefix });
    const gh = await fakeGh();
    const ran = await rollback(repo, gh.path, '--yes');
    expect(ran.code, ran.stderr).toBe(0);
    expect((await gh.calls())[1]).toEqual(['workflow', 'run', 'deploy.yml', '-f', `tag=${prefix}1.1.0`]);
    expect(existsSync(join(repo.dir, 'pwned')) || existsSync(join(repo.dir, 'pwned2'))).toBe(false);

    // Without gh: the printed command, pasted into sh, gives gh exactly the same arguments.
    const manual = await rollback(repo, await pathWithoutGh());
    const command = manual.stdout
      .split('\n')
      .find((line) => line.startsWith('  gh workflow run'))
      ?.trim() as string;
    expect(command).toBe(`gh workflow run deploy.yml -f 'tag=rel$(id>pwned);\`id>pwned2\`'\\''1.1.0'`);
    const pasted = await fakeGh();
    execaSync('sh', ['-c', command], { cwd: repo.dir, env: { PATH: pasted.path } });
    expect(await pasted.calls()).toEqual([['workflow', 'run', 'deploy.yml', '-f', `tag=${prefix}1.1.0`]]);
    expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
  });

  it('without gh on PATH: prints the exact command and why, runs nothing, exit 0', async () => {
    const repo = await releasedRepo();
    const result = await rollback(repo, await pathWithoutGh(), '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Redeploy v1.1.0 by running this yourself:\n  gh workflow run deploy.yml -f tag=v1.1.0\nshipwright did not run it:\n  - gh is not installed: https://cli.github.com\n',
    );
    expect(result.stdout).not.toContain('Started');
  });

  it('with gh installed but `gh auth status` failing: the manual command and how to log in', async () => {
    const repo = await releasedRepo();
    const gh = await fakeGh({ authExitCode: 1 });
    const result = await rollback(repo, gh.path, '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '  gh workflow run deploy.yml -f tag=v1.1.0\nshipwright did not run it:\n  - gh is not logged in: gh auth login\n',
    );
    expect(await gh.calls()).toEqual([['auth', 'status']]);
  });

  it('--dry-run and a missing --yes without a terminal start nothing', async () => {
    const repo = await releasedRepo();
    const gh = await fakeGh();
    const dry = await rollback(repo, gh.path, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('  gh workflow run deploy.yml -f tag=v1.1.0\n');
    const unasked = await rollback(repo, gh.path);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('needs a confirmation, but there is no terminal to ask on');
    expect(unasked.stderr).toContain('fix: shipwright rollback --yes');
    expect((await gh.calls()).filter((call) => call[0] !== 'auth')).toEqual([]);
  });

  it('--json: one object with the plan, what later releases brought (subjects too), ran and gh’s exit code', async () => {
    const repo = await releasedRepo();
    const gh = await fakeGh();
    const dry = await rollback(repo, gh.path, '--json', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect(plan).toMatchObject({
      ok: true,
      current: { name: 'v1.2.0', version: '1.2.0', date: '2024-04-01T09:00:00+00:00' },
      target: { name: 'v1.1.0', version: '1.1.0', date: '2024-03-01T09:00:00+00:00' },
      action: {
        kind: 'gh',
        argv: ['gh', 'workflow', 'run', 'deploy.yml', '-f', 'tag=v1.1.0'],
        workflow: 'deploy.yml',
        command: 'gh workflow run deploy.yml -f tag=v1.1.0',
      },
      workflowSource: 'config',
      dryRun: true,
      ran: false,
      exitCode: null,
    });
    expect(plan.releases.map((tag: { name: string; role: string | null }) => [tag.name, tag.role])).toEqual([
      ['v1.2.0', 'production'],
      ['v1.1.0', 'target'],
      ['v1.0.0', null],
    ]);
    expect(plan.rolledBack).toHaveLength(1);
    expect(plan.rolledBack[0]).toMatchObject({
      name: 'v1.2.0',
      summary: { total: 2, breaking: 1, byType: { feat: 1, fix: 1 } },
    });
    expect(
      plan.rolledBack[0].commits.map((c: { subject: string; breaking: boolean }) => [c.subject, c.breaking]),
    ).toEqual([
      ['new config format', true],
      ['time out after 30 s', false],
    ]);

    const ran = await rollback(repo, gh.path, '--json', '--yes');
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ ok: true, dryRun: false, ran: true, exitCode: 0 });
    expect(ran.stderr).toContain('fake gh: created workflow_dispatch event');
  });

  it('--json when gh fails: still one object (ran, exit code), exit 3 with the fix on stderr', async () => {
    const repo = await releasedRepo();
    const gh = await fakeGh({ runExitCode: 4 });
    const result = await rollback(repo, gh.path, '--json', '--yes');
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, ran: true, exitCode: 4 });
    expect(result.stderr).toContain('`gh workflow run deploy.yml -f tag=v1.1.0` failed with exit code 4');
    expect(result.stderr).toContain('workflow_dispatch input "tag"');
  });

  it('no deploy.workflow: a placeholder and how to configure it; the workflow `init --ci github` writes is used when present', async () => {
    const repo = await releasedRepo({ config: {} });
    const gh = await fakeGh();
    const unconfigured = await rollback(repo, gh.path, '--yes');
    expect(unconfigured.code, unconfigured.stderr).toBe(0);
    expect(unconfigured.stdout).toContain(
      '  gh workflow run <production-workflow> -f tag=v1.1.0\nshipwright did not run it:\n  - no production workflow is configured: add "deploy": { "workflow": "deploy-production.yml" }',
    );
    expect((await gh.calls()).filter((call) => call[0] !== 'auth')).toEqual([]);

    await repo.write('.github/workflows/deploy-production.yml', 'name: Deploy production\n');
    const detected = await rollback(repo, gh.path, '--yes');
    expect(detected.code, detected.stderr).toBe(0);
    expect(detected.stdout).toContain('through deploy-production.yml (found in .github/workflows;');
    expect((await gh.calls()).at(-1)).toEqual(['workflow', 'run', 'deploy-production.yml', '-f', 'tag=v1.1.0']);
  });

  it('uses deploy.tagInput as the workflow input name', async () => {
    const repo = await releasedRepo({ config: { deploy: { workflow: 'Deploy production', tagInput: 'release_tag' } } });
    const gh = await fakeGh();
    const result = await rollback(repo, gh.path, '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect((await gh.calls()).at(-1)).toEqual(['workflow', 'run', 'Deploy production', '-f', 'release_tag=v1.1.0']);
  });

  it('--help shows the forms and examples', async () => {
    const repo = await releasedRepo();
    const help = await rollback(repo, await pathWithoutGh(), '--help');
    expect(help.stdout).toContain('Usage: shipwright rollback [TAG]');
    expect(help.stdout).toContain('shipwright rollback v1.3.0 --yes');
    expect(help.stdout).toContain('--revert');
  });
});

describe('shipwright rollback --revert', () => {
  /** v1.0.0 ← feat (a.txt), release commit → v1.1.0 ← fix (b.txt) → v1.2.0. */
  async function releasesWithFiles(): Promise<TempRepo> {
    const repo = await createTempRepo();
    cleanups.push(() => repo.remove());
    await repo.write('package.json', '{\n  "name": "demo",\n  "version": "1.0.0"\n}\n');
    await repo.git('add', '.');
    await repo.commit('chore: initial commit', { path: 'a.txt', content: 'a: old\n' });
    await tagAt(repo, 'v1.0.0', '2024-02-01T09:00:00Z');
    await repo.commit('feat: new a', { path: 'a.txt', content: 'a: new\n' });
    await repo.commit('chore(release): v1.1.0', {
      path: 'package.json',
      content: '{\n  "name": "demo",\n  "version": "1.1.0"\n}\n',
    });
    await tagAt(repo, 'v1.1.0', '2024-03-01T09:00:00Z');
    await repo.commit('fix: b', { path: 'b.txt', content: 'b\n' });
    await tagAt(repo, 'v1.2.0', '2024-04-01T09:00:00Z');
    return repo;
  }

  it('starts hotfix/1.2.1-rollback from the production tag with the later changes reverted, ready for hotfix finish', async () => {
    const repo = await releasesWithFiles();
    const result = await rollback(repo, await pathWithoutGh(), 'v1.0.0', '--revert', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('create hotfix/1.2.1-rollback from v1.2.0');
    expect(result.stdout).toContain('On hotfix/1.2.1-rollback: 2 reverts bringing the code back to v1.0.0.');
    expect(await repo.git('branch', '--show-current')).toBe('hotfix/1.2.1-rollback');
    expect(await repo.git('log', '--format=%s', 'v1.2.0..HEAD')).toBe('Revert "feat: new a"\nRevert "fix: b"');
    expect(await repo.git('show', 'HEAD:a.txt')).toBe('a: old');
    await expect(repo.git('cat-file', '-e', 'HEAD:b.txt')).rejects.toThrow();
    // The release commit stays: versions and changelog sections are history.
    expect(JSON.parse(await repo.git('show', 'HEAD:package.json')).version).toBe('1.1.0');

    const shipped = await runShipwright(['hotfix', 'finish', '--yes', '--no-push'], {
      cwd: repo.dir,
      env: { SOURCE_DATE_EPOCH: '1717200000' },
    });
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(await repo.git('tag', '-l', 'v1.2.1')).toBe('v1.2.1');
    expect(await repo.git('show', 'main:CHANGELOG.md')).toContain('new a');
  });

  it('--dry-run --json shows the plan of reverts and writes nothing', async () => {
    const repo = await releasesWithFiles();
    const refs = await repo.git('for-each-ref');
    const result = await rollback(repo, await pathWithoutGh(), 'v1.1.0', '--revert', '--dry-run', '--json');
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout.trim().split('\n')[0] as string);
    expect(plan).toMatchObject({ type: 'plan', branch: 'hotfix/1.2.1-rollback', target: 'v1.1.0', reverted: 1 });
    expect(plan.plan.steps.map((step: { kind: string }) => step.kind)).toEqual(['create-branch', 'cherry-pick']);
    expect(await repo.git('for-each-ref')).toBe(refs);
  });
});
