// The hotfix wizard's reducer: start (release, name checked as the CLI checks it, plan, confirm) and
// finish (targets to leave for later, push, plan, confirm), then the run and its summary.
import { describe, expect, it } from 'vitest';
import { helpText } from '../../../src/tui/keymap.js';
import {
  hotfixKeymap,
  hotfixReducer,
  initialHotfix,
  nameProblem,
  NAME_RULE,
  previewBranch,
  startRequest,
  visibleReleases,
  type HotfixEvent,
  type HotfixState,
} from '../../../src/tui/models/hotfix-model.js';
import { finishedLines, startedLines } from '../../../src/tui/models/hotfix-summary.js';
import type { KeyEvent } from '../../../src/tui/use-key-input.js';
import { anOutlook, aPreparedFinish, aPreparedStart } from '../support/fix-data.js';
import { burst, press, text } from '../support/keys.js';

const keys = (...events: KeyEvent[]): HotfixEvent[] => events.map((event) => ({ type: 'key', ...event }));
const apply = (state: HotfixState, events: HotfixEvent[]): HotfixState => events.reduce(hotfixReducer, state);
const loaded = (outlook = anOutlook()) =>
  hotfixReducer(initialHotfix(), { type: 'loaded', answer: { ok: true, value: outlook } });
const onHotfix = () => loaded(anOutlook({ branch: 'hotfix/1.2.1', onHotfix: true }));

describe('hotfixReducer: start', () => {
  it('starts at the production release, newest first', () => {
    expect(loaded()).toMatchObject({ mode: 'start', step: 'base', baseIndex: 0 });
    expect(loaded(anOutlook({ productionTag: 'v1.1.0' })).baseIndex).toBe(1);
  });

  it('asks prepareHotfixStart straight away when nothing is released (it says why, with the fix)', () => {
    expect(loaded(anOutlook({ releases: [], productionTag: null }))).toMatchObject({
      mode: 'start',
      step: 'preparing',
    });
  });

  it('checks the name as the CLI does, live, and previews the branch', () => {
    const named = apply(loaded(), [...keys(press('return')), ...keys(...burst('login-crash'))]);
    expect(named.step).toBe('name');
    expect(nameProblem(named)).toBeNull();
    expect(previewBranch(named)).toBe('hotfix/1.2.1-login-crash');
    const bad = apply(loaded(), [...keys(press('return')), ...keys(...burst('Login crash'))]);
    expect(nameProblem(bad)).toBe(NAME_RULE);
    expect(previewBranch(bad)).toBe('hotfix/1.2.1');
    expect(apply(bad, keys(press('return'))).step).toBe('name');
  });

  it('passes --from only for a release other than production, and the name only when typed', () => {
    const older = apply(loaded(), keys(text('j'), press('return')));
    expect(startRequest(older)).toEqual({ from: 'v1.1.0' });
    expect(previewBranch(older)).toBe('hotfix/1.1.1');
    const named = apply(loaded(), [...keys(press('return')), ...keys(...burst('csv\r'))]);
    expect(named.step).toBe('preparing');
    expect(startRequest(named)).toEqual({ name: 'csv' });
  });

  it('confirms the plan, runs it, and says what to do next', () => {
    const preparing = apply(loaded(), [...keys(press('return')), ...keys(press('return'))]);
    const started = aPreparedStart({});
    const confirm = hotfixReducer(preparing, { type: 'started-prepared', answer: { ok: true, value: started } });
    expect(confirm.step).toBe('confirm');
    expect(helpText(hotfixKeymap(confirm))).toBe('⏎/y run it · esc/n back');
    expect(apply(confirm, keys(press('escape'))).step).toBe('name');
    const running = apply(confirm, keys(press('return')));
    expect(running.run?.steps).toEqual([{ description: 'create hotfix/1.2.1 from v1.2.0', status: 'pending' }]);
    expect(startedLines(started)[0]).toBe('On hotfix/1.2.1 (from v1.2.0).');
  });

  it('shows a refusal and goes back to the name to fix it', () => {
    const preparing = apply(loaded(), keys(press('return'), press('return')));
    const error = {
      code: 'hotfix-open',
      message: 'A hotfix is already open: hotfix/1.2.1.',
      fix: 'git switch hotfix/1.2.1 && shipwright hotfix finish',
    } as const;
    const failed = hotfixReducer(preparing, { type: 'started-prepared', answer: { ok: false, error } });
    expect(failed).toMatchObject({ step: 'failed', error });
    expect(apply(failed, keys(press('escape')))).toMatchObject({ step: 'name', error: null });
    expect(apply(failed, keys(text('r')))).toMatchObject({ step: 'preparing' });
  });
});

