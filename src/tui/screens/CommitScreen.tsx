// The commit composer: files (stage, unstage, the staged diff) → type → scope → subject → body →
// breaking → closes → preview → a real `git commit` with the hooks running. The draft is saved on
// every change, so Ctrl-C loses nothing.
import { Box, Text } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import type { ComposerData as LoadedData } from '../../app/plan-commit.js';
import { commitHeader, composeMessage } from '../../core/commit-composer/compose-message.js';
import { isShipwrightError } from '../../core/errors.js';
import { Frame } from '../components/Frame.js';
import { FilterLine } from '../components/FilterLine.js';
import { FILTERING_KEYS } from '../models/list-filter.js';
import { Spinner } from '../components/Spinner.js';
import { TextField } from '../components/TextField.js';
import { useTone } from '../components/theme.js';
import {
  STEP_TITLES,
  attemptOutput,
  composerFiles,
  composerReducer,
  draftHasText,
  draftKey,
  draftOf,
  fieldProblems,
  headerLength,
  initialComposer,
  isField,
  keymapOf,
  prefilledIssues,
  protectedBranchLines,
  scopeHint,
  visibleCommitTypes,
  type ComposerData,
  type FieldStep,
} from '../models/commit-model.js';
import type { TuiServices } from '../../app/screen-services.js';
import { useKeyInput } from '../use-key-input.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { FilesStep } from './commit/FilesStep.js';
import { runStaging, stagingFailure } from './commit/run-staging.js';

const PLACEHOLDERS: Record<FieldStep, string> = {
  scope: 'e.g. api',
  subject: 'imperative, lower case: add export endpoint',
  body: 'why, and how (optional)',
  breaking: 'what breaks and how to migrate',
  closes: 'e.g. 12 14',
};

const toData = (data: LoadedData): ComposerData => ({
  types: data.types,
  scopes: data.scopes,
  scopeEnum: data.scopeEnum,
  staged: data.tree.staged.map((file) => file.path),
  unstaged: data.tree.unstaged.map((file) => file.path),
  files: data.tree.files,
  issue: data.issue,
  nextStep: data.nextStep,
  protectedBranch: data.protectedBranch,
});

