// The hotfix wizard as a reducer. Off a hotfix branch it starts one: the release to fix (default
// the production tag), an optional name checked as the CLI checks it, the plan, confirm. On a
// hotfix branch it finishes it: version, maintenance or not, the branches the fix goes to (each can
// be left for later), push or not, the changelog section, the plan, confirm. Both end in an engine
// run with its conflict choices (run-model.ts). The screen's effects do the async work the step
// ('loading', 'preparing') and the run's attempt ask for.
import type { PreparedHotfix, PreparedHotfixStart } from '../../app/prepare-hotfix.js';
import { HOTFIX_NAME_MAX, hotfixBranchName, isHotfixName } from '../../core/hotfix/hotfix-version.js';
import type { Answer, ErrorReport, HotfixOutlook } from '../../app/hotfix-backport-services.js';
import { matchKey } from '../keymap.js';
import { singleKeys, type KeyEvent } from '../use-key-input.js';
import { hotfixKeymap, hotfixStepKeymap, type HotfixAction } from './hotfix-keys.js';
import { moveCursor } from './list-cursor.js';
import { filterKey, keepCursorVisible, moveVisible, noFilter, visibleRows, type ListFilter } from './list-filter.js';
import { onRunKey, runReducer, startRun, type RunEvent, type RunState } from './run-model.js';
import { editText, textState, type TextState } from './text-edit.js';

type HotfixStep = 'loading' | 'base' | 'name' | 'preparing' | 'review' | 'confirm' | 'run' | 'failed' | 'closed';

export interface HotfixState {
  step: HotfixStep;
  mode: 'start' | 'finish' | null;
  outlook: HotfixOutlook | null;
  /** Start: the release tag chosen in `outlook.releases`. */
  baseIndex: number;
  /** `/` on the release list. */
  baseFilter: ListFilter;
  name: TextState;
  started: PreparedHotfixStart | null;
  /** Finish: the last prepared finish (review and plan). */
  finish: PreparedHotfix | null;
  /** Finish: the cursor over `finish.targets`, the targets left for later, and whether to push. */
  targetIndex: number;
  skip: string[];
  push: boolean;
  planTop: number;
  error: ErrorReport | null;
  run: RunState | null;
}

export type HotfixEvent =
  | { type: 'loaded'; answer: Answer<HotfixOutlook> }
  | ({ type: 'key' } & KeyEvent)
  | { type: 'started-prepared'; answer: Answer<PreparedHotfixStart> }
  | { type: 'finish-prepared'; answer: Answer<PreparedHotfix> }
  | { type: 'run'; event: RunEvent };

export const initialHotfix = (): HotfixState => ({
  step: 'loading',
  mode: null,
  outlook: null,
  baseIndex: 0,
  baseFilter: noFilter(),
  name: textState(),
  started: null,
  finish: null,
  targetIndex: 0,
  skip: [],
  push: true,
  planTop: 0,
  error: null,
  run: null,
});

export const NAME_RULE = `A hotfix name is lower-case words joined by '-' (e.g. login-crash), at most ${HOTFIX_NAME_MAX} characters.`;

/** Why the typed name cannot be used, or null (empty is fine: the name is optional). */
export const nameProblem = (state: HotfixState): string | null =>
  state.name.value === '' || isHotfixName(state.name.value) ? null : NAME_RULE;

export const chosenRelease = (state: HotfixState) => state.outlook?.releases[state.baseIndex];

/** The releases the filter lets through (indexes into `outlook.releases`), matched by tag and next version. */
export const visibleReleases = (state: HotfixState, filter: ListFilter = state.baseFilter): number[] =>
  visibleRows(
    (state.outlook?.releases ?? []).map((release) => `${release.tag} ${release.next}`),
    filter,
  );

/** The branch the inputs make, e.g. hotfix/1.2.1-login-crash. */
export function previewBranch(state: HotfixState): string {
  const release = chosenRelease(state);
  if (!state.outlook || !release) return '';
  return hotfixBranchName(
    state.outlook.prefix,
    release.next,
    state.name.value && !nameProblem(state) ? state.name.value : undefined,
  );
}

/** What prepareHotfixStart is asked: `--from` only when the release is not the one it picks anyway. */
export function startRequest(state: HotfixState): { from?: string; name?: string } {
  const release = chosenRelease(state);
  const from = release && release.tag !== state.outlook?.productionTag ? { from: release.tag } : {};
  return { ...from, ...(state.name.value ? { name: state.name.value } : {}) };
}

function loaded(state: HotfixState, answer: Answer<HotfixOutlook>): HotfixState {
  if (!answer.ok) return { ...state, step: 'failed', error: answer.error };
  const outlook = answer.value;
  if (outlook.onHotfix) return { ...state, outlook, mode: 'finish', step: 'preparing' };
  const production = outlook.releases.findIndex((release) => release.tag === outlook.productionTag);
  // Nothing released: prepareHotfixStart says so, with its fix.
  return {
    ...state,
    outlook,
    mode: 'start',
    baseIndex: Math.max(0, production),
    step: outlook.releases.length > 0 ? 'base' : 'preparing',
  };
}

