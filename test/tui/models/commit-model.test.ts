// The composer's reducer: key events and live-check answers in, the next state out.
import { describe, expect, it } from 'vitest';
import { composeMessage, emptyDraft } from '../../../src/core/commit-composer/compose-message.js';
import type { Problem } from '../../../src/core/lint/message-verdict.js';
import {
  attemptOutput,
  composerReducer,
  draftHasText,
  draftKey,
  draftOf,
  fieldProblems,
  initialComposer,
  keymapOf,
  protectedBranchLines,
  scopeHint,
  scopeSuggestions,
  subjectAccepted,
  visibleCommitTypes,
  type ComposerEvent,
  type ComposerState,
} from '../../../src/tui/models/commit-model.js';
import type { KeyEvent } from '../../../src/tui/use-key-input.js';
import { BODY_LEADING_BLANK, composerData, FULL_STOP, SUBJECT_CASE } from '../support/data.js';
import { burst, ctrl, press, text } from '../support/keys.js';

const keys = (...events: KeyEvent[]): ComposerEvent[] => events.map((event) => ({ type: 'key', ...event }));
const run = (state: ComposerState, events: ComposerEvent[]): ComposerState => events.reduce(composerReducer, state);
const type = (state: ComposerState, input: string): ComposerState => run(state, keys(...burst(input)));
/** The live check's answer for the message as it stands. */
const checked = (state: ComposerState, problems: Problem[] = []): ComposerState =>
  composerReducer(state, { type: 'checked', message: draftKey(state), problems });
const loaded = (staged?: string[], unstaged?: string[]) =>
  composerReducer(initialComposer(), { type: 'loaded', data: composerData(staged, unstaged), draft: null });
/** At the subject step with feat(auth) chosen. */
const atSubject = () => type(loaded(), '\rauth\r');

describe('composerReducer: loading and staging', () => {
  it('opens on the type list when something is staged', () => {
    expect(loaded()).toMatchObject({ step: 'type', typeIndex: 0, restored: false });
  });

  it('opens on the files when nothing is staged; a stages everything there is', () => {
    const files = loaded([], ['README.md']);
    expect(files.step).toBe('files');
    expect(type(files, '\r').step).toBe('files');
    expect(type(files, 'a').step).toBe('staging');
    expect(type(loaded([], []), 'a').step).toBe('files');
    expect(composerReducer(type(files, 'a'), { type: 'staged', data: composerData(['README.md']) })).toMatchObject({
      step: 'type',
      data: { staged: ['README.md'] },
    });
  });

  it('restores a draft into every field', () => {
    const draft = {
      ...emptyDraft(),
      type: 'fix',
      scope: 'api',
      subject: 'handle empty pages',
      body: 'Why.',
      breaking: '',
      closes: [12, 14],
    };
    const state = composerReducer(initialComposer(), { type: 'loaded', data: composerData(), draft });
    expect(state.restored).toBe(true);
    expect(state.typeIndex).toBe(1);
    expect(state.fields.subject).toEqual({ value: 'handle empty pages', cursor: 18 });
    expect(state.fields.closes.value).toBe('#12 #14');
    expect(draftOf(state)).toEqual(draft);
  });

  it('d discards a restored draft (offered only then): empty fields, nothing restored', () => {
    const draft = {
      ...emptyDraft(),
      type: 'fix',
      scope: 'api',
      subject: 'handle empty pages',
      body: 'Why.',
      breaking: '',
      closes: [12],
    };
    const restored = composerReducer(initialComposer(), { type: 'loaded', data: composerData(), draft });
    const discarded = type(restored, 'd');
    expect(discarded).toMatchObject({ step: 'type', restored: false, typeIndex: 0 });
    expect(draftHasText(draftOf(discarded))).toBe(false);
    // Without a restored draft, d does nothing.
    expect(type(loaded(), 'd')).toEqual(loaded());
  });

  it('ignores keys while loading, staging and committing', () => {
    const state = initialComposer();
    expect(type(state, 'q\r')).toBe(state);
    const committing: ComposerState = { ...loaded(), step: 'committing' };
    expect(run(committing, keys(press('escape'), text('q')))).toBe(committing);
  });
});

