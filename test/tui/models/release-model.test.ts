// The release wizard's reducer from data: checks, answers, keys and engine events in, phases out.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../src/engine/run-steps.js';
import {
  customCheck,
  initialRelease,
  releaseReducer,
  type ReleaseEvent,
  type ReleaseState,
} from '../../../src/tui/models/release-model.js';
import type { ErrorReport } from '../../../src/app/screen-services.js';
import { allDone } from '../support/fake-release-services.js';
import { burst, press, text } from '../support/keys.js';
import {
  anOutlook,
  aPackagesRelease,
  aReleaseFinish,
  aTrunkRelease,
  PACKAGE_ROWS,
  PASSED_CHECKS,
} from '../support/release-data.js';
import { selectionRequest } from '../../../src/tui/models/package-selection.js';

const key = (event: ReturnType<typeof press>): ReleaseEvent => ({ type: 'key', ...event });
const typed = (input: string): ReleaseEvent[] => burst(input).map((event) => ({ type: 'key', ...event }));
const apply = (state: ReleaseState, ...events: ReleaseEvent[]): ReleaseState => events.reduce(releaseReducer, state);

const NOTHING: ErrorReport = {
  code: 'nothing-to-release',
  message: 'Nothing to release since v1.4.2: no commit is a fix, a feature or a breaking change.',
  fix: 'commit a fix or feature first',
};
const DIRTY: ErrorReport = {
  code: 'dirty-tree',
  message: 'The working tree is not clean (?? stray.txt).',
  fix: 'commit or stash your changes first: git stash push --include-untracked',
};

/** Preflight passed with the suggestion 1.5.0 prepared: the version menu. */
const atChoose = (): ReleaseState =>
  apply(
    initialRelease(),
    { type: 'outlook', outlook: anOutlook() },
    ...PASSED_CHECKS.map((check): ReleaseEvent => ({ type: 'check', check })),
    { type: 'prepared', preparation: { ok: true, release: aTrunkRelease('1.5.0') } },
  );

const atConfirm = (): ReleaseState => apply(atChoose(), key(press('return')), key(press('return')));

describe('releaseReducer: preflight', () => {
  it('fills in the checks as they are reported, a check reported again replacing the first report', () => {
    const first = PASSED_CHECKS[0]!;
    const state = apply(
      initialRelease(),
      { type: 'check', check: first },
      { type: 'check', check: PASSED_CHECKS[1]! },
      { type: 'check', check: { ...first, status: 'failed', detail: 'a run is waiting' } },
    );
    expect(state.phase).toBe('preflight');
    expect(state.checks.map((check) => `${check.id} ${check.status}`)).toEqual([
      'no-pending-run failed',
      'history passed',
    ]);
  });

  it('goes to the version menu on the suggestion, whose Enter reviews it without preparing again', () => {
    const state = atChoose();
    expect(state).toMatchObject({ phase: 'choose', optionIndex: 0, suggested: { version: '1.5.0' } });
    const reviewed = apply(state, key(press('return')));
    expect(reviewed.phase).toBe('review');
    expect(reviewed.release).toBe(state.suggested);
  });

  it('stops on a refusal, and r checks again from the start', () => {
    const refused = apply(
      initialRelease(),
      { type: 'check', check: PASSED_CHECKS[0]! },
      { type: 'prepared', preparation: { ok: false, error: DIRTY } },
    );
    expect(refused).toMatchObject({ phase: 'refused', error: DIRTY });
    expect(apply(refused, ...typed('r'))).toMatchObject({ phase: 'preflight', checks: [], error: null });
  });

  it('with nothing suggested, offers the bumps with the cursor on patch and refuses the suggestion', () => {
    const state = apply(
      initialRelease(),
      {
        type: 'outlook',
        outlook: anOutlook({
          options: anOutlook().options.map((option) =>
            option.choice.kind === 'suggested' || option.choice.kind === 'prerelease'
              ? { ...option, version: null }
              : option,
          ),
        }),
      },
      { type: 'prepared', preparation: { ok: false, error: NOTHING } },
    );
    expect(state).toMatchObject({ phase: 'choose', optionIndex: 1, nothing: NOTHING });
    expect(apply(state, key(press('up')), key(press('return'))).phase).toBe('choose');
  });

  it('reviews a finish at once: the branch names the version', () => {
    const state = apply(initialRelease(), {
      type: 'prepared',
      preparation: { ok: true, release: aReleaseFinish('1.4.0') },
    });
    expect(state.phase).toBe('review');
    expect(apply(state, key(press('escape'))).phase).toBe('closed');
  });

  it('may be left while the checks run', () => {
    expect(apply(initialRelease(), ...typed('q')).phase).toBe('closed');
  });
});

