// The TUI's hotfix/backport/conflict services on real repositories: the matrix as the screen draws
// it, a backport run with its events, a conflict that pauses it, continue refused while unresolved,
// then continue, skip and abort — and every refusal answered as data with its fix.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { createHotfixBackportServices } from '../../src/app/tui-hotfix-backport-services.js';
import type { EngineEvent } from '../../src/engine/run-steps.js';
import type { HotfixBackportServices } from '../../src/app/hotfix-backport-services.js';
import { runReducer, startRun } from '../../src/tui/models/run-model.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

/** v1.0.0 on main, dev forked there; main then fixes a.txt. With `conflict`, dev rewrote that line. */
async function divergent(
  options: { conflict?: boolean } = {},
): Promise<{ repo: TempRepo; services: HotfixBackportServices; fix: string }> {
  const repo = await createTempRepo();
  repos.push(repo);
  await repo.commit('chore: initial commit', { path: 'a.txt', content: 'a: broken\n' });
  await repo.tag('v1.0.0', { message: 'v1.0.0' });
  await repo.git('branch', 'dev');
  const fix = await repo.commit('fix(a): repair a', { path: 'a.txt', content: 'a: fixed\n' });
  if (options.conflict) {
    await repo.git('switch', '-q', 'dev');
    await repo.commit('chore: reword a', { path: 'a.txt', content: 'a: reworded on dev\n' });
    await repo.git('switch', '-q', 'main');
  }
  const open = await openRepo(repo.dir);
  return { repo, services: createHotfixBackportServices(async () => openRepo(open.cwd)), fix };
}

const events = () => {
  const seen: EngineEvent[] = [];
  return { seen, onEvent: (event: EngineEvent) => seen.push(event) };
};

