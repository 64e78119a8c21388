// The release wizard as a reducer: preflight → version → review → confirm → running → summary.
// Service answers, engine events and keys come in; async work is requested by the phase it leaves
// the state in ('preflight', 'preparing', 'running'), and the screen's effects carry it out.
import type { PreparedRelease } from '../../app/prepare-release.js';
import type { ReleaseOutlook } from '../../app/read-release-outlook.js';
import type { PreflightCheckEvent } from '../../app/release-preflight.js';
import { confirmItems } from '../../core/checklist/checklist.js';
import { checkCustomVersion, type CustomVersionCheck } from '../../core/version/custom-version.js';
import type { VersionChoice } from '../../core/version/version-options.js';
import type { EngineEvent } from '../../app/screen-services.js';
import { matchKey } from '../keymap.js';
import type { ErrorReport, ReleasePreparation, ReleaseRunResult } from '../../app/screen-services.js';
import { singleKeys, type KeyEvent } from '../use-key-input.js';
import { clampScroll, moveCursor } from './list-cursor.js';
import { releaseKeymap, type KeymapContext, type ReleasePhase } from './release-keys.js';
import { menuEntries, reviewLines } from './release-view.js';
import type { PackageRow } from '../../app/package-rows.js';
import {
  createPackageSelection,
  PACKAGE_KEYS,
  reducePackageSelection,
  type PackageSelection,
} from './package-selection.js';
import { stepsAfter, type StepLine } from './step-list.js';
import { shellCommand } from '../../core/display-text/shell-words.js';
import type { ConflictChoice } from './run-model.js';
import { editText, textState, type TextState } from './text-edit.js';

export type { ReleasePhase } from './release-keys.js';

export type { StepStatus } from './step-list.js';
export type StepView = StepLine;

export interface PauseView {
  index: number;
  description: string;
  files: string[];
  target: string | null;
  directory: string;
}

export interface ReleaseState {
  phase: ReleasePhase;
  checks: PreflightCheckEvent[];
  outlook: ReleaseOutlook | null;
  /** The first preparation (the commits' suggestion), reused when it is chosen. */
  suggested: PreparedRelease | null;
  /** The release to review and run. */
  release: PreparedRelease | null;
  optionIndex: number;
  /** The choice being prepared. */
  choice: VersionChoice;
  custom: TextState;
  /** Why nothing is suggested (no commit asks for a release): a bump can still be chosen. */
  nothing: ErrorReport | null;
  /** The refusal or failure to show (preflight, a chosen version, the run). */
  error: ErrorReport | null;
  scroll: number;
  /** Rows the review text may take. */
  viewHeight: number;
  /** The review's width: its long lines wrap to it (null: drawn as they are). */
  viewWidth: number | null;
  steps: StepView[];
  /** How many of the checklist's confirmations have been answered yes (phase 'checklist'). */
  confirmed: number;
  /** Ctrl-C was pressed during the run: the engine finishes its step, then rolls back. */
  stopping: boolean;
  rollback: { restored: string[]; failures: string[] } | null;
  pause: PauseView | null;
  /** The branch `s` is switching to (phase 'switching'). */
  switching?: string;
  /** Closed with c / s / a on a paused run: the resume screen takes it on with this choice. */
  resume?: ConflictChoice;
  interrupted: string | null;
  /** What git and the commands printed during the run. */
  output: string;
  /** A monorepo: the package list (which packages, which bumps) instead of the version menu. */
  packages: PackageSelection | null;
}

export type ReleaseEvent =
  | { type: 'outlook'; outlook: ReleaseOutlook }
  | { type: 'check'; check: PreflightCheckEvent }
  /** The workspace read before the preflight: null for a workspace of one (the version menu follows). */
  | { type: 'packages'; rows: PackageRow[] | null }
  | { type: 'prepared'; preparation: ReleasePreparation }
  | ({ type: 'key' } & KeyEvent)
  | { type: 'viewport'; height: number; width?: number }
  | { type: 'engine'; event: EngineEvent }
  | { type: 'finished'; result: ReleaseRunResult }
  /** The `s` switch of a wrong-branch refusal is done: ok checks again on that branch. */
  | { type: 'switched'; ok: boolean; message: string };