describe('releaseReducer: choosing a version', () => {
  it('prepares minor when it is chosen, then reviews that release', () => {
    const preparing = apply(atChoose(), ...typed('jj'), key(press('return')));
    expect(preparing).toMatchObject({ phase: 'preparing', choice: { kind: 'bump', bump: 'minor' } });
    const reviewed = apply(preparing, { type: 'prepared', preparation: { ok: true, release: aTrunkRelease('1.5.0') } });
    expect(reviewed).toMatchObject({ phase: 'review', release: { version: '1.5.0' }, scroll: 0 });
  });

  it('refuses a custom version that is not above the current release, and prepares a valid one', () => {
    const custom = apply(atChoose(), ...typed('jjjjj'), key(press('return')));
    expect(custom.phase).toBe('custom');
    const low = apply(custom, ...typed('1.4.0\r'));
    expect(low.phase).toBe('custom');
    expect(customCheck(low)).toEqual({
      ok: false,
      reason: '1.4.0 is not above the current release 1.4.2: type a higher version, e.g. 1.5.0',
    });
    const cleared = apply(low, ...Array.from({ length: 5 }, () => key(press('backspace'))));
    expect(apply(cleared, ...typed('2.1.0-beta.1\r'))).toMatchObject({
      phase: 'preparing',
      choice: { kind: 'custom', version: '2.1.0-beta.1' },
    });
  });

  it('shows a refused preparation on the step it came from', () => {
    const refusal: ErrorReport = {
      code: 'tag-exists-remote',
      message: 'The tag v2.0.0 already exists on origin (but not here).',
    };
    const fromMenu = apply(atChoose(), ...typed('jjj'), key(press('return')), {
      type: 'prepared',
      preparation: { ok: false, error: refusal },
    });
    expect(fromMenu).toMatchObject({ phase: 'choose', error: refusal, optionIndex: 3 });
    const fromCustom = apply(atChoose(), key(press('up')), key(press('return')), ...typed('2.0.0\r'), {
      type: 'prepared',
      preparation: { ok: false, error: refusal },
    });
    expect(fromCustom).toMatchObject({ phase: 'custom', error: refusal });
  });

  it('ignores an answer that arrives after the wizard was closed', () => {
    const closed = apply(initialRelease(), ...typed('q'));
    expect(apply(closed, { type: 'prepared', preparation: { ok: true, release: aTrunkRelease('1.5.0') } }).phase).toBe(
      'closed',
    );
  });
});

describe('releaseReducer: review and confirm', () => {
  it('scrolls the review within its lines', () => {
    const review = apply(atChoose(), { type: 'viewport', height: 5 }, key(press('return')));
    expect(apply(review, key(press('pagedown'))).scroll).toBe(5);
    expect(apply(review, ...typed('jjj'), key(press('up'))).scroll).toBe(2);
    expect(apply(review, ...Array.from({ length: 20 }, () => key(press('pagedown')))).scroll).toBeLessThan(30);
    expect(apply(review, key(press('pageup'))).scroll).toBe(0);
  });

  it('goes back from confirm to review and from review to the menu', () => {
    const confirm = atConfirm();
    expect(confirm.phase).toBe('confirm');
    expect(apply(confirm, ...typed('n')).phase).toBe('review');
    expect(apply(confirm, ...typed('n'), key(press('escape'))).phase).toBe('choose');
  });
});