describe('the TUI hotfix, backport and conflict services', () => {
  it('reads the matrix with short hashes and headers, one cell per target', async () => {
    const { services, fix } = await divergent();
    const answer = await services.readBackportMatrix();
    expect(answer).toEqual({
      ok: true,
      value: {
        source: 'main',
        targets: ['dev'],
        rows: [
          {
            hash: fix,
            shortHash: expect.stringMatching(/^[0-9a-f]{7,}$/),
            header: 'fix(a): repair a',
            cells: ['missing'],
          },
        ],
      },
    });
  });

  it('backports with events; dev gets the pick with its -x line', async () => {
    const { repo, services, fix } = await divergent();
    const prepared = await services.prepareBackport({ commits: [fix], targets: ['dev'] });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const { seen, onEvent } = events();
    const result = await services.runPlanWithEvents(prepared.value.plan, onEvent);
    expect(result).toMatchObject({ ok: true, skipped: [] });
    expect(seen.filter((event) => event.type === 'step-done')).toHaveLength(prepared.value.plan.steps.length);
    expect(await repo.git('log', '-1', '--format=%B', 'dev')).toContain(`(cherry picked from commit ${fix})`);
  });

  it('answers a refusal as data with its fix', async () => {
    const { services } = await divergent();
    const answer = await services.prepareBackport({ commits: ['nope'], targets: ['dev'] });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'usage',
        message: "'nope' is not a commit here.",
        fix: expect.stringContaining('shipwright backport --list'),
      },
    });
  });

  it('pauses on a conflict; continue is refused while unresolved and concludes once resolved', async () => {
    const { repo, services, fix } = await divergent({ conflict: true });
    const prepared = await services.prepareBackport({ commits: [fix], targets: ['dev'] });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const { seen, onEvent } = events();
    const paused = await services.runPlanWithEvents(prepared.value.plan, onEvent);
    expect(paused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const pause = seen.find((event) => event.type === 'paused');
    expect(pause).toMatchObject({ files: ['a.txt'], target: 'dev' });
    if (pause?.type !== 'paused') throw new Error('no pause');

    const refused = await services.continueRun({ skip: false }, () => undefined);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('still has conflicts in:\n  a.txt') },
    });

    await writeFile(join(pause.directory, 'a.txt'), 'a: fixed and reworded\n');
    await repo.git('-C', pause.directory, 'add', 'a.txt');
    const resumed = await services.continueRun({ skip: false }, () => undefined);
    expect(resumed).toMatchObject({ ok: true, skipped: [] });
    expect(await repo.git('show', 'dev:a.txt')).toBe('a: fixed and reworded');
    expect(existsSync(pause.directory)).toBe(false);
  });

  it('the run model, fed the engine’s own events, shows a settled pick done and a skipped target skipped', async () => {
    const { repo, services, fix } = await divergent({ conflict: true });
    await repo.git('switch', '-q', '-c', 'release/1.0', 'v1.0.0');
    await repo.commit('chore: reword a for 1.0', { path: 'a.txt', content: 'a: reworded on 1.0\n' });
    await repo.git('switch', '-q', 'main');
    const prepared = await services.prepareBackport({ commits: [fix], targets: ['dev', 'release/1.0'] });
    if (!prepared.ok) throw new Error(prepared.error.message);
    let run = startRun(prepared.value.plan);
    const attempt = async (choice: 'continue' | 'skip' | null): Promise<void> => {
      if (choice) run = runReducer(run, { type: 'choose', choice });
      const onEvent = (event: EngineEvent) => (run = runReducer(run, { type: 'engine', event }));
      const result = choice
        ? await services.continueRun({ skip: choice === 'skip' }, onEvent)
        : await services.runPlanWithEvents(prepared.value.plan, onEvent);
      run = runReducer(run, { type: 'finished', result });
    };
    const statusOf = (description: string) => run.steps.find((step) => step.description === description);
    const pick = (target: string) => `pick ${fix.slice(0, 7)} "fix(a): repair a" onto ${target}`;

    await attempt(null);
    expect(run).toMatchObject({ phase: 'paused', pause: { target: 'dev' } });
    await writeFile(join(run.pause?.directory ?? '', 'a.txt'), 'a: fixed and reworded\n');
    await repo.git('-C', run.pause?.directory ?? '', 'add', 'a.txt');
    await attempt('continue');
    expect(run).toMatchObject({ phase: 'paused', pause: { target: 'release/1.0' } });
    expect(statusOf(pick('dev'))).toEqual({
      description: pick('dev'),
      status: 'done',
      note: 'conflicts resolved, pick committed',
    });

    await attempt('skip');
    expect(run.phase).toBe('done');
    expect(statusOf(pick('dev'))?.status).toBe('done');
    expect(statusOf(pick('release/1.0'))).toEqual({
      description: pick('release/1.0'),
      status: 'skipped',
      note: 'release/1.0 left for later',
    });
    expect(statusOf('move release/1.0 to the picked commits')?.status).toBe('skipped');
    expect(run.steps.filter((step) => step.status === 'skipped')).toHaveLength(2);
    expect(await repo.git('log', '-1', '--format=%B', 'dev')).toContain(`(cherry picked from commit ${fix})`);
  });

  it('skip leaves the target as it was; abort puts everything back', async () => {
    for (const choice of ['skip', 'abort'] as const) {
      const { repo, services, fix } = await divergent({ conflict: true });
      const devBefore = await repo.git('rev-parse', 'dev');
      const prepared = await services.prepareBackport({ commits: [fix], targets: ['dev'] });
      if (!prepared.ok) throw new Error(prepared.error.message);
      await services.runPlanWithEvents(prepared.value.plan, () => undefined);
      if (choice === 'skip')
        expect(await services.continueRun({ skip: true }, () => undefined)).toMatchObject({
          ok: true,
          skipped: [{ target: 'dev' }],
        });
      else
        expect(await services.abortRun()).toMatchObject({
          ok: true,
          command: expect.stringContaining('Backport 1 commit'),
          failures: [],
        });
      expect(await repo.git('rev-parse', 'dev')).toBe(devBefore);
      expect((await repo.git('worktree', 'list')).split('\n')).toHaveLength(1);
      expect(await services.continueRun({ skip: false }, () => undefined)).toMatchObject({
        ok: false,
        error: { code: 'nothing-to-continue' },
      });
    }
  });

  it('stopRun stops a run and a continue as Ctrl-C would: what was done is put back', async () => {
    const { repo, services, fix } = await divergent({ conflict: true });
    await repo.git('branch', 'release/1.0', 'v1.0.0');
    const before = await repo.git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/');
    const prepared = await services.prepareBackport({ commits: [fix], targets: ['release/1.0', 'dev'] });
    if (!prepared.ok) throw new Error(prepared.error.message);

    let stopped = false;
    const stopOnFirstDone = (event: EngineEvent) => {
      if (event.type === 'step-done' && !stopped) {
        stopped = true;
        services.stopRun();
      }
    };
    expect(await services.runPlanWithEvents(prepared.value.plan, stopOnFirstDone)).toMatchObject({
      ok: false,
      error: { code: 'interrupted' },
    });
    expect(await repo.git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/')).toBe(before);

    // Again to the conflict on dev, resolved; the continue is stopped as soon as it settles the pick.
    const { seen, onEvent } = events();
    await services.runPlanWithEvents(prepared.value.plan, onEvent);
    const pause = seen.find((event) => event.type === 'paused');
    if (pause?.type !== 'paused') throw new Error('no pause');
    await writeFile(join(pause.directory, 'a.txt'), 'a: fixed and reworded\n');
    await repo.git('-C', pause.directory, 'add', 'a.txt');
    const resumed = await services.continueRun(
      { skip: false },
      (event) => event.type === 'step-done' && services.stopRun(),
    );
    expect(resumed).toMatchObject({ ok: false, error: { code: 'interrupted' } });
    expect(await repo.git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/')).toBe(before);
    expect(existsSync(join(repo.dir, '.git', 'shipwright', 'journal.json'))).toBe(false);
  });

  it('reads the hotfix outlook: releases with the version a hotfix from each would get', async () => {
    const { services } = await divergent();
    expect(await services.readHotfixOutlook()).toEqual({
      ok: true,
      value: {
        branch: 'main',
        prefix: 'hotfix/',
        onHotfix: false,
        production: 'main',
        releases: [{ tag: 'v1.0.0', version: '1.0.0', next: '1.0.1' }],
        productionTag: 'v1.0.0',
      },
    });
  });
});