function prepared<T>(state: HotfixState, answer: Answer<T>, store: (value: T) => Partial<HotfixState>): HotfixState {
  if (state.step !== 'preparing') return state;
  if (!answer.ok) return { ...state, step: 'failed', error: answer.error };
  return {
    ...state,
    ...store(answer.value),
    step: state.mode === 'finish' && !state.finish ? 'review' : 'confirm',
    planTop: 0,
    error: null,
  };
}

/** Where Escape and Enter lead back to after a refusal: the step that can fix it. */
function afterFailure(state: HotfixState): HotfixState {
  if (state.mode === 'start' && (state.outlook?.releases.length ?? 0) > 0)
    return { ...state, step: 'name', error: null };
  if (state.mode === 'finish' && state.finish) return { ...state, step: 'review', error: null };
  return { ...state, step: 'closed' };
}

const planLength = (state: HotfixState): number =>
  (state.mode === 'finish' ? state.finish?.plan.steps.length : state.started?.plan.steps.length) ?? 0;

function act(state: HotfixState, action: HotfixAction | null): HotfixState {
  const targets = state.finish?.targets ?? [];
  switch (action) {
    case 'up':
    case 'down': {
      const delta = action === 'up' ? -1 : 1;
      if (state.step === 'base')
        return { ...state, baseIndex: moveVisible(state.baseIndex, delta, visibleReleases(state)) };
      if (state.step === 'review')
        return { ...state, targetIndex: moveCursor(state.targetIndex, delta, targets.length) };
      return { ...state, planTop: Math.max(0, Math.min(planLength(state) - 1, state.planTop + delta)) };
    }
    case 'toggle': {
      const target = targets[state.targetIndex];
      if (!target) return state;
      return {
        ...state,
        skip: state.skip.includes(target) ? state.skip.filter((name) => name !== target) : [...state.skip, target],
      };
    }
    case 'push':
      return { ...state, push: !state.push };
    case 'next':
      if (state.step === 'base') return chosenRelease(state) ? { ...state, step: 'name' } : state;
      if (state.step === 'name') return nameProblem(state) ? state : { ...state, step: 'preparing' };
      if (state.step === 'review') return { ...state, step: 'preparing' };
      if (state.step === 'confirm') {
        const plan = state.mode === 'finish' ? state.finish?.plan : state.started?.plan;
        return plan ? { ...state, step: 'run', run: startRun(plan) } : state;
      }
      return state;
    case 'back':
      if (state.step === 'failed') return afterFailure(state);
      if (state.step === 'name') return { ...state, step: 'base' };
      if (state.step === 'confirm') return { ...state, step: state.mode === 'finish' ? 'review' : 'name' };
      return { ...state, step: 'closed' };
    case 'retry':
      return { ...state, step: state.mode === null ? 'loading' : 'preparing', error: null };
    case 'close':
      return { ...state, step: 'closed' };
    default:
      return state;
  }
}

function onKey(state: HotfixState, event: KeyEvent): HotfixState {
  const byRun = state.step === 'run' && state.run ? onRunKey(state.run, event) : null;
  if (byRun)
    return byRun.leave ? { ...state, step: 'closed' } : byRun.run === state.run ? state : { ...state, run: byRun.run };
  if (state.step === 'name') {
    const edited = editText(state.name, event.input, event.key);
    if (edited) return { ...state, name: edited };
  }
  if (state.step === 'base') {
    const baseFilter = filterKey(state.baseFilter, event);
    if (baseFilter)
      return {
        ...state,
        baseFilter,
        baseIndex: keepCursorVisible(state.baseIndex, visibleReleases(state, baseFilter)),
      };
  }
  return act(state, matchKey(hotfixStepKeymap(state), event.input, event.key));
}

const BUSY: readonly HotfixStep[] = ['loading', 'preparing', 'closed'];
const blocked = (state: HotfixState): boolean => BUSY.includes(state.step);

export function hotfixReducer(state: HotfixState, event: HotfixEvent): HotfixState {
  switch (event.type) {
    case 'loaded':
      return state.step === 'loading' ? loaded(state, event.answer) : state;
    case 'key':
      // The name field takes a typed run as text; elsewhere each character is a key ("jj" moves twice).
      if (state.step === 'name' || (state.step === 'base' && state.baseFilter.editing))
        return blocked(state) ? state : onKey(state, event);
      return singleKeys(event).reduce(
        (current, single) => (blocked(current) ? current : onKey(current, single)),
        state,
      );
    case 'started-prepared':
      return prepared(state, event.answer, (started) => ({ started }));
    case 'finish-prepared':
      return prepared(state, event.answer, (finish) => ({
        finish,
        targetIndex: Math.min(state.targetIndex, Math.max(0, finish.targets.length - 1)),
      }));
    case 'run':
      return state.run ? { ...state, run: runReducer(state.run, event.event) } : state;
  }
}

export { hotfixKeymap };