describe('releaseReducer: the checklist confirmations', () => {
  const withChecklist = () => {
    const release = {
      ...aTrunkRelease('1.5.0'),
      checklist: {
        before: [
          { name: 'tests', run: ['npm', 'test'] },
          { name: 'migrations tested', confirm: true as const },
          { name: 'docs updated', confirm: true as const },
        ],
        after: [],
        confirmedBy: 'Ada Lovelace',
      },
    };
    return apply(
      initialRelease(),
      { type: 'outlook', outlook: anOutlook() },
      { type: 'prepared', preparation: { ok: true, release } },
      key(press('return')),
      key(press('return')),
    );
  };

  it('asks each confirmation after the review, y by y (Enter is no answer), then the last question', () => {
    const asking = withChecklist();
    expect(asking).toMatchObject({ phase: 'checklist', confirmed: 0 });
    expect(apply(asking, key(press('return')))).toMatchObject({ phase: 'checklist', confirmed: 0 });
    expect(apply(asking, ...typed('y'))).toMatchObject({ phase: 'checklist', confirmed: 1 });
    expect(apply(asking, ...typed('y'), ...typed('y'))).toMatchObject({ phase: 'confirm', confirmed: 2 });
    expect(apply(asking, ...typed('y'), key(press('escape')))).toMatchObject({ phase: 'review', confirmed: 0 });
  });

  it('a no stops the release before anything runs, naming the item', () => {
    const stopped = apply(withChecklist(), ...typed('y'), ...typed('n'));
    expect(stopped).toMatchObject({
      phase: 'failed',
      steps: [],
      error: {
        code: 'checklist-declined',
        message: 'The release stopped: the checklist item "docs updated" was not confirmed. Nothing was written.',
      },
    });
  });

  it('without confirmations the review goes straight to the last question', () => {
    expect(atConfirm().phase).toBe('confirm');
  });
});

describe('releaseReducer: running', () => {
  const running = () => apply(atConfirm(), ...typed('y'));
  const engine = (...events: EngineEvent[]): ReleaseEvent[] => events.map((event) => ({ type: 'engine', event }));

  it('lists the plan’s steps as pending, then marks them as the engine reports, and ignores keys', () => {
    const state = running();
    const plan = aTrunkRelease('1.5.0').plan;
    expect(state.steps.map((step) => step.status)).toEqual(plan.steps.map(() => 'pending'));
    const started = apply(state, ...engine(...allDone(plan).slice(0, 3)), ...typed('q'));
    expect(started.steps.slice(0, 2).map((step) => step.status)).toEqual(['done', 'running']);
    expect(started.phase).toBe('running');
  });

  it('asks the run to stop on Ctrl-C, and takes no other key', () => {
    const stopping = apply(running(), ...typed('q'), {
      type: 'key',
      input: 'c',
      key: { ...press('return').key, return: false, ctrl: true },
    });
    expect(stopping).toMatchObject({ phase: 'running', stopping: true });
  });

  it('ends on the summary when the run succeeds', () => {
    const plan = aTrunkRelease('1.5.0').plan;
    const done = apply(running(), ...engine(...allDone(plan)), {
      type: 'finished',
      result: { ok: true, output: 'To origin\n' },
    });
    expect(done.phase).toBe('done');
    expect(done.steps.every((step) => step.status === 'done')).toBe(true);
  });

  it('keeps the failed step, what was restored and the error', () => {
    const plan = aTrunkRelease('1.5.0').plan;
    const last = plan.steps.length - 1;
    const push = plan.steps[last]!;
    const error: ErrorReport = {
      code: 'push-rejected',
      message: 'Step 6 (push main and v1.5.0 to origin) failed',
      fix: 'ask for push rights',
    };
    const failed = apply(
      running(),
      ...engine(
        ...allDone(plan).slice(0, -2),
        { type: 'step-started', index: last, step: push },
        { type: 'step-failed', index: last, step: push, error: 'origin rejected the push: pushes are frozen' },
        { type: 'rolled-back', restored: ['tag v1.5.0', 'the commit'], failures: [] },
      ),
      { type: 'finished', result: { ok: false, error, output: '' } },
    );
    expect(failed).toMatchObject({
      phase: 'failed',
      error,
      rollback: { restored: ['tag v1.5.0', 'the commit'], failures: [] },
    });
    expect(failed.steps[last]).toEqual({
      description: push.description,
      status: 'failed',
      note: 'origin rejected the push: pushes are frozen',
    });
  });

  it('pauses on a conflict with the files, where, and the target', () => {
    const release = aReleaseFinish('1.4.0');
    const state = apply(
      initialRelease(),
      { type: 'prepared', preparation: { ok: true, release } },
      key(press('return')),
      ...typed('y'),
    );
    const merge = release.plan.steps.findIndex((step) => step.kind === 'merge' && step.into === 'dev');
    const step = release.plan.steps[merge]!;
    const paused = apply(
      state,
      ...engine(
        { type: 'step-started', index: merge, step },
        { type: 'paused', index: merge, step, files: ['package.json'], target: 'dev', directory: '/work/app' },
      ),
      {
        type: 'finished',
        result: { ok: false, error: { code: 'conflict', message: 'stopped on conflicts' }, output: '' },
      },
    );
    expect(paused).toMatchObject({
      phase: 'paused',
      pause: { index: merge, files: ['package.json'], target: 'dev', directory: '/work/app' },
    });
    expect(paused.steps[merge]?.status).toBe('paused');
  });

  it('ignores engine events outside a run', () => {
    const plan = aTrunkRelease('1.5.0').plan;
    expect(apply(atChoose(), ...engine(...allDone(plan))).steps).toEqual([]);
  });
});

