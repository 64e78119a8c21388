// The hotfix wizard: off a hotfix branch it starts one from a release; on one it finishes it
// (patch release, merge into production, the fix brought to dev and release branches). Plans are
// the CLI's own (prepareHotfixStart / prepareHotfixFinish); a conflict shows ConflictScreen.
import { Box, Text } from 'ink';
import { useEffect, useReducer } from 'react';
import { ErrorLines } from '../components/ErrorLines.js';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { hotfixKeymap, hotfixReducer, initialHotfix, startRequest } from '../models/hotfix-model.js';
import { finishedLines, startedLines } from '../models/hotfix-summary.js';
import type { TuiServices } from '../../app/screen-services.js';
import { useKeyInput } from '../use-key-input.js';
import { pausedConflict } from './ConflictScreen.js';
import { FinishReview } from './hotfix/FinishReview.js';
import { StartForm } from './hotfix/StartForm.js';
import { PlanPreview } from './run/PlanPreview.js';
import { RunOutcome } from './run/RunOutcome.js';
import { RunSteps } from './run/RunSteps.js';
import { useRunAttempts } from './run/use-run-attempts.js';
import { useTerminalSize } from '../use-terminal-size.js';

const TITLE = 'Hotfix';

interface HotfixScreenProps {
  services: TuiServices;
  back: () => void;
  /** Told true while the engine works: Ctrl-C then stops the run here instead of leaving the program. */
  holdExit?: (held: boolean) => void;
}

export function HotfixScreen({ services, back, holdExit }: HotfixScreenProps) {
  const height = useTerminalSize().rows ?? 24;
  const [state, dispatch] = useReducer(hotfixReducer, undefined, initialHotfix);
  useKeyInput((event) => dispatch({ type: 'key', ...event }));

  useEffect(() => {
    if (state.step === 'closed') back();
    if (state.step === 'loading') services.readHotfixOutlook().then((answer) => dispatch({ type: 'loaded', answer }));
    if (state.step === 'preparing' && state.mode === 'start')
      services.prepareHotfixStart(startRequest(state)).then((answer) => dispatch({ type: 'started-prepared', answer }));
    if (state.step === 'preparing' && state.mode === 'finish')
      services
        .prepareHotfixFinish({ skip: state.skip, push: state.push })
        .then((answer) => dispatch({ type: 'finish-prepared', answer }));
  }, [state.step]);

  const plan = (state.mode === 'finish' ? state.finish?.plan : state.started?.plan) ?? null;
  useRunAttempts(services, state.run, plan, (event) => dispatch({ type: 'run', event }), holdExit);

  const { run } = state;
  const title = state.mode === 'finish' ? `${TITLE} · finish` : state.mode === 'start' ? `${TITLE} · start` : TITLE;
  const conflict = state.step === 'run' ? pausedConflict(title, run, services) : null;
  if (conflict) return conflict;
  const context =
    state.mode === 'finish'
      ? (state.outlook?.branch ?? undefined)
      : state.outlook
        ? `production ${state.outlook.productionTag ?? 'not released yet'}`
        : undefined;
  const summary =
    state.mode === 'finish' && state.finish
      ? finishedLines(state.finish, run?.skipped ?? [])
      : state.started
        ? startedLines(state.started)
        : [];
  return (
    <Frame
      title={title}
      {...(context ? { context } : {})}
      keymap={hotfixKeymap(state)}
      typing={state.step === 'name' || (state.step === 'base' && state.baseFilter.editing)}
    >
      {state.step === 'loading' ? <Spinner label="reading the releases and the current branch…" /> : null}
      {state.step === 'base' || state.step === 'name' ? <StartForm state={state} /> : null}
      {state.step === 'preparing' ? (
        <Spinner
          label={
            state.mode === 'finish' ? 'checking the repository and planning the release…' : 'checking the repository…'
          }
        />
      ) : null}
      {state.step === 'review' && state.finish ? (
        <FinishReview
          state={state}
          finish={state.finish}
          changelogRows={Math.max(2, height - 16 - state.finish.targets.length)}
        />
      ) : null}
      {state.step === 'confirm' && plan ? (
        <Box flexDirection="column">
          <PlanPreview plan={plan} top={state.planTop} height={Math.max(3, height - 12)} />
          <Text>
            {state.mode === 'finish'
              ? `Release ${state.finish?.tag ?? ''}${state.push ? ' and push' : ' locally'}?`
              : `Create ${state.started?.branch ?? ''} and switch to it?`}
          </Text>
        </Box>
      ) : null}
      {state.step === 'run' && run ? (
        <Box flexDirection="column">
          <RunSteps run={run} height={Math.max(3, height - 12)} />
          <RunOutcome run={run} summary={summary} />
        </Box>
      ) : null}
      {state.step === 'failed' && state.error ? <ErrorLines error={state.error} /> : null}
    </Frame>
  );
}