export const initialRelease = (): ReleaseState => ({
  phase: 'preflight',
  checks: [],
  outlook: null,
  suggested: null,
  release: null,
  optionIndex: 0,
  choice: { kind: 'suggested' },
  custom: textState(),
  nothing: null,
  error: null,
  scroll: 0,
  viewHeight: 18,
  viewWidth: null,
  steps: [],
  confirmed: 0,
  stopping: false,
  rollback: null,
  pause: null,
  interrupted: null,
  output: '',
  packages: null,
});

/** The typed version checked against the current release, as it stands. */
export const customCheck = (state: ReleaseState): CustomVersionCheck =>
  checkCustomVersion(state.custom.value, state.outlook?.current ?? null);

/** A check reported again (a second preparation) replaces the earlier report. */
function upsertCheck(checks: PreflightCheckEvent[], check: PreflightCheckEvent): PreflightCheckEvent[] {
  const at = checks.findIndex((candidate) => candidate.id === check.id);
  return at === -1 ? [...checks, check] : checks.map((candidate, i) => (i === at ? check : candidate));
}

function toReview(state: ReleaseState, release: PreparedRelease): ReleaseState {
  return { ...state, phase: 'review', release, error: null, scroll: 0 };
}

function prepared(state: ReleaseState, preparation: ReleasePreparation): ReleaseState {
  if (state.phase === 'preparing') {
    if (preparation.ok) return toReview(state, preparation.release);
    if (state.packages) return { ...state, phase: 'packages', error: preparation.error };
    return { ...state, phase: state.choice.kind === 'custom' ? 'custom' : 'choose', error: preparation.error };
  }
  if (preparation.ok) {
    const first = { ...state, suggested: preparation.release };
    return preparation.release.flow === 'finish'
      ? toReview(first, preparation.release)
      : { ...first, phase: 'choose', optionIndex: 0 };
  }
  if (preparation.error.code !== 'nothing-to-release') return { ...state, phase: 'refused', error: preparation.error };
  const withNothing = { ...state, nothing: preparation.error, phase: 'choose' as const };
  return {
    ...withNothing,
    optionIndex: Math.max(
      0,
      menuEntries(withNothing).findIndex((entry) => entry.available),
    ),
  };
}

/** Enter on the menu: the suggestion is already prepared; anything else is prepared now. */
function choose(state: ReleaseState): ReleaseState {
  const entry = menuEntries(state)[state.optionIndex];
  if (!entry?.available) return state;
  if (entry.choice.kind === 'custom') return { ...state, phase: 'custom', error: null };
  if (entry.choice.kind === 'suggested' && state.suggested) return toReview(state, state.suggested);
  return { ...state, phase: 'preparing', choice: entry.choice, error: null };
}

function scrolled(state: ReleaseState, delta: number): ReleaseState {
  const total = state.release ? reviewLines(state.release, state.viewWidth).length : 0;
  return { ...state, scroll: clampScroll(state.scroll + delta, total, state.viewHeight) };
}

const BACK: Partial<Record<ReleasePhase, ReleasePhase>> = { custom: 'choose', confirm: 'review', checklist: 'review' };

/** The checklist confirmations the release asks before it runs. */
const releaseConfirms = (state: ReleaseState) => confirmItems(state.release?.checklist.before ?? []);

/** After the review: each checklist confirmation in turn, then the last question. */
function afterReview(state: ReleaseState): ReleaseState {
  return releaseConfirms(state).length > 0
    ? { ...state, phase: 'checklist', confirmed: 0 }
    : { ...state, phase: 'confirm' };
}

function confirmOne(state: ReleaseState): ReleaseState {
  const confirmed = state.confirmed + 1;
  return confirmed < releaseConfirms(state).length
    ? { ...state, confirmed }
    : { ...state, confirmed, phase: 'confirm' };
}