describe('the release wizard in a monorepo: the package list', () => {
  const atPackages = (): ReleaseState => apply(initialRelease(), { type: 'packages', rows: PACKAGE_ROWS });

  it('a workspace of one leaves the preflight running; a monorepo opens the list, every package in', () => {
    expect(apply(initialRelease(), { type: 'packages', rows: null }).phase).toBe('preflight');
    const state = atPackages();
    expect(state.phase).toBe('packages');
    expect(state.packages?.selected).toEqual(['@acme/cli', '@acme/core', '@acme/web']);
  });

  it('space takes a package out, b overrides its bump, Enter prepares exactly that choice', () => {
    const state = apply(atPackages(), key(text(' ')), key(press('down')), key(text('b')), key(text('b')));
    expect(selectionRequest(state.packages!)).toEqual({
      packages: ['@acme/core', '@acme/web'],
      bumps: { '@acme/core': 'minor' },
    });
    const preparing = apply(state, key(press('return')));
    expect(preparing.phase).toBe('preparing');
    const review = apply(preparing, {
      type: 'prepared',
      preparation: { ok: true, release: aPackagesRelease(selectionRequest(state.packages!)) },
    });
    expect(review.phase).toBe('review');
    // Back from the review is the list again, with the choice kept.
    const back = apply(review, key(press('escape')));
    expect(back.phase).toBe('packages');
    expect(back.packages?.overrides).toEqual({ '@acme/core': 'minor' });
  });

  it('with every package out, Enter says what to do instead of preparing nothing', () => {
    const state = apply(atPackages(), key(text('a')), key(press('return')));
    expect(state.phase).toBe('packages');
    expect(state.error?.message).toBe('No package is in the run.');
  });

  it('a refused preparation (a dirty tree) comes back to the list with the error', () => {
    const state = apply(atPackages(), key(press('return')), {
      type: 'prepared',
      preparation: { ok: false, error: DIRTY },
    });
    expect(state.phase).toBe('packages');
    expect(state.error).toEqual(DIRTY);
  });
});

describe('releaseReducer: s switches branches after a refusal a switch fixes', () => {
  const WRONG: ErrorReport = {
    code: 'wrong-branch',
    message: 'Releases are made on main, and this is feature/login.',
    fix: 'git switch main   (then run the release again)',
  };
  const refused = () =>
    apply(
      initialRelease(),
      { type: 'outlook', outlook: anOutlook({ branch: 'feature/login' }) },
      { type: 'prepared', preparation: { ok: false, error: WRONG } },
    );

  it('switches, then checks again with the outlook read anew', () => {
    const switching = apply(refused(), key(text('s')));
    expect(switching).toMatchObject({ phase: 'switching', switching: 'main' });
    expect(apply(switching, { type: 'switched', ok: true, message: '' })).toMatchObject({
      phase: 'preflight',
      outlook: null,
      error: null,
    });
  });

  it('a switch git refuses says so, with the command to run in a shell', () => {
    const failed = apply(refused(), key(text('s')), {
      type: 'switched',
      ok: false,
      message: 'error: Your local changes would be overwritten by checkout',
    });
    expect(failed.phase).toBe('refused');
    expect(failed.error?.message).toBe(
      'The switch to main did not go through: error: Your local changes would be overwritten by checkout',
    );
    expect(failed.error?.fix).toContain('switch in a shell: git switch main');
  });

  it('does nothing on the production branch itself', () => {
    const onMain = apply(
      initialRelease(),
      { type: 'outlook', outlook: anOutlook() },
      { type: 'prepared', preparation: { ok: false, error: WRONG } },
    );
    expect(apply(onMain, key(text('s'))).phase).toBe('refused');
  });
});