describe('composerReducer: type and scope', () => {
  it('moves once per character of a fast "jj" and chooses with Enter in the same burst', () => {
    const state = type(loaded(), 'jj\r');
    expect(draftOf(state).type).toBe('docs');
    expect(state.step).toBe('scope');
  });

  it('q closes from the type list (the draft is kept by the screen)', () => {
    expect(type(loaded(), 'q').step).toBe('closed');
  });

  it('suggests scopes by prefix and completes the first with Tab', () => {
    let state = type(loaded(), '\ra');
    expect(scopeSuggestions(state)).toEqual(['auth', 'api', 'app']);
    state = type(state, 'p');
    expect(scopeSuggestions(state)).toEqual(['api', 'app']);
    state = run(state, keys(press('tab')));
    expect(state.fields.scope.value).toBe('api');
    expect(state.step).toBe('scope');
  });
});

describe('composerReducer: subject and the live check', () => {
  it('moves on from the subject once the check of that subject arrives clean', () => {
    let state = type(atSubject(), 'add the login form');
    state = checked(state);
    expect(subjectAccepted(state)).toBe(true);
    expect(type(state, '\r').step).toBe('body');
  });

  it('does not accept the subject while a header rule error is present', () => {
    let state = checked(type(atSubject(), 'Add the login form.'), [SUBJECT_CASE, FULL_STOP]);
    expect(subjectAccepted(state)).toBe(false);
    expect(fieldProblems(state).map((problem) => problem.name)).toEqual(['subject-case', 'subject-full-stop']);
    state = type(state, '\r');
    expect(state.step).toBe('subject');
    // Fixed: the new text is checked again, then Enter passes.
    state = checked(run(state, keys(ctrl('u'), ...burst('add the login form'))));
    expect(type(state, '\r').step).toBe('body');
  });

  it('holds an Enter typed before the check arrives, then goes on if the check is clean', () => {
    const state = type(atSubject(), 'add the login form\r');
    expect(state).toMatchObject({ step: 'subject', waiting: true });
    expect(checked(state)).toMatchObject({ step: 'body', waiting: false });
  });

  it('holds an Enter typed before the check arrives, then stays if the check finds errors', () => {
    const state = type(atSubject(), 'Add the login form.\r');
    expect(checked(state, [SUBJECT_CASE])).toMatchObject({ step: 'subject', waiting: false });
  });

  it('drops a check that answers for an older version of the message', () => {
    const older = type(atSubject(), 'Add');
    const newer = type(older, ' the login form');
    const state = composerReducer(newer, { type: 'checked', message: draftKey(older), problems: [SUBJECT_CASE] });
    expect(state).toBe(newer);
  });

  it('lets warnings through', () => {
    const state = checked(type(atSubject(), 'add the login form'), [BODY_LEADING_BLANK]);
    expect(type(state, '\r').step).toBe('body');
  });

  it('never accepts an empty subject', () => {
    const state = checked(atSubject());
    expect(type(state, '\r')).toMatchObject({ step: 'subject', waiting: false });
  });

  it('shows scope rules at the scope step and header rules at the subject step, but not before a subject is typed', () => {
    const scopeProblem: Problem = { level: 2, name: 'scope-enum', message: 'scope must be one of [auth, api]' };
    const subjectEmpty: Problem = { level: 2, name: 'subject-empty', message: 'subject may not be empty' };
    const atScope = checked(type(loaded(), '\rweb'), [scopeProblem, subjectEmpty]);
    expect(fieldProblems(atScope)).toEqual([scopeProblem]);
    expect(fieldProblems(checked(atSubject(), [subjectEmpty]))).toEqual([]);
  });
});