function declined(state: ReleaseState): ReleaseState {
  const item = releaseConfirms(state)[state.confirmed];
  return {
    ...state,
    phase: 'failed',
    error: {
      code: 'checklist-declined',
      message: `The release stopped: the checklist item "${item?.name ?? ''}" was not confirmed. Nothing was written.`,
      fix: 'do it, then release again: shipwright release',
    },
  };
}

/** Enter on the package list: the chosen packages are prepared as `release --package …` would. */
function releasePackages(state: ReleaseState): ReleaseState {
  if (!state.packages) return state;
  if (state.packages.selected.length === 0)
    return {
      ...state,
      error: {
        code: 'nothing-to-release',
        message: 'No package is in the run.',
        fix: 'space puts the package under the cursor in, a all of them',
      },
    };
  return { ...state, phase: 'preparing', error: null };
}

/** Where `s` goes after a refusal a switch fixes, and whether the release is then finished there. */
interface SwitchTarget {
  branch: string;
  finish: boolean;
}

/** The version a start was refused for: the option chosen, or the one typed. */
function attemptedVersion(state: ReleaseState): string | null {
  if (state.choice.kind === 'custom') return state.choice.version || null;
  const chosen = JSON.stringify(state.choice);
  return state.outlook?.options.find((option) => JSON.stringify(option.choice) === chosen)?.version ?? null;
}

/**
 * The branch `s` switches to after a refusal: a trunk release is made on the production branch; a
 * start whose release branch already exists is finished on that branch (the refusals' fixes name
 * the same `git switch`). Null when no switch fixes it.
 */
export function switchTarget(state: ReleaseState): SwitchTarget | null {
  const { outlook, error } = state;
  if (state.phase !== 'refused' || !outlook) return null;
  if (error?.code === 'wrong-branch' && outlook.flow === 'trunk' && outlook.branch !== outlook.production)
    return { branch: outlook.production, finish: false };
  const version = attemptedVersion(state);
  if (error?.code === 'release-started' && outlook.flow === 'start' && version)
    return { branch: `${outlook.releasePrefix}${version.replace(/[-+].*$/, '')}`, finish: true };
  return null;
}

/** What the phase's keys depend on besides the phase. */
export const keymapContext = (state: ReleaseState): KeymapContext => ({
  pause: state.pause,
  switchTo: switchTarget(state),
});

const checkAgain = (state: ReleaseState, outlook: ReleaseOutlook | null): ReleaseState => ({
  ...initialRelease(),
  outlook,
  viewHeight: state.viewHeight,
  viewWidth: state.viewWidth,
});

function onKey(state: ReleaseState, event: KeyEvent): ReleaseState {
  if (state.phase === 'packages' && state.packages) {
    const action = matchKey(PACKAGE_KEYS, event.input, event.key);
    if (action) return { ...state, packages: reducePackageSelection(state.packages, action), error: null };
  }
  if (state.phase === 'custom') {
    const edited = editText(state.custom, event.input, event.key);
    if (edited) return { ...state, custom: edited, error: null };
  }
  const entries = menuEntries(state).length;
  const action = matchKey(releaseKeymap(state.phase, keymapContext(state)), event.input, event.key);
  switch (action) {
    case 'switch': {
      const target = switchTarget(state);
      return target ? { ...state, phase: 'switching', switching: target.branch } : state;
    }
    case 'continue':
    case 'skip':
    case 'abort':
      // Taken on by the resume screen (the conflict's files and keys), as home's paused-run line does.
      return { ...state, phase: 'closed', resume: action };
    case 'up':
      return state.phase === 'review'
        ? scrolled(state, -1)
        : { ...state, optionIndex: moveCursor(state.optionIndex, -1, entries) };
    case 'down':
      return state.phase === 'review'
        ? scrolled(state, 1)
        : { ...state, optionIndex: moveCursor(state.optionIndex, 1, entries) };
    case 'pageup':
      return scrolled(state, -state.viewHeight);
    case 'pagedown':
      return scrolled(state, state.viewHeight);
    case 'close':
      return { ...state, phase: 'closed' };
    case 'stop':
      return { ...state, stopping: true };
    case 'decline':
      return declined(state);
    case 'retry':
      return checkAgain(state, state.outlook);
    case 'back':
      if (state.phase === 'review') {
        if (state.packages) return { ...state, phase: 'packages' };
        return state.release?.flow === 'finish' ? { ...state, phase: 'closed' } : { ...state, phase: 'choose' };
      }
      return { ...state, phase: BACK[state.phase] ?? state.phase, error: null, confirmed: 0 };
    case 'next':
      if (state.phase === 'choose') return choose(state);
      if (state.phase === 'packages') return releasePackages(state);
      if (state.phase === 'review') return afterReview(state);
      if (state.phase === 'checklist') return confirmOne(state);
      if (state.phase === 'confirm' && state.release)
        return {
          ...state,
          phase: 'running',
          steps: state.release.plan.steps.map((step) => ({ description: step.description, status: 'pending' })),
        };
      if (state.phase === 'custom') {
        const checked = customCheck(state);
        return checked.ok
          ? { ...state, phase: 'preparing', choice: { kind: 'custom', version: checked.version }, error: null }
          : state;
      }
      return state;
    default:
      return state;
  }
}

