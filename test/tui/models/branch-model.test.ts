// The branch wizard's reducer: key events and service answers in, the next state out.
import { describe, expect, it } from 'vitest';
import {
  branchKeymap,
  branchReducer,
  initialBranch,
  issueNumber,
  previewName,
  selectedType,
  visibleTypes,
  type BranchEvent,
  type BranchState,
} from '../../../src/tui/models/branch-model.js';
import { helpText } from '../../../src/tui/keymap.js';
import type { KeyEvent } from '../../../src/tui/use-key-input.js';
import { aBranchPlan, BRANCH_TYPES } from '../support/data.js';
import { burst, press, text } from '../support/keys.js';

const keys = (...events: KeyEvent[]): BranchEvent[] => events.map((event) => ({ type: 'key', ...event }));
const run = (state: BranchState, events: BranchEvent[]): BranchState => events.reduce(branchReducer, state);
const loaded = (preferred?: string) =>
  branchReducer(initialBranch(), { type: 'loaded', types: BRANCH_TYPES, ...(preferred ? { preferred } : {}) });

describe('branchReducer', () => {
  it('starts on the type list once the types are loaded, at the preferred type if there is one', () => {
    expect(loaded()).toMatchObject({ step: 'type', typeIndex: 0 });
    expect(loaded('hotfix')).toMatchObject({ step: 'type', typeIndex: 3 });
    expect(loaded('nonsense')).toMatchObject({ step: 'type', typeIndex: 0 });
  });

  it('ignores keys while loading, planning and creating', () => {
    expect(run(initialBranch(), keys(press('return'), text('q')))).toEqual(initialBranch());
    const planning: BranchState = { ...loaded(), step: 'planning' };
    expect(run(planning, keys(press('escape')))).toBe(planning);
  });

  it('moves through the list with arrows and j/k, wrapping around', () => {
    expect(run(loaded(), keys(press('down'), press('down'))).typeIndex).toBe(2);
    expect(run(loaded(), keys(text('k'))).typeIndex).toBe(3);
  });

  it('moves once per character when j is typed fast (one run "jj")', () => {
    const state = run(loaded(), keys(...burst('jj\r')));
    expect(selectedType(state)?.name).toBe('release');
    expect(state.step).toBe('name');
  });

  it('goes from a burst "login form\\r" straight to the issue step', () => {
    const state = run(loaded(), keys(press('return'), ...burst('login form\r')));
    expect(state.step).toBe('issue');
    expect(state.name.value).toBe('login form');
    expect(previewName(state)).toBe('feature/login-form');
  });

  it('does not accept an empty name', () => {
    const state = run(loaded(), keys(press('return'), text('   '), press('return')));
    expect(state.step).toBe('name');
  });

  it('keeps a refused name on the name step until it is edited', () => {
    let state = run(loaded(), keys(press('return'), text('login')));
    state = branchReducer(state, {
      type: 'refusal',
      name: 'feature/login',
      refusal: "a branch 'feature/login' already exists",
    });
    expect(state.refusal).toContain('already exists');
    state = run(state, keys(press('return')));
    expect(state.step).toBe('name');
    state = run(state, keys(text(' form')));
    expect(state.refusal).toBeNull();
    expect(run(state, keys(press('return'))).step).toBe('issue');
  });

  it('drops a refusal that answers for a name no longer typed', () => {
    const state = run(loaded(), keys(press('return'), text('login form')));
    expect(branchReducer(state, { type: 'refusal', name: 'feature/login', refusal: 'exists' }).refusal).toBeNull();
  });

  it('previews a hotfix as the hotfix flow names it: the version first, from the release it fixes', () => {
    const hotfix = loaded('hotfix');
    expect(selectedType(hotfix)?.name).toBe('hotfix');
    expect(previewName(run(hotfix, keys(press('return'), text('login crash'))))).toBe('hotfix/X.Y.Z-login-crash');
    expect(previewName(run(hotfix, keys(press('return'), text('1.4.2'))))).toBe('hotfix/1.4.2');
  });

  it('puts the issue number first in the name and asks for a plan', () => {
    const state = run(loaded(), keys(press('return'), ...burst('Login form!\r#42\r')));
    expect(issueNumber(state)).toBe(42);
    expect(previewName(state)).toBe('feature/42-login-form');
    expect(state.step).toBe('planning');
  });

  it('confirms the plan, creates, and closes', () => {
    let state = run(loaded(), keys(press('return'), ...burst('login\r\r')));
    const plan = aBranchPlan('feature/login', 'dev');
    state = branchReducer(state, { type: 'planned', plan });
    expect(state).toMatchObject({ step: 'confirm', plan });
    state = run(state, keys(text('y')));
    expect(state.step).toBe('creating');
    state = branchReducer(state, { type: 'created', ok: true, message: 'On feature/login (from dev).' });
    expect(state).toMatchObject({ step: 'done', message: 'On feature/login (from dev).' });
    expect(run(state, keys(press('return'))).step).toBe('closed');
  });

  it('ignores a plan that arrives after the wizard moved on', () => {
    const state = run(loaded(), keys(press('return'), text('login')));
    expect(branchReducer(state, { type: 'planned', plan: aBranchPlan('feature/login', 'dev') })).toBe(state);
  });

  it('returns to the name with the reason when planning refuses', () => {
    const state = branchReducer(run(loaded(), keys(press('return'), ...burst('login\r\r'))), {
      type: 'plan-refused',
      message: "The base branch 'dev' does not exist",
    });
    expect(state).toMatchObject({ step: 'name', refusal: "The base branch 'dev' does not exist" });
  });

  it('shows a failed creation and closes from there', () => {
    let state: BranchState = { ...loaded(), step: 'creating', plan: aBranchPlan('feature/x', 'dev') };
    state = branchReducer(state, {
      type: 'created',
      ok: false,
      message: 'fatal: a branch named feature/x already exists',
    });
    expect(state).toMatchObject({ step: 'failed', message: 'fatal: a branch named feature/x already exists' });
    expect(run(state, keys(text('q'))).step).toBe('closed');
  });

  it('steps back with Escape: confirm → issue → name → type → closed; n declines the plan', () => {
    let state = branchReducer(run(loaded(), keys(press('return'), ...burst('login\r\r'))), {
      type: 'planned',
      plan: aBranchPlan('feature/login', 'dev'),
    });
    state = run(state, keys(text('n')));
    expect(state.step).toBe('issue');
    const steps = [press('escape'), press('escape'), press('escape')].map(
      (event) => (state = run(state, keys(event))).step,
    );
    expect(steps).toEqual(['name', 'type', 'closed']);
  });

  it('q quits the list but is a letter in the name field', () => {
    expect(run(loaded(), keys(text('q'))).step).toBe('closed');
    const state = run(loaded(), keys(press('return'), text('q')));
    expect(state).toMatchObject({ step: 'name', name: { value: 'q' } });
  });

  it('has a keymap, and so a help bar, per step', () => {
    expect(helpText(branchKeymap('type'))).toBe('↑↓/kj move · ⏎ choose · / filter · esc/q back');
    expect(helpText(branchKeymap('type', true))).toBe('⏎ keep filter · esc clear filter');
    expect(helpText(branchKeymap('name'))).toBe('⏎ next · esc back');
    expect(helpText(branchKeymap('done'))).toBe('⏎/q/esc done');
  });

  describe('/ on the type list', () => {
    const names = (state: BranchState) => visibleTypes(state).map((index) => state.types[index]!.name);

    it('narrows the list as the query is typed (name, prefix, base, description), j/k move among what is left', () => {
      const filtering = run(loaded(), keys(text('/'), ...burst('fix')));
      expect(filtering.filter).toMatchObject({ editing: true, query: { value: 'fix' } });
      expect(names(filtering)).toEqual(['fix', 'hotfix']);
      expect(selectedType(filtering)?.name).toBe('fix');
      // While typing, j is text; Enter keeps the filter and gives the keys back to the list.
      const kept = run(filtering, keys(press('return'), text('j')));
      expect(kept.filter.editing).toBe(false);
      expect(selectedType(kept)?.name).toBe('hotfix');
      expect(run(kept, keys(text('j'))).typeIndex).toBe(1);
      expect(run(kept, keys(press('return'))).step).toBe('name');
    });

    it('matches by base branch and description too, case-insensitively', () => {
      expect(names(run(loaded(), keys(text('/'), ...burst('MAIN'))))).toEqual(['hotfix']);
      expect(names(run(loaded(), keys(text('/'), ...burst('next release'))))).toEqual(['fix']);
    });

    it('with nothing matching, Enter chooses nothing; Esc clears the filter and shows every type', () => {
      const none = run(loaded(), keys(text('/'), ...burst('zzz')));
      expect(names(none)).toEqual([]);
      expect(selectedType(none)).toBeUndefined();
      expect(run(none, keys(press('return'), press('return'))).step).toBe('type');
      const cleared = run(none, keys(press('escape')));
      expect(names(cleared)).toEqual(['feature', 'fix', 'release', 'hotfix']);
      expect(cleared.step).toBe('type');
      // Esc with no filter typed is back, as before.
      expect(run(cleared, keys(press('escape'))).step).toBe('closed');
    });
  });
});
