// A run left paused on a conflict or interrupted, opened from home: the conflict screen with its
// three ways on (or, interrupted, the steps with continue and abort), then how it ended.
import { Box, Text } from 'ink';
import { useEffect, useReducer } from 'react';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import type { ConflictChoice } from '../models/run-model.js';
import { isRunOver } from '../models/run-model.js';
import { initialResume, resumeKeymap, resumeReducer } from '../models/resume-model.js';
import type { TuiServices } from '../../app/screen-services.js';
import { useKeyInput } from '../use-key-input.js';
import { pausedConflict } from './ConflictScreen.js';
import { ConfirmAbort } from './run/ConfirmAbort.js';
import { RunOutcome } from './run/RunOutcome.js';
import { RunSteps } from './run/RunSteps.js';
import { useRunAttempts } from './run/use-run-attempts.js';

interface ResumeScreenProps {
  services: TuiServices;
  back: () => void;
  /** Chosen on home already: applied as soon as the run is read. */
  choice?: ConflictChoice;
  holdExit?: (held: boolean) => void;
}

export function ResumeScreen({ services, back, choice, holdExit }: ResumeScreenProps) {
  const tone = useTone();
  const [state, dispatch] = useReducer(resumeReducer, choice ?? null, initialResume);
  useKeyInput((event) => dispatch({ type: 'key', ...event }));
  useEffect(() => {
    if (state.step === 'closed') back();
    if (state.step === 'loading')
      services.readPendingRun().then(
        (pending) => dispatch({ type: 'loaded', pending }),
        () => dispatch({ type: 'loaded', pending: null }),
      );
  }, [state.step]);
  useRunAttempts(services, state.run, null, (event) => dispatch({ type: 'run', event }), holdExit);

  const { run, pending } = state;
  const title = pending?.title ?? 'Paused run';
  const conflict = pausedConflict(title, run, services);
  if (conflict) return conflict;
  return (
    <Frame title={title} context={pending ? pending.command : undefined} keymap={resumeKeymap(state)}>
      {state.step === 'loading' ? <Spinner label="reading the unfinished run…" /> : null}
      {state.step === 'none' ? (
        pending?.running ? (
          <Text>Another shipwright is running `{pending.command}` right now: wait for it to finish.</Text>
        ) : (
          <Text {...tone('good')}>✓ No run is waiting here any more: it was finished or undone elsewhere.</Text>
        )
      ) : null}
      {run ? (
        <Box flexDirection="column">
          {!isRunOver(run) ? (
            <Text {...tone('warn')}>
              ‖ Interrupted at step {(pending?.at ?? 0) + 1} of {run.steps.length}. Continue it from there, or abort to
              put everything back.
            </Text>
          ) : null}
          <RunSteps run={run} height={12} />
          {run.confirmAbort ? <ConfirmAbort resolving={false} /> : null}
          <RunOutcome
            run={run}
            summary={[
              `Finished \`${pending?.command ?? title}\`.`,
              ...run.skipped.map(
                (entry) => `Left for later: ${entry.target} (bring the changes there with: ${entry.command})`,
              ),
            ]}
          />
        </Box>
      ) : null}
    </Frame>
  );
}
