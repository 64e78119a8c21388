// An engine run as a reducer: steps as the engine reports them, a pause and its three choices, and
// how each kind of attempt ends (done, paused again, still unresolved, rolled back, aborted).
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/core/plan/plan.js';
import { helpText } from '../../../src/tui/keymap.js';
import {
  onRunKey,
  runKey,
  runKeymap,
  runReducer,
  startRun,
  stepWindow,
  type RunEvent,
  type RunState,
} from '../../../src/tui/models/run-model.js';
import { CONFLICT_ERROR, doneEvents, pausedAt } from '../support/fix-data.js';
import { ctrl, text } from '../support/keys.js';

const plan: Plan = {
  title: 'Backport 1 commit',
  steps: [
    {
      kind: 'add-worktree',
      path: '/w/1-dev',
      commit: 'refs/heads/dev',
      description: 'check out dev in a private worktree',
    },
    {
      kind: 'cherry-pick',
      commit: 'a'.repeat(40),
      into: 'dev',
      worktree: '/w/1-dev',
      target: 'dev',
      description: 'pick aaaaaaa "fix: a" onto dev',
    },
    {
      kind: 'update-branch',
      branch: 'dev',
      worktree: '/w/1-dev',
      expect: 'c'.repeat(40),
      target: 'dev',
      description: 'move dev to the picked commits',
    },
    { kind: 'remove-worktree', path: '/w/1-dev', description: 'remove the worktree of dev' },
  ],
};

const engine = (events: ReturnType<typeof doneEvents>): RunEvent[] =>
  events.map((event) => ({ type: 'engine', event }));
const apply = (state: RunState, events: RunEvent[]): RunState => events.reduce(runReducer, state);
const paused = (): RunState =>
  apply(startRun(plan), [
    ...engine([...doneEvents(plan, 1), ...pausedAt(plan, 1, ['a.txt'], 'dev', '/w/1-dev')]),
    { type: 'finished', result: { ok: false, error: CONFLICT_ERROR, output: '' } },
  ]);

