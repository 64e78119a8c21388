// The commit composer as a reducer: key events and service answers in, the next state out.
// Async work is requested by the step it leaves ('staging', 'committing'); the screen's effects do it.
import {
  commitHeader,
  emptyDraft,
  parseIssueList,
  type CommitDraft,
} from '../../core/commit-composer/compose-message.js';
import type { CommitTypeChoice } from '../../core/commit-composer/commit-types.js';
import type { ProtectedBranchNotice } from '../../core/commit-composer/protected-branch.js';
import type { Problem } from '../../core/lint/message-verdict.js';
import { matchKey, type Keymap } from '../keymap.js';
import { singleKeys, type KeyEvent } from '../use-key-input.js';
import { problemStep, stepProblems, stepToEdit, type ProblemStep } from './commit-problems.js';
import { editText, textState, type TextState } from './text-edit.js';
import {
  FILTER_BINDING,
  filterKey,
  keepCursorVisible,
  moveVisible,
  noFilter,
  visibleRows,
  type ListFilter,
} from './list-filter.js';
import { escapeControls } from '../../core/display-text/control-characters.js';
import { diffLines } from './diff-view.js';
import { filesFromNames, followPath, type ChangedFile } from './file-staging.js';
import { filesKeymap, initialFilesView, onFilesKey, type FilesAction, type FilesView } from './files-step.js';

const FIELD_STEPS = ['scope', 'subject', 'body', 'breaking', 'closes'] as const;
export type FieldStep = (typeof FIELD_STEPS)[number];
const FLOW = ['files', 'type', ...FIELD_STEPS, 'preview'] as const;
type ComposerStep =
  | 'loading'
  | (typeof FLOW)[number]
  | 'staging'
  | 'committing'
  | 'done'
  | 'refused'
  | 'closed'
  /** Left for the branch screen (b on a protected branch); the draft is saved and comes back. */
  | 'branching';

export const isField = (step: ComposerStep): step is FieldStep => (FIELD_STEPS as readonly string[]).includes(step);

export const STEP_TITLES: Record<ComposerStep, string> = {
  loading: 'Loading',
  files: 'Files',
  staging: 'Staging',
  type: 'Type',
  scope: 'Scope (optional)',
  subject: 'Subject',
  body: 'Body (optional)',
  breaking: 'Breaking change (optional)',
  closes: 'Closes issues (optional)',
  preview: 'Preview',
  committing: 'Committing',
  done: 'Committed',
  refused: 'Not committed',
  closed: 'Closed',
  branching: 'New branch',
};

type Action =
  'up' | 'down' | 'next' | 'back' | 'files' | 'complete' | 'edit' | 'retry' | 'quit' | 'discard' | 'branch' | 'filter';