export function CommitScreen({
  services,
  close,
  openBranch,
}: {
  services: TuiServices;
  close: () => void;
  /** Opens the branch screen, which comes back here (b on a protected branch; the draft is saved). */
  openBranch?: () => void;
}) {
  const tone = useTone();
  const [state, dispatch] = useReducer(composerReducer, openBranch !== undefined, initialComposer);
  useKeyInput((event) => dispatch({ type: 'key', ...event }));
  const { rows, columns } = useTerminalSize();
  // The lines above the files step (the protected-branch warning, the restored draft) take rows
  // from its diff.
  const above =
    (state.restored ? 1 : 0) +
    protectedBranchLines(state).reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / columns)), 0);
  useEffect(() => dispatch({ type: 'viewport', rows: (rows ?? 24) - above }), [rows, above]);
  // Draft writes run one after another, so an older text never lands after a newer one (or after
  // the clear that follows a commit).
  const drafts = useRef<Promise<void>>(Promise.resolve());
  const persist = (write: () => Promise<void>): Promise<void> =>
    (drafts.current = drafts.current.then(write).catch(() => undefined));

  useEffect(() => {
    Promise.all([services.readComposerData(), services.loadDraft()]).then(
      ([data, draft]) => dispatch({ type: 'loaded', data: toData(data), draft }),
      (reason: unknown) =>
        dispatch({ type: 'load-failed', message: reason instanceof Error ? reason.message : String(reason) }),
    );
  }, [services]);

  // Live check and draft saving whenever the message changes (and once the composer gets past
  // the staged files, for a restored draft).
  const key = draftKey(state);
  const live = state.step !== 'loading' && state.step !== 'files' && state.step !== 'done';
  useEffect(() => {
    if (!live) return;
    const draft = draftOf(state);
    // Only what a person typed is worth restoring; a type picked by default is not.
    const typed = draftHasText(draft, prefilledIssues(state.data));
    void persist(() => (typed ? services.saveDraft(draft) : services.clearDraft()));
    services.lintDraft(draft).then(
      (report) => {
        const result = report.results[0];
        dispatch({ type: 'checked', message: key, problems: [...(result?.errors ?? []), ...(result?.warnings ?? [])] });
      },
      (reason: unknown) => {
        // Without the rules nothing can be checked here; the commit-msg hook still decides.
        const why = reason instanceof Error ? reason.message : String(reason);
        dispatch({
          type: 'checked',
          message: key,
          problems: [{ level: 1, name: 'rules-unavailable', message: `the commit rules could not be loaded: ${why}` }],
        });
      },
    );
  }, [key, live]);

  useEffect(() => {
    if (state.step === 'closed') close();
    // The draft is saved on every change (and was, before this step): the composer restores it on return.
    if (state.step === 'branching') void persist(async () => undefined).then(() => openBranch?.());
    if (state.step === 'staging' && state.files.request !== null) {
      const request = state.files.request;
      runStaging(services, request)
        .then((result) => {
          if (!result.ok) throw new Error(attemptOutput(result.output, result.error));
          return services.readComposerData();
        })
        .then(
          (data) => dispatch({ type: 'staged', data: toData(data) }),
          (reason: unknown) => dispatch({ type: 'stage-failed', message: stagingFailure(request, reason) }),
        );
    }
    if (state.step === 'committing') {
      services
        .planCommit(draftOf(state))
        .then(
          async (planned) => {
            const result = await services.runPlan(planned.plan);
            if (result.ok) await persist(() => services.clearDraft());
            dispatch({
              type: 'committed',
              ok: result.ok,
              output: result.ok ? result.output : attemptOutput(result.output, result.error),
            });
          },
          // A refusal from planning (nothing-staged: the index was emptied meanwhile) with its fix.
          (reason: unknown) =>
            dispatch({
              type: 'committed',
              ok: false,
              output: isShipwrightError(reason)
                ? `${reason.message}${reason.fix ? `\n${reason.fix}` : ''}`
                : reason instanceof Error
                  ? reason.message
                  : String(reason),
            }),
        )
        // The attempt (its hooks, lint-staged) may have changed the index: "N staged" says what is now.
        .then(() => services.readComposerData())
        .then(
          (data) => dispatch({ type: 'refreshed', data: toData(data) }),
          () => undefined,
        );
    }
  }, [state.step]);

  // The selected file's staged diff, read when the cursor reaches it and again after staging.
  const selected = state.step === 'files' ? composerFiles(state.data)[state.files.cursor] : undefined;
  const diffWanted = selected !== undefined && state.files.diff?.path !== selected.path;
  useEffect(() => {
    if (!selected || !diffWanted) return;
    const { path, from } = selected;
    const { generation } = state.files;
    services.readStagedDiff(path, from).then(
      (text) => dispatch({ type: 'diff', path, generation, text }),
      (reason: unknown) =>
        dispatch({
          type: 'diff',
          path,
          generation,
          text: '',
          error: reason instanceof Error ? reason.message : String(reason),
        }),
    );
  }, [selected?.path, diffWanted]);

  const choice = state.data.types[state.typeIndex];
  const draft = draftOf(state);
  const message = composeMessage(draft);
  const step = state.step;
  return (
    <Frame
      title={`Commit · ${STEP_TITLES[step]}`}
      context={`${state.data.staged.length} staged`}
      keymap={step === 'type' && state.filter.editing ? FILTERING_KEYS : keymapOf(state)}
      typing={isField(step) || (step === 'type' && state.filter.editing)}
    >
      {protectedBranchLines(state).map((line, i) => (
        <Text key={i} {...tone('warn')} wrap="wrap">
          {line}
        </Text>
      ))}
      {step === 'loading' ? <Spinner label="reading the commit rules and staged files…" /> : null}
      {state.restored && (step === 'type' || step === 'files' || step === 'staging') ? (
        <Text {...tone('muted')} wrap="truncate-end">
          Restored your unfinished draft: {commitHeader(draft)}
          {step === 'type' ? ' · d discards it' : ''}
        </Text>
      ) : null}
      {step === 'files' || step === 'staging' ? (
        <FilesStep files={composerFiles(state.data)} view={state.files} busy={step === 'staging'} />
      ) : null}
      {step === 'type' ? (
        <Box flexDirection="column">
          <FilterLine filter={state.filter} shown={visibleCommitTypes(state).length} total={state.data.types.length} />
          {visibleCommitTypes(state).map((i) => {
            const option = state.data.types[i]!;
            return (
              <Text key={option.type} {...(i === state.typeIndex ? tone('accent') : {})} wrap="truncate-end">
                {i === state.typeIndex ? '❯ ' : '  '}
                {option.type.padEnd(9)}
                <Text {...tone('muted')}>
                  {option.description.padEnd(42)} {option.effect ? `→ ${option.effect}` : ''}
                </Text>
              </Text>
            );
          })}
        </Box>
      ) : null}
      {isField(step) ? (
        <Box flexDirection="column">
          {step === 'scope' ? (
            <Text>
              <Text {...tone('muted')}>{choice?.type}(</Text>
              <TextField state={state.fields.scope} focused placeholder={PLACEHOLDERS.scope} />
              <Text {...tone('muted')}>)</Text>
            </Text>
          ) : step === 'subject' ? (
            <Text>
              <Text {...tone('muted')}>{commitHeader({ ...draft, subject: '' })}</Text>
              <TextField state={state.fields.subject} focused placeholder={PLACEHOLDERS.subject} />
            </Text>
          ) : (
            <Box flexDirection="column">
              <Text {...tone('muted')} wrap="truncate-end">
                {commitHeader(draft)}
              </Text>
              <TextField state={state.fields[step]} focused placeholder={PLACEHOLDERS[step]} />
            </Box>
          )}
          {step === 'scope' && scopeHint(state) ? (
            <Text {...tone('muted')} wrap="wrap">
              {scopeHint(state)}
            </Text>
          ) : null}
          {step === 'subject' ? (
            <Text {...tone(headerLength(state) > 100 ? 'bad' : 'muted')}>
              {headerLength(state)} characters in the header{state.waiting ? ' · checking…' : ''}
            </Text>
          ) : null}
          {fieldProblems(state).map((problem) => (
            <Text key={problem.name} {...tone(problem.level === 2 ? 'bad' : 'warn')}>
              {problem.level === 2 ? '✖' : '⚠'} {problem.name}: {problem.message}
            </Text>
          ))}
        </Box>
      ) : null}
      {step === 'preview' || (step === 'refused' && !state.error) || step === 'done' || step === 'committing' ? (
        <Box flexDirection="column">
          <Box borderStyle="round" paddingX={1} flexDirection="column">
            {message
              .replace(/\n$/, '')
              .split('\n')
              .map((line, i) => (
                <Text key={i}>{line || ' '}</Text>
              ))}
          </Box>
          {step === 'preview'
            ? state.problems.map((problem) => (
                <Text key={problem.name} {...tone(problem.level === 2 ? 'bad' : 'warn')}>
                  {problem.level === 2 ? '✖' : '⚠'} {problem.name}: {problem.message}
                </Text>
              ))
            : null}
        </Box>
      ) : null}
      {step === 'committing' ? <Spinner label="git commit (hooks running)…" /> : null}
      {step === 'done' ? (
        <Box flexDirection="column">
          <Text {...tone('good')}>✓ Committed.</Text>
          {state.data.nextStep ? <Text>{state.data.nextStep}</Text> : null}
          {state.output
            .trim()
            .split('\n')
            .slice(-8)
            .map((line, i) => (
              <Text key={i} {...tone('muted')} wrap="truncate-end">
                {line}
              </Text>
            ))}
        </Box>
      ) : null}
      {step === 'refused' ? (
        <Box flexDirection="column">
          <Text {...tone('bad')}>
            ✗ {state.error ?? 'The commit was not made. Your message is kept: e edits it, r tries again.'}
          </Text>
          {state.output
            .split('\n')
            .slice(-14)
            .map((line, i) => (
              <Text key={i} wrap="wrap">
                {line}
              </Text>
            ))}
        </Box>
      ) : null}
    </Frame>
  );
}