describe('composerReducer: body, footers and preview', () => {
  const atBody = () => type(checked(type(atSubject(), 'add the login form')), '\r');

  it('takes Enter as a new line in the body and Tab (or ctrl+s) as next', () => {
    let state = type(atBody(), 'Explain why.\r\nAnd how.');
    expect(state.fields.body.value).toBe('Explain why.\nAnd how.');
    expect(state.step).toBe('body');
    state = run(state, keys(press('tab')));
    expect(state.step).toBe('breaking');
    expect(run(atBody(), keys(ctrl('s'))).step).toBe('breaking');
  });

  it('builds the exact message from the fields', () => {
    const state = type(atBody(), 'Explain why.\tdrops the v1 login route\r#12, 14\r');
    expect(state.step).toBe('preview');
    expect(composeMessage(draftOf(state))).toBe(
      'feat(auth)!: add the login form\n\nExplain why.\n\nBREAKING CHANGE: drops the v1 login route\nCloses #12\nCloses #14\n',
    );
  });

  it('commits from the preview only when the check has no errors', () => {
    const preview = checked(type(atBody(), '\t\r\r'));
    expect(preview.step).toBe('preview');
    expect(type(preview, 'y').step).toBe('committing');
    expect(type(checked(preview, [FULL_STOP]), '\r').step).toBe('preview');
  });

  it('goes back one step with Escape, and e edits the subject from the preview', () => {
    const preview = checked(type(atBody(), '\t\r\r'));
    expect(run(preview, keys(press('escape'))).step).toBe('closes');
    expect(type(preview, 'e').step).toBe('subject');
  });

  const BODY_LONG: Problem = {
    level: 2,
    name: 'body-max-line-length',
    message: "body's lines must not be longer than 100 characters",
  };
  const FOOTER_LONG: Problem = {
    level: 2,
    name: 'footer-max-line-length',
    message: "footer's lines must not be longer than 100 characters",
  };

  it('shows the body rules live while the body is typed, errors before warnings', () => {
    const body = checked(type(atBody(), 'x'.repeat(120)), [BODY_LEADING_BLANK, FULL_STOP, BODY_LONG]);
    expect(body.step).toBe('body');
    expect(fieldProblems(body)).toEqual([BODY_LONG, BODY_LEADING_BLANK]);
  });

  it('shows footer rules at the breaking change when there is one, else at the issues', () => {
    const breaking = checked(type(atBody(), `\t${'y'.repeat(120)}`), [FOOTER_LONG]);
    expect(breaking.step).toBe('breaking');
    expect(fieldProblems(breaking)).toEqual([FOOTER_LONG]);
    const references: Problem = { level: 1, name: 'references-empty', message: 'references may not be empty' };
    const closes = checked(type(atBody(), '\t\r'), [FOOTER_LONG, references]);
    expect(closes.step).toBe('closes');
    expect(fieldProblems(closes)).toEqual([FOOTER_LONG, references]);
  });

  it('e on the preview goes to the field with the first error: the body, the breaking change, the type', () => {
    const preview = (problems: Problem[], keysTyped = '\t\r\r') => checked(type(atBody(), keysTyped), problems);
    expect(type(preview([BODY_LONG]), 'e').step).toBe('body');
    expect(type(preview([BODY_LEADING_BLANK, FOOTER_LONG], '\tdrops v1\r\r'), 'e').step).toBe('breaking');
    expect(type(preview([BODY_LEADING_BLANK]), 'e').step).toBe('body');
    const typeEnum: Problem = { level: 2, name: 'type-enum', message: 'type must be one of [feat, fix]' };
    expect(type(preview([BODY_LEADING_BLANK, typeEnum]), 'e').step).toBe('type');
    expect(type(preview([{ level: 1, name: 'rules-unavailable', message: 'no rules' }]), 'e').step).toBe('subject');
  });

  it('says in the help bar where e goes', () => {
    const edit = (state: ComposerState) => keymapOf(state).find((binding) => binding.action === 'edit')?.description;
    const preview = checked(type(atBody(), '\t\r\r'));
    expect(edit(preview)).toBe('edit');
    expect(edit(checked(preview, [BODY_LONG]))).toBe('edit the body');
    expect(edit(checked(preview, [BODY_LEADING_BLANK, FOOTER_LONG]))).toBe('edit the issues');
    expect(edit(checked(preview, [{ level: 1, name: 'rules-unavailable', message: 'no rules' }]))).toBe('edit');
  });
});