const BACK_KEY = { keys: ['escape'], action: 'back', description: 'back' } as const;
export const COMPOSER_KEYS: Partial<Record<ComposerStep, Keymap<Action>>> = {
  type: [
    { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
    { keys: ['down', 'j'], action: 'down', description: 'move' },
    { keys: ['return'], action: 'next', description: 'choose' },
    { keys: ['s'], action: 'files', description: 'files' },
    FILTER_BINDING,
    { keys: ['escape', 'q'], action: 'quit', description: 'close (draft kept)' },
  ],
  scope: [
    { keys: ['tab'], action: 'complete', description: 'complete' },
    { keys: ['return'], action: 'next', description: 'next' },
    BACK_KEY,
  ],
  subject: [{ keys: ['return'], action: 'next', description: 'next' }, BACK_KEY],
  body: [{ keys: ['tab', 'ctrl+s'], action: 'next', description: 'next (⏎ = new line)' }, BACK_KEY],
  breaking: [{ keys: ['return'], action: 'next', description: 'next (empty = not breaking)' }, BACK_KEY],
  closes: [{ keys: ['return'], action: 'next', description: 'next' }, BACK_KEY],
  preview: [
    { keys: ['return', 'y'], action: 'next', description: 'commit' },
    { keys: ['e'], action: 'edit', description: 'edit' },
    BACK_KEY,
  ],
  done: [{ keys: ['return', 'q', 'escape'], action: 'quit', description: 'close' }],
  refused: [
    { keys: ['e'], action: 'edit', description: 'edit the message' },
    { keys: ['r'], action: 'retry', description: 'retry' },
    { keys: ['q', 'escape'], action: 'quit', description: 'close (draft kept)' },
  ],
};
/** Offered on the type step while a restored draft is shown: start from an empty message. */
const DISCARD_KEY = { keys: ['d'], action: 'discard', description: 'discard the draft' } as const;

/** On a protected branch, outside the text fields: leave for the branch screen, the draft kept. */
const BRANCH_KEY = { keys: ['b'], action: 'branch', description: 'new branch' } as const;
const BRANCH_STEPS: readonly ComposerStep[] = ['files', 'type', 'preview', 'refused'];

/**
 * With b when a branch can be started here: before `s files` on the type list (so a help bar too
 * wide for 80 columns leaves out that one, still in `?`), else before the last key (the way out).
 */
function withBranch<A extends string>(keys: Keymap<A>, branch: boolean): Keymap<A | 'branch'> {
  if (!branch) return keys;
  const files = keys.findIndex((binding) => binding.action === 'files');
  const at = files === -1 ? keys.length - 1 : files;
  return [...keys.slice(0, at), BRANCH_KEY, ...keys.slice(at)];
}

/**
 * The step's keys that do something now (the files step's: filesKeymap, from its state); b (start a
 * branch) only on a branch the pre-commit hook protects.
 */
function composerKeymap(step: ComposerStep, restored = false, branch = false): Keymap<Action> {
  const keys = step === 'type' && restored ? [...(COMPOSER_KEYS.type ?? []), DISCARD_KEY] : (COMPOSER_KEYS[step] ?? []);
  return withBranch(keys, branch && BRANCH_STEPS.includes(step));
}

/** Whether b starts a branch: the branch is protected and the screen can open the branch screen. */
const offersBranch = (state: ComposerState): boolean => state.canBranch && Boolean(state.data.protectedBranch);

/** The keymap of the state as it stands: the help bar and the reducer both read this. */
export function keymapOf(state: ComposerState): Keymap<Action | FilesAction> {
  if (state.step === 'files')
    return withBranch(
      filesKeymap(composerFiles(state.data), state.files),
      offersBranch(state) && state.files.focus === 'list',
    );
  const keys = composerKeymap(state.step, state.restored, offersBranch(state));
  if (!state.problems.some((problem) => problemStep(problem, draftOf(state)) !== null)) return keys;
  // e goes where the rules complain: the help bar says where.
  const target = EDIT_TARGETS[stepToEdit(state.problems, draftOf(state))];
  return keys.map((binding) =>
    binding.action === 'edit' ? { ...binding, description: `edit the ${target}` } : binding,
  );
}

const EDIT_TARGETS: Record<ProblemStep, string> = {
  type: 'type',
  scope: 'scope',
  subject: 'subject',
  body: 'body',
  breaking: 'breaking change',
  closes: 'issues',
};

/**
 * The protected-branch warning under the title, with the way out from where the user is: b here,
 * or where b works, and the shell command. Empty when the branch takes commits.
 */
export function protectedBranchLines(state: ComposerState): string[] {
  const notice = state.data.protectedBranch;
  if (!notice || ['loading', 'done', 'closed', 'branching'].includes(state.step)) return [];
  const come = '(the staged changes and this draft come along)';
  const where = keymapOf(state).some((binding) => binding.action === 'branch')
    ? ''
    : ' on the type list (Esc) or the preview';
  const next = offersBranch(state)
    ? `b${where} starts a branch for this work ${come}; or run: ${notice.command}`
    : `move the staged work to a new branch (the staged changes come along): ${notice.command}`;
  return [`⚠ ${notice.summary}`, `  next: ${next}`];
}

/** The changed files with their status columns (named staged and unstaged files alone: derived). */
export const composerFiles = (data: ComposerData): ChangedFile[] =>
  data.files ?? filesFromNames(data.staged, data.unstaged);

export interface ComposerData {
  types: CommitTypeChoice[];
  scopes: string[];
  staged: string[];
  unstaged: string[];
  /** Every changed file with its `git status` columns; without it, derived from staged and unstaged. */
  files?: ChangedFile[];
  /** The scopes are scope-enum's: no other passes, so all of them are shown. */
  scopeEnum?: boolean;
  /** The issue the branch names (`feature/42-…`): the closes field starts with it. */
  issue?: number | null;
  /** What to do once the commit is made, shown under "✓ Committed.". */
  nextStep?: string;
  /** The pre-commit hook refuses commits on this branch: warned about before the message is written. */
  protectedBranch?: ProtectedBranchNotice | null;
}

export interface ComposerState {
  step: ComposerStep;
  data: ComposerData;
  /** Into `data.types`; -1 when the type list's filter lets none through. */
  typeIndex: number;
  /** `/` on the type list narrows it (list-filter.ts). */
  filter: ListFilter;
  fields: Record<FieldStep, TextState>;
  /** What the rules say about the message as it stands (live). */
  problems: Problem[];
  /** The draft (draftKey) `problems` describe; until it matches, the check is still running. */
  checked: string | null;
  /** Enter was pressed on the subject or preview before the check of the current text arrived. */
  waiting: boolean;
  /** git's and the hooks' output of the last attempt. */
  output: string;
  restored: boolean;
  error: string | null;
  /** The files step: cursor, the selected file's diff, what staging is doing. */
  files: FilesView;
  /** The screen can open the branch screen (and come back): b is offered on a protected branch. */
  canBranch: boolean;
}

export type ComposerEvent =
  | { type: 'loaded'; data: ComposerData; draft: CommitDraft | null }
  | { type: 'load-failed'; message: string }
  | { type: 'staged'; data: ComposerData }
  | { type: 'stage-failed'; message: string }
  /** `generation`: FilesView.generation when the read started. */
  | { type: 'diff'; path: string; generation: number; text: string; error?: string }
  | { type: 'viewport'; rows: number }
  /** The staged files (and the rest) read again after an attempt: hooks and other terminals move the index. */
  | { type: 'refreshed'; data: ComposerData }
  | ({ type: 'key' } & KeyEvent)
  | { type: 'checked'; message: string; problems: Problem[] }
  | { type: 'committed'; ok: boolean; output: string };

export const initialComposer = (canBranch = false): ComposerState => ({
  step: 'loading',
  data: { types: [], scopes: [], staged: [], unstaged: [] },
  typeIndex: 0,
  filter: noFilter(),
  fields: { scope: textState(), subject: textState(), body: textState(), breaking: textState(), closes: textState() },
  problems: [],
  checked: null,
  waiting: false,
  output: '',
  restored: false,
  error: null,
  files: initialFilesView(),
  canBranch,
});

/** What the type filter matches a type by: its name and description. */
const typeText = (choice: CommitTypeChoice): string => `${choice.type} ${choice.description}`;

/** The commit types the filter lets through (indexes into `data.types`). */
export const visibleCommitTypes = (state: ComposerState): number[] =>
  visibleRows(state.data.types.map(typeText), state.filter);

export function draftOf(state: ComposerState): CommitDraft {
  return {
    type: state.data.types[state.typeIndex]?.type ?? '',
    scope: state.fields.scope.value,
    subject: state.fields.subject.value,
    body: state.fields.body.value,
    breaking: state.fields.breaking.value,
    closes: parseIssueList(state.fields.closes.value),
  };
}

/** Identifies a version of the message; the live check answers for one of these. */
export const draftKey = (state: ComposerState): string => JSON.stringify(draftOf(state));

export const headerLength = (state: ComposerState): number => commitHeader(draftOf(state)).length;

/**
 * The line under the scope: the suggestions matching what is typed, or, when scope-enum lists the
 * scopes, the allowed ones (up to 12 and how many more). Null when none matches.
 */
export function scopeHint(state: ComposerState): string | null {
  const all = scopeSuggestions(state, Infinity);
  if (all.length === 0) return null;
  if (!state.data.scopeEnum) return `suggestions: ${all.slice(0, 5).join(', ')}`;
  const more = all.length > 12 ? ` and ${all.length - 12} more` : '';
  return `allowed by scope-enum: ${all.slice(0, 12).join(', ')}${more}`;
}

/** Scope suggestions that start with what is typed so far. */
export function scopeSuggestions(state: ComposerState, limit = 5): string[] {
  const typed = state.fields.scope.value.toLowerCase();
  return state.data.scopes
    .filter((scope) => scope.toLowerCase().startsWith(typed) && scope !== state.fields.scope.value)
    .slice(0, limit);
}

const HEADER_RULE = /^(header|subject|type|scope)-/;

/** The subject may move on once it is non-empty and no error-level rule refuses the header. */
export const subjectAccepted = (state: ComposerState): boolean =>
  state.fields.subject.value.trim().length > 0 &&
  !state.problems.some((problem) => problem.level === 2 && HEADER_RULE.test(problem.name));

/** The rules (errors, then warnings) that speak about the field being edited, live. */
export const fieldProblems = (state: ComposerState): Problem[] =>
  isField(state.step) ? stepProblems(state.problems, draftOf(state), state.step) : [];

/**
 * True when the draft holds something a person typed: a type alone is not worth restoring, nor the
 * issue the closes field was started with (`prefilled`, from the branch name) or its removal.
 */
export const draftHasText = (draft: CommitDraft, prefilled: readonly number[] = []): boolean =>
  [draft.scope, draft.subject, draft.body, draft.breaking].some((text) => text.trim().length > 0) ||
  draft.closes.some((issue) => !prefilled.includes(issue));

/** The issues the closes field starts with when no draft is restored: the branch's. */
export const prefilledIssues = (data: ComposerData): number[] => (data.issue ? [data.issue] : []);

/** What to show after a failed attempt: git's and the hooks' output and the engine's error, each once. */
export function attemptOutput(output: string, error?: string): string {
  const said = output.trim();
  const why = (error ?? '').trim();
  if (!why) return said;
  return !said || why.includes(said) ? why : `${said}\n${why}`;
}

function loaded(state: ComposerState, data: ComposerData, draft: CommitDraft | null): ComposerState {
  const start = draft ?? emptyDraft();
  return {
    ...state,
    // Something left unstaged: the file list first, to choose what goes in.
    step: data.staged.length > 0 && data.unstaged.length === 0 ? 'type' : 'files',
    data,
    typeIndex: Math.max(
      0,
      data.types.findIndex((choice) => choice.type === start.type),
    ),
    fields: {
      scope: textState(start.scope),
      subject: textState(start.subject),
      body: textState(start.body),
      breaking: textState(start.breaking),
      closes: textState((draft === null ? prefilledIssues(data) : start.closes).map((n) => `#${n}`).join(' ')),
    },
    restored: draft !== null,
  };
}

const next = (step: ComposerStep): ComposerStep => FLOW[(FLOW as readonly string[]).indexOf(step) + 1] ?? step;
const previous = (step: ComposerStep): ComposerStep => {
  const index = (FLOW as readonly string[]).indexOf(step);
  return index <= 1 ? step : (FLOW[index - 1] as ComposerStep);
};

/**
 * Enter on the subject or the preview passes only a message the rules have checked: typed fast
 * ("add x\r" in one burst), Enter waits for the check of that text and then goes on, or stays.
 */
function advanceChecked(state: ComposerState): ComposerState {
  if (state.step === 'subject' && !state.fields.subject.value.trim()) return state;
  if (state.checked !== draftKey(state)) return { ...state, waiting: true };
  if (state.step === 'subject') return subjectAccepted(state) ? { ...state, step: 'body' } : state;
  return state.problems.some((problem) => problem.level === 2) ? state : { ...state, step: 'committing' };
}

const BUSY: readonly ComposerStep[] = ['loading', 'staging', 'committing', 'closed', 'branching'];

/** A run of characters is text in a field and one key per character elsewhere ("jj" moves twice). */
function onKeys(state: ComposerState, event: KeyEvent): ComposerState {
  if (isField(state.step)) return onKey(state, event);
  return singleKeys(event).reduce(
    (current, single) => (BUSY.includes(current.step) ? current : onKey(current, single)),
    state,
  );
}

/** The files step's keys: the list and diff move themselves; the rest starts staging or leaves. */
function onFilesStepKey(state: ComposerState, event: KeyEvent): ComposerState {
  const { view, outcome } = onFilesKey(state.files, composerFiles(state.data), event);
  const moved = { ...state, files: view };
  if (outcome === null) return moved;
  if (outcome === 'quit') return { ...moved, step: 'closed' };
  if (outcome === 'next') return state.data.staged.length > 0 ? { ...moved, step: 'type' } : moved;
  if (outcome === 'stage-all')
    return state.data.unstaged.length > 0 ? { ...moved, step: 'staging', files: { ...view, request: 'all' } } : moved;
  return { ...moved, step: 'staging', files: { ...view, request: outcome } };
}

/** The file list read again (the index moved): the cursor stays on its file, the diff is read anew. */
function refiled(state: ComposerState, data: ComposerData): FilesView {
  const before = composerFiles(state.data)[state.files.cursor]?.path;
  return {
    ...state.files,
    cursor: followPath(composerFiles(data), before, state.files.cursor),
    diff: null,
    scroll: 0,
    request: null,
    error: null,
    generation: state.files.generation + 1,
  };
}

/** After staging: on the files again, or on to the type once "stage all" staged something. */
function restaged(state: ComposerState, data: ComposerData): ComposerState {
  const all = state.files.request === 'all';
  return { ...state, data, files: refiled(state, data), step: all && data.staged.length > 0 ? 'type' : 'files' };
}

function onKey(state: ComposerState, event: KeyEvent): ComposerState {
  const step = state.step;
  if (step === 'files')
    return matchKey(keymapOf(state), event.input, event.key) === 'branch'
      ? { ...state, step: 'branching' }
      : onFilesStepKey(state, event);
  if (isField(step)) {
    const edited = editText(state.fields[step], event.input, event.key, step === 'body');
    if (edited) return { ...state, fields: { ...state.fields, [step]: edited }, waiting: false };
  }
  if (step === 'type') {
    const filter = filterKey(state.filter, event);
    if (filter) {
      const visible = visibleRows(state.data.types.map(typeText), filter);
      return { ...state, filter, typeIndex: keepCursorVisible(state.typeIndex, visible) };
    }
  }
  switch (matchKey(keymapOf(state), event.input, event.key)) {
    case 'branch':
      return { ...state, step: 'branching' };
    case 'discard':
      // Empty fields: the screen's draft effect then deletes the saved draft (nothing typed to keep).
      return { ...loaded(state, state.data, null), step: 'type' };
    case 'up':
      return { ...state, typeIndex: moveVisible(state.typeIndex, -1, visibleCommitTypes(state)) };
    case 'down':
      return { ...state, typeIndex: moveVisible(state.typeIndex, 1, visibleCommitTypes(state)) };
    case 'quit':
      return { ...state, step: 'closed' };
    case 'back':
      return { ...state, step: previous(step) };
    case 'edit':
      // To the field the rules complain about (the body's long line, a footer), not always the subject.
      return { ...state, step: stepToEdit(state.problems, draftOf(state)) };
    case 'retry':
      // Nothing staged any more (unstaged elsewhere meanwhile): retrying would only fail again.
      return { ...state, step: state.data.staged.length > 0 ? 'committing' : 'files' };
    case 'files':
      return { ...state, step: 'files', files: { ...state.files, focus: 'list' } };
    case 'complete': {
      const [suggestion] = scopeSuggestions(state);
      return suggestion ? { ...state, fields: { ...state.fields, scope: textState(suggestion) } } : state;
    }
    case 'next':
      if (step === 'type' && !state.data.types[state.typeIndex]) return state;
      if (step === 'subject' || step === 'preview') return advanceChecked(state);
      return { ...state, step: next(step) };
    default:
      return state;
  }
}

export function composerReducer(state: ComposerState, event: ComposerEvent): ComposerState {
  switch (event.type) {
    case 'loaded':
      return loaded(state, event.data, event.draft);
    case 'load-failed':
      return { ...state, step: 'refused', error: event.message };
    case 'staged':
      return restaged(state, event.data);
    case 'stage-failed':
      return { ...state, step: 'files', files: { ...state.files, request: null, error: event.message } };
    case 'diff': {
      // An answer for a file the cursor has left, or read before the index changed, is dropped.
      if (composerFiles(state.data)[state.files.cursor]?.path !== event.path) return state;
      if (event.generation !== state.files.generation) return state;
      const lines =
        event.error === undefined
          ? diffLines(event.text)
          : [{ kind: 'meta' as const, text: escapeControls(`✗ git diff --cached failed: ${event.error}`) }];
      return { ...state, files: { ...state.files, diff: { path: event.path, lines } } };
    }
    case 'viewport':
      return { ...state, files: { ...state.files, rows: event.rows } };
    case 'key':
      return BUSY.includes(state.step) ? state : onKeys(state, event);
    case 'checked': {
      // An answer about an older version of the message is dropped.
      if (draftKey(state) !== event.message) return state;
      const answered = { ...state, problems: event.problems, checked: event.message, waiting: false };
      return state.waiting ? advanceChecked(answered) : answered;
    }
    case 'committed':
      return { ...state, step: event.ok ? 'done' : 'refused', output: event.output };
    case 'refreshed': {
      const type = state.data.types[state.typeIndex]?.type;
      const typeIndex = event.data.types.findIndex((choice) => choice.type === type);
      const files = refiled(state, event.data);
      return { ...state, data: event.data, files, typeIndex: typeIndex === -1 ? state.typeIndex : typeIndex };
    }
  }
}