function onEngine(state: ReleaseState, event: EngineEvent): ReleaseState {
  const steps = stepsAfter(state.steps, event);
  switch (event.type) {
    case 'paused':
      return {
        ...state,
        steps,
        pause: {
          index: event.index,
          description: event.step.description,
          files: event.files,
          target: event.target,
          directory: event.directory,
        },
      };
    case 'interrupted':
      return { ...state, interrupted: event.signal };
    case 'rolled-back':
      return { ...state, rollback: { restored: event.restored, failures: event.failures } };
    default:
      return { ...state, steps };
  }
}

/** Phases that take no keys (the preflight may be left, a run stopped: their keymaps say how). */
const BUSY: readonly ReleasePhase[] = ['preparing', 'switching', 'closed'];

export function releaseReducer(state: ReleaseState, event: ReleaseEvent): ReleaseState {
  switch (event.type) {
    case 'outlook':
      return { ...state, outlook: event.outlook };
    case 'packages':
      return state.phase === 'preflight' && event.rows !== null
        ? { ...state, phase: 'packages', packages: createPackageSelection(event.rows) }
        : state;
    case 'check':
      return state.phase === 'preflight' || state.phase === 'preparing'
        ? { ...state, checks: upsertCheck(state.checks, event.check) }
        : state;
    case 'prepared':
      return state.phase === 'preflight' || state.phase === 'preparing' ? prepared(state, event.preparation) : state;
    case 'viewport':
      return { ...state, viewHeight: Math.max(3, event.height), viewWidth: event.width ?? state.viewWidth };
    case 'key': {
      // A run of characters is typed text in the custom field and one key per character elsewhere.
      const keys = state.phase === 'custom' ? [event] : singleKeys(event);
      return keys.reduce((current, key) => (BUSY.includes(current.phase) ? current : onKey(current, key)), state);
    }
    case 'engine':
      return state.phase === 'running' ? onEngine(state, event.event) : state;
    case 'switched': {
      if (state.phase !== 'switching') return state;
      // The outlook (flow, branch, versions) is read again there: a release branch is finished, not started.
      if (event.ok) return checkAgain(state, null);
      return {
        ...state,
        phase: 'refused',
        error: {
          code: 'step-failed',
          message: `The switch to ${state.switching ?? ''} did not go through: ${event.message}`,
          fix: `switch in a shell: ${shellCommand(['git', 'switch', state.switching ?? ''])} (it creates the branch from origin when only origin has it; commit or stash what is in the way first), then press r`,
        },
      };
    }
    case 'finished':
      if (state.phase !== 'running') return state;
      if (event.result.ok) return { ...state, phase: 'done', output: event.result.output };
      return {
        ...state,
        phase: state.pause ? 'paused' : 'failed',
        error: event.result.error,
        output: event.result.output,
      };
  }
}