describe('composerReducer: after the attempt', () => {
  const committing = () =>
    type(checked(type(type(checked(type(atSubject(), 'add the login form')), '\r'), '\t\r\r')), '\r');

  it('ends on done when git made the commit', () => {
    expect(committing().step).toBe('committing');
    expect(
      composerReducer(committing(), {
        type: 'committed',
        ok: true,
        output: '[feature/x 1a2b3c4] feat(auth): add the login form',
      }),
    ).toMatchObject({ step: 'done' });
  });

  it('keeps the message when a hook refuses it: e edits the subject, r retries, q closes', () => {
    const refused = composerReducer(committing(), {
      type: 'committed',
      ok: false,
      output: 'direct commits on dev are not allowed',
    });
    expect(refused).toMatchObject({ step: 'refused', output: 'direct commits on dev are not allowed' });
    expect(draftOf(refused).subject).toBe('add the login form');
    const editing = type(refused, 'e');
    expect(editing.step).toBe('subject');
    expect(editing.fields.subject.value).toBe('add the login form');
    expect(type(refused, 'r').step).toBe('committing');
    expect(type(refused, 'q').step).toBe('closed');
  });
});

describe('composerReducer: the index read again after an attempt', () => {
  const refused = () =>
    composerReducer(type(checked(type(type(checked(type(atSubject(), 'add the login form')), '\r'), '\t\r\r')), '\r'), {
      type: 'committed',
      ok: false,
      output: 'husky - pre-commit script failed (code 1)',
    });

  it('takes the staged files as they are now, keeping the step, the type and the message', () => {
    const state = composerReducer(refused(), {
      type: 'refreshed',
      data: composerData(['src/login.ts', 'src/session.ts']),
    });
    expect(state).toMatchObject({ step: 'refused', typeIndex: 0 });
    expect(state.data.staged).toEqual(['src/login.ts', 'src/session.ts']);
    expect(draftOf(state).subject).toBe('add the login form');
  });

  it('r goes to the staged files instead of retrying when nothing is staged any more', () => {
    const state = composerReducer(refused(), { type: 'refreshed', data: composerData([], ['src/login.ts']) });
    expect(type(state, 'r').step).toBe('files');
    expect(type(refused(), 'r').step).toBe('committing');
  });
});

describe('scopeHint', () => {
  const atScope = (scopes: string[], scopeEnum: boolean, typed = '') =>
    type(
      composerReducer(initialComposer(), {
        type: 'loaded',
        data: { ...composerData(), scopes, scopeEnum },
        draft: null,
      }),
      `\r${typed}`,
    );
  const many = Array.from({ length: 14 }, (_, i) => `pkg${i + 1}`);

  it('suggests five matching scopes when any scope passes', () => {
    expect(scopeHint(atScope(many, false))).toBe('suggestions: pkg1, pkg2, pkg3, pkg4, pkg5');
    expect(scopeHint(atScope(many, false, 'x'))).toBeNull();
  });

  it('shows the scopes scope-enum allows, up to twelve and how many more', () => {
    expect(scopeHint(atScope(many, true))).toBe(`allowed by scope-enum: ${many.slice(0, 12).join(', ')} and 2 more`);
    expect(scopeHint(atScope(many, true, 'pkg1'))).toBe('allowed by scope-enum: pkg10, pkg11, pkg12, pkg13, pkg14');
  });
});

describe('composerReducer: on a protected branch', () => {
  const notice = { branch: 'dev', summary: 'dev is protected.', command: 'git switch -c feature/my-change' };
  const onDev = (canBranch = true) =>
    composerReducer(initialComposer(canBranch), {
      type: 'loaded',
      data: { ...composerData(), protectedBranch: notice },
      draft: null,
    });

  it('b leaves for the branch screen from the type list and the preview, not from a text field', () => {
    expect(type(onDev(), 'b').step).toBe('branching');
    const scope = type(onDev(), '\r');
    expect(type(scope, 'b')).toMatchObject({ step: 'scope', fields: { scope: { value: 'b' } } });
    expect(keymapOf(scope).some((binding) => binding.action === 'branch')).toBe(false);
    expect(type(loaded(), 'b').step).toBe('type');
    expect(type(onDev(false), 'b').step).toBe('type');
  });

  it('warns with the way out from where the user is', () => {
    expect(protectedBranchLines(onDev())).toEqual([
      '⚠ dev is protected.',
      '  next: b starts a branch for this work (the staged changes and this draft come along); or run: git switch -c feature/my-change',
    ]);
    expect(protectedBranchLines(type(onDev(), '\r'))[1]).toContain('b on the type list (Esc) or the preview starts');
    expect(protectedBranchLines(onDev(false))[1]).toBe(
      '  next: move the staged work to a new branch (the staged changes come along): git switch -c feature/my-change',
    );
    expect(protectedBranchLines(loaded())).toEqual([]);
  });
});