describe('runReducer', () => {
  it('lists the plan’s steps, pending, and marks each as the engine reports it', () => {
    const state = apply(startRun(plan), engine(doneEvents(plan, 2)));
    expect(state.steps.map((step) => step.status)).toEqual(['done', 'done', 'pending', 'pending']);
    expect(apply(state, [{ type: 'finished', result: { ok: true, output: '', skipped: [] } }])).toMatchObject({
      phase: 'done',
      error: null,
    });
  });

  it('pauses on a conflict with the files, the branch and where to resolve, without showing the CLI’s text', () => {
    const state = paused();
    expect(state).toMatchObject({
      phase: 'paused',
      error: null,
      pause: { step: 'pick aaaaaaa "fix: a" onto dev', files: ['a.txt'], target: 'dev', directory: '/w/1-dev' },
    });
    expect(state.steps[1]?.status).toBe('paused');
  });

  it('offers c, s and a only while paused, each starting a new attempt', () => {
    expect(runKey(paused(), text('c'))).toBe('continue');
    expect(runKey(paused(), text('s'))).toBe('skip');
    expect(runKey(paused(), text('a'))).toBe('abort');
    expect(runKey(paused(), text('q'))).toBe('leave');
    expect(runKey(startRun(plan), text('c'))).toBeNull();
    expect(helpText(runKeymap(paused()))).toBe(
      'c continue (resolved) · s skip this branch · a abort all · q/esc leave it paused',
    );
    expect(runReducer(paused(), { type: 'choose', choice: 'skip' })).toMatchObject({
      phase: 'skipping',
      attempt: { id: 2, kind: 'skip' },
    });
    expect(runReducer(startRun(plan), { type: 'choose', choice: 'abort' }).phase).toBe('running');
  });

  it('stops on Ctrl-C while the engine works (not while aborting), then fails with what was put back', () => {
    const running = startRun(plan);
    expect(helpText(runKeymap(running))).toBe('ctrl+c stop and put everything back');
    const stopping = onRunKey(running, ctrl('c'))!.run;
    expect(stopping.stopping).toBe(true);
    expect(runKeymap(stopping)).toEqual([]);
    expect(onRunKey(stopping, text('c'))).toEqual({ run: stopping, leave: false });
    const aborting = runReducer(paused(), { type: 'choose', choice: 'abort' });
    expect(runReducer(aborting, { type: 'stop' }).stopping).toBe(false);
    const error = { code: 'interrupted', message: 'Step 2 failed: interrupted by Ctrl-C\nRestored: dev.' } as const;
    const stopped = apply(stopping, [
      ...engine([
        { type: 'interrupted', signal: 'Ctrl-C' },
        { type: 'rolled-back', restored: ['dev'], failures: [] },
      ]),
      { type: 'finished', result: { ok: false, error, output: '' } },
    ]);
    expect(stopped).toMatchObject({ phase: 'failed', error, rollback: { restored: ['dev'] } });
    expect(onRunKey(stopped, text('q'))).toBeNull();
  });

  it('stays paused with the engine’s message when continue finds the conflict unresolved', () => {
    const still = {
      code: 'conflict',
      message: 'pick aaaaaaa still has conflicts in:\n  a.txt',
      fix: 'edit those files…',
    } as const;
    const state = apply(paused(), [
      { type: 'choose', choice: 'continue' },
      { type: 'finished', result: { ok: false, error: still, output: '' } },
    ]);
    expect(state).toMatchObject({ phase: 'paused', error: still, pause: { files: ['a.txt'] } });
  });

  it('marks the resolved step done, with what became of it, and finishes the rest on continue', () => {
    const state = apply(paused(), [
      { type: 'choose', choice: 'continue' },
      ...engine([
        { type: 'step-done', index: 1, step: plan.steps[1]!, outcome: 'conflicts resolved, pick committed' },
        ...doneEvents(plan, 4, 2),
      ]),
      { type: 'finished', result: { ok: true, output: '', skipped: [] } },
    ]);
    expect(state.phase).toBe('done');
    expect(state.steps.map((step) => step.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(state.steps[1]).toEqual({
      description: 'pick aaaaaaa "fix: a" onto dev',
      status: 'done',
      note: 'conflicts resolved, pick committed',
    });
  });

  it('marks the branch left for later on skip and keeps how to bring the change there', () => {
    const skipped = { target: 'dev', command: 'shipwright backport aaaaaaaaaaaa --to dev' };
    const state = apply(paused(), [
      { type: 'choose', choice: 'skip' },
      ...engine([{ type: 'step-skipped', index: 1, step: plan.steps[1]!, reason: 'dev left for later' }]),
      { type: 'finished', result: { ok: true, output: '', skipped: [skipped] } },
    ]);
    expect(state).toMatchObject({ phase: 'done', skipped: [skipped] });
    expect(state.steps[1]).toEqual({
      description: 'pick aaaaaaa "fix: a" onto dev',
      status: 'skipped',
      note: 'dev left for later',
    });
  });

  it('pauses again, without an error, when a later step conflicts during continue', () => {
    const state = apply(paused(), [
      { type: 'choose', choice: 'continue' },
      ...engine(pausedAt(plan, 2, ['b.txt'], 'dev')),
      { type: 'finished', result: { ok: false, error: CONFLICT_ERROR, output: '' } },
    ]);
    expect(state).toMatchObject({ phase: 'paused', error: null, pause: { files: ['b.txt'] } });
  });

  it('fails with what was restored when the engine rolled back', () => {
    const error = { code: 'step-failed', message: 'Step 3 failed: disk full\nRestored: dev.' } as const;
    const state = apply(startRun(plan), [
      ...engine([
        ...doneEvents(plan, 2),
        { type: 'step-failed', index: 2, step: plan.steps[2]!, error: 'disk full' },
        { type: 'rolled-back', restored: ['dev'], failures: [] },
      ]),
      { type: 'finished', result: { ok: false, error, output: '' } },
    ]);
    expect(state).toMatchObject({ phase: 'failed', error, rollback: { restored: ['dev'], failures: [] } });
    expect(state.steps[2]).toMatchObject({ status: 'failed', note: 'disk full' });
  });

  it('fails a first run refused before its first step (another run holds the lock)', () => {
    const error = { code: 'engine-locked', message: 'another shipwright run is in progress' } as const;
    expect(apply(startRun(plan), [{ type: 'finished', result: { ok: false, error, output: '' } }])).toMatchObject({
      phase: 'failed',
      error,
    });
  });

  it('ends aborted with what was put back, or stays paused when abort is refused', () => {
    const undone = apply(paused(), [
      { type: 'choose', choice: 'abort' },
      {
        type: 'aborted',
        result: { ok: true, command: 'x', restored: ['dev'], failures: [], notes: ['Moved the journal'] },
      },
    ]);
    expect(undone).toMatchObject({
      phase: 'aborted',
      pause: null,
      undone: { restored: ['dev'], failures: [], notes: ['Moved the journal'] },
    });
    const error = { code: 'abort-incomplete', message: 'could not restore dev' } as const;
    expect(
      apply(paused(), [
        { type: 'choose', choice: 'abort' },
        { type: 'aborted', result: { ok: false, error } },
      ]),
    ).toMatchObject({ phase: 'paused', error });
  });
  it('keeps the steps done when abort finished a run the remote already had, and says why', () => {
    const finished = 'origin already has v0.2.0, so abort cannot undo it: finished `x` instead';
    const state = apply(startRun(plan), engine(doneEvents(plan, 2)));
    const after = apply(state, [
      { type: 'aborted', result: { ok: true, command: 'x', restored: [], failures: [], notes: [], finished } },
    ]);
    expect(after).toMatchObject({ phase: 'aborted', undone: { finished } });
    expect(after.steps.map((step) => step.status)).toEqual(state.steps.map((step) => step.status));
  });
});

describe('stepWindow', () => {
  const steps = Array.from({ length: 20 }, (_, index) => ({
    description: `step ${index}`,
    status: index < 12 ? ('done' as const) : ('pending' as const),
  }));
  it('keeps the newest started step in the middle of the window, within the list', () => {
    expect(stepWindow(steps, 6).start).toBe(8);
    expect(
      stepWindow(
        steps.map((step) => ({ ...step, status: 'pending' as const })),
        6,
      ).start,
    ).toBe(0);
    expect(
      stepWindow(
        steps.map((step) => ({ ...step, status: 'done' as const })),
        6,
      ).start,
    ).toBe(14);
    expect(stepWindow(steps.slice(0, 3), 6)).toMatchObject({ start: 0, steps: { length: 3 } });
  });
});
