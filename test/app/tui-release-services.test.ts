// The wizard's services on real repositories with a real bare remote: the outlook per branch
// model, checks reported live, a custom version, and the engine's events for a run that succeeds
// and one the remote rejects (rolled back, reported as data).
import { describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import type { PreflightCheckEvent } from '../../src/app/release-preflight.js';
import { createTuiServices } from '../../src/app/tui-services.js';
import type { EngineEvent } from '../../src/engine/run-steps.js';
import { createGitflowRepo, createReleaseRepo, rejectPushes, removedAfterEach } from '../helpers/release-repo.js';

const track = removedAfterEach();

const servicesFor = async (dir: string) => createTuiServices(await openRepo(dir));

describe('release services', () => {
  it('offers the versions of a trunk repository, 0.x breaking changes bumping the minor', async () => {
    const { repo } = await track(createReleaseRepo());
    const outlook = await (await servicesFor(repo.dir)).readReleaseOutlook();
    expect(outlook).toMatchObject({ flow: 'trunk', branch: 'main', current: '0.1.0' });
    expect(outlook.options.map((option) => option.version)).toEqual(['0.2.0', '0.1.1', '0.2.0', '0.2.0', '0.2.0-rc.0']);
    expect(outlook.reason).toContain('minor bump from v0.1.0');
  });

  it('says gitflow start on dev and finish on a release branch (whose name fixes the version)', async () => {
    const { repo } = await track(createGitflowRepo());
    expect(await (await servicesFor(repo.dir)).readReleaseOutlook()).toMatchObject({
      flow: 'start',
      integration: 'dev',
      current: '0.1.0',
    });
    await repo.git('switch', '-q', '-c', 'release/0.2.0');
    expect(await (await servicesFor(repo.dir)).readReleaseOutlook()).toMatchObject({
      flow: 'finish',
      branch: 'release/0.2.0',
      options: [],
    });
  });

  it('reports each check as it passes and prepares a custom version', async () => {
    const { repo } = await track(createReleaseRepo());
    const checks: PreflightCheckEvent[] = [];
    const prepared = await (
      await servicesFor(repo.dir)
    ).prepareRelease({ kind: 'custom', version: '1.0.0-beta.1' }, (check) => checks.push(check));
    expect(prepared.ok && prepared.release.tag).toBe('v1.0.0-beta.1');
    expect(checks.map((check) => `${check.status} ${check.id}`)).toEqual([
      'passed no-pending-run',
      'passed history',
      'passed branch',
      'passed clean-tree',
      'passed flow',
      'passed fetch:main',
      'passed upstream:main',
      'passed tag',
    ]);
  });

  it('returns a refusal as data with its fix', async () => {
    const { repo } = await track(createReleaseRepo());
    await repo.write('stray.txt', 'x\n');
    const prepared = await (await servicesFor(repo.dir)).prepareRelease({ kind: 'suggested' }, () => undefined);
    expect(prepared).toMatchObject({
      ok: false,
      error: { code: 'dirty-tree', fix: 'commit or stash your changes first: git stash push --include-untracked' },
    });
  });

  it('runs the plan with every engine event, and reports a rejected push with what was restored', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const services = await servicesFor(repo.dir);
    const prepared = await services.prepareRelease({ kind: 'bump', bump: 'patch' }, () => undefined);
    if (!prepared.ok) throw new Error(prepared.error.message);
    await rejectPushes(remote);
    const events: EngineEvent[] = [];
    const result = await services.runRelease(prepared.release.plan, (event) => events.push(event));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toContain('pushes are frozen');
    const rolledBack = events.find((event) => event.type === 'rolled-back');
    expect(rolledBack?.type === 'rolled-back' && rolledBack.restored).toContain('tag v0.1.1 deleted');
    expect(await repo.git('tag', '-l', 'v0.1.1')).toBe('');
  });

  it('stops a run when asked: the step in progress finishes, then what was done is put back', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const services = await servicesFor(repo.dir);
    const prepared = await services.prepareRelease({ kind: 'suggested' }, () => undefined);
    if (!prepared.ok) throw new Error(prepared.error.message);
    const head = await repo.git('rev-parse', 'HEAD');
    const events: EngineEvent[] = [];
    const result = await services.runRelease(prepared.release.plan, (event) => {
      events.push(event);
      if (event.type === 'step-done' && event.index === 1) services.stopRelease();
    });
    expect(result.ok ? '' : result.error.message).toContain('interrupted by Ctrl-C');
    expect(events.map((event) => event.type)).toEqual([
      'step-started',
      'step-done',
      'step-started',
      'step-done',
      'interrupted',
      'step-failed',
      'rolled-back',
    ]);
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('');
  });
});