describe('composer helpers', () => {
  it('draftHasText: only typed text makes a draft worth restoring', () => {
    expect(draftHasText({ ...emptyDraft(), type: 'feat' })).toBe(false);
    expect(draftHasText({ ...emptyDraft(), type: 'feat', subject: 'add' })).toBe(true);
    expect(draftHasText({ ...emptyDraft(), closes: [3] })).toBe(true);
    // The branch's issue, prefilled, is not typed text (nor is its removal alone); another issue is.
    expect(draftHasText({ ...emptyDraft(), closes: [42] }, [42])).toBe(false);
    expect(draftHasText({ ...emptyDraft(), closes: [] }, [42])).toBe(false);
    expect(draftHasText({ ...emptyDraft(), closes: [42, 7] }, [42])).toBe(true);
  });

  it('attemptOutput: the hook output once, even when the error repeats it', () => {
    const hook = 'shipwright: direct commits on dev are not allowed\nhusky - pre-commit script failed (code 1)';
    expect(
      attemptOutput(`${hook}\n`, `Step 1 failed: git did not make the commit:\n${hook}\nNothing had been changed yet.`),
    ).toBe(`Step 1 failed: git did not make the commit:\n${hook}\nNothing had been changed yet.`);
    expect(attemptOutput('hook said no', 'index.lock exists')).toBe('hook said no\nindex.lock exists');
    expect(attemptOutput('', 'index.lock exists')).toBe('index.lock exists');
    expect(attemptOutput('all good\n')).toBe('all good');
  });
});

describe('composerReducer: / filters the type list', () => {
  const names = (state: ComposerState) => visibleCommitTypes(state).map((i) => state.data.types[i]!.type);

  it('narrows the list as the query is typed (name or description); Enter keeps it, Enter again chooses', () => {
    const filtering = type(loaded(), '/doc');
    expect(filtering.filter.editing).toBe(true);
    expect(names(filtering)).toEqual(['docs']);
    expect(filtering.typeIndex).toBe(2);
    const kept = type(filtering, '\r');
    expect(kept).toMatchObject({ step: 'type', filter: { editing: false } });
    expect(names(kept)).toEqual(['docs']);
    const chosen = type(kept, '\r');
    expect(chosen.step).toBe('scope');
    expect(draftOf(chosen).type).toBe('docs');
  });

  it('matches descriptions too, and j / k move among the visible types only', () => {
    expect(names(type(loaded(), '/bug'))).toEqual(['fix']);
    const kept = type(loaded(), '/f\r');
    expect(names(kept)).toEqual(['feat', 'fix']);
    expect(run(kept, keys(text('j'))).typeIndex).toBe(1);
    expect(run(kept, keys(text('j'), text('j'))).typeIndex).toBe(0);
  });

  it('Esc clears a kept filter first; the next Esc closes the composer', () => {
    const kept = type(loaded(), '/fix\r');
    const cleared = run(kept, keys(press('escape')));
    expect(cleared.step).toBe('type');
    expect(names(cleared)).toEqual(['feat', 'fix', 'docs', 'chore']);
    expect(run(cleared, keys(press('escape'))).step).toBe('closed');
  });

  it('a query that matches nothing chooses nothing: Enter stays on the list', () => {
    const none = type(loaded(), '/zzz\r');
    expect(none.typeIndex).toBe(-1);
    expect(type(none, '\r').step).toBe('type');
  });

  it('q typed into the query is text, not close', () => {
    const filtering = type(loaded(), '/q');
    expect(filtering.step).toBe('type');
    expect(filtering.filter.query.value).toBe('q');
  });
});