describe('hotfixReducer: finish', () => {
  it('prepares the finish at once on a hotfix branch, then reviews it', () => {
    const preparing = onHotfix();
    expect(preparing).toMatchObject({ mode: 'finish', step: 'preparing', skip: [], push: true });
    const review = hotfixReducer(preparing, {
      type: 'finish-prepared',
      answer: { ok: true, value: aPreparedFinish() },
    });
    expect(review.step).toBe('review');
    expect(helpText(hotfixKeymap(review))).toBe('space take / leave branch · p push on/off · ⏎ plan · esc/q back');
  });

  it('leaves targets for later with space, toggles the push, and plans with those choices', () => {
    const review = hotfixReducer(onHotfix(), {
      type: 'finish-prepared',
      answer: { ok: true, value: aPreparedFinish() },
    });
    const chosen = apply(review, keys(text('j'), text(' '), text('p')));
    expect(chosen).toMatchObject({ skip: ['release/1.3.0'], push: false, step: 'review' });
    expect(apply(chosen, keys(text(' '))).skip).toEqual([]);
    const preparing = apply(chosen, keys(press('return')));
    expect(preparing.step).toBe('preparing');
    const confirm = hotfixReducer(preparing, {
      type: 'finish-prepared',
      answer: { ok: true, value: aPreparedFinish(['release/1.3.0'], false) },
    });
    expect(confirm.step).toBe('confirm');
    expect(confirm.finish?.plan.steps.map((step) => step.description)).not.toContain(
      'merge hotfix/1.2.1 into release/1.3.0',
    );
    expect(apply(confirm, keys(press('escape'))).step).toBe('review');
  });

  it('says where the fix went and what was left for later', () => {
    const skippedAtConflict = [{ target: 'dev', command: 'git switch dev && git merge --no-ff hotfix/1.2.1' }];
    expect(finishedLines(aPreparedFinish(['release/1.3.0']), skippedAtConflict)).toEqual([
      'Released v1.2.1, pushed to origin.',
      'Left for later: release/1.3.0 (the backport screen, p on home, shows what it lacks).',
      'Left for later at its conflict: dev. Bring the fix there with: git switch dev && git merge --no-ff hotfix/1.2.1',
    ]);
    expect(finishedLines(aPreparedFinish([], false, { maintenance: true }), [])).toEqual([
      'Released v1.2.1 (maintenance release) locally (not pushed).',
      'The fix is on: dev, release/1.3.0.',
    ]);
  });

  it('takes no keys while preparing or running', () => {
    const preparing = onHotfix();
    expect(apply(preparing, keys(text('q'), press('return')))).toBe(preparing);
  });
});

describe('hotfixReducer: / filters the releases', () => {
  it('narrows the tags as typed, keeps the cursor on one shown, and Esc clears the filter before leaving', () => {
    const filtering = apply(loaded(), keys(text('/'), text('1.1')));
    expect(visibleReleases(filtering)).toEqual([1]);
    expect(filtering.baseIndex).toBe(1);
    expect(helpText(hotfixKeymap(filtering))).toBe('⏎ keep filter · esc clear filter');
    // While typing, q and j are text, not keys.
    expect(apply(filtering, keys(text('q'))).step).toBe('base');

    const kept = apply(filtering, keys(press('return')));
    expect(helpText(hotfixKeymap(kept))).toContain('/ filter');
    expect(startRequest(kept)).toEqual({ from: 'v1.1.0' });

    const cleared = apply(kept, keys(press('escape')));
    expect(cleared).toMatchObject({ step: 'base', baseIndex: 1 });
    expect(visibleReleases(cleared)).toEqual([0, 1, 2]);
    expect(apply(cleared, keys(press('escape'))).step).toBe('closed');
  });

  it('with no tag matching, Enter picks nothing', () => {
    const none = apply(loaded(), keys(text('/'), text('v9'), press('return'), press('return')));
    expect(visibleReleases(none)).toEqual([]);
    expect(none.step).toBe('base');
  });
});
