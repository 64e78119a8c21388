// Backport fixes: the matrix of fixes on the production branch × the branches that should have
// them; space marks missing cells, enter plans them, confirm runs the picks in private worktrees
// (the user's working tree untouched), and a conflict shows ConflictScreen with its three choices.
import { Box, Text } from 'ink';
import { useEffect, useReducer } from 'react';
import { ErrorLines } from '../components/ErrorLines.js';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import {
  backportKeymap,
  backportReducer,
  cursorLine,
  initialBackport,
  plannedRequests,
  visibleMatrixRows,
} from '../models/backport-model.js';
import { FilterLine } from '../components/FilterLine.js';
import { backportOutcome, pickedNothing } from '../models/backport-selection.js';
import { matrixViewport } from '../models/matrix-layout.js';
import type { TuiServices } from '../../app/screen-services.js';
import { useKeyInput } from '../use-key-input.js';
import { pausedConflict } from './ConflictScreen.js';
import { MatrixGrid } from './backport/MatrixGrid.js';
import { PlanPreview } from './run/PlanPreview.js';
import { RunOutcome } from './run/RunOutcome.js';
import { RunSteps } from './run/RunSteps.js';
import { useRunAttempts } from './run/use-run-attempts.js';
import { useTerminalSize } from '../use-terminal-size.js';

/** Frame (4 rows), the grid's header and hint lines, the cursor's two lines, the notice, one spare. */
const CHROME_ROWS = 10;
const TITLE = 'Backport fixes';

interface BackportScreenProps {
  services: TuiServices;
  back: () => void;
  /** Told true while the engine works: Ctrl-C then stops the run here instead of leaving the program. */
  holdExit?: (held: boolean) => void;
}

export function BackportScreen({ services, back, holdExit }: BackportScreenProps) {
  const tone = useTone();
  const { columns: width, rows } = useTerminalSize();
  const height = rows ?? 24;
  const [state, dispatch] = useReducer(backportReducer, matrixViewport(width, height, CHROME_ROWS), initialBackport);
  useKeyInput((event) => dispatch({ type: 'key', ...event }));

  useEffect(
    () => dispatch({ type: 'viewport', viewport: matrixViewport(width, height, CHROME_ROWS) }),
    [width, height],
  );

  useEffect(() => {
    if (state.step === 'closed') back();
    if (state.step === 'loading') services.readBackportMatrix().then((answer) => dispatch({ type: 'loaded', answer }));
    if (state.step === 'planning') {
      Promise.all(plannedRequests(state).map((request) => services.prepareBackport(request))).then((answers) =>
        dispatch({ type: 'planned', answers }),
      );
    }
  }, [state.step]);

  useRunAttempts(
    services,
    state.run,
    state.prepared?.plan ?? null,
    (event) => dispatch({ type: 'run', event }),
    holdExit,
  );

  const { matrix, run } = state;
  const conflict = state.step === 'run' ? pausedConflict(TITLE, run, services) : null;
  if (conflict) return conflict;
  const marked = state.selected.length;
  const context = matrix ? `from ${matrix.source}${marked ? ` · ${marked} marked` : ''}` : undefined;
  const row = matrix?.rows[state.cursor.row];
  return (
    <Frame
      title={TITLE}
      {...(context ? { context } : {})}
      keymap={backportKeymap(state)}
      typing={state.step === 'matrix' && state.filter.editing}
    >
      {state.step === 'loading' ? <Spinner label="reading which fixes each branch lacks…" /> : null}
      {state.step === 'matrix' && matrix && matrix.rows.length === 0 ? (
        <Text {...tone('good')}>
          ✓ Every fix on {matrix.source} is on {matrix.targets.join(', ') || 'every branch'}: nothing to backport.
        </Text>
      ) : null}
      {state.step === 'matrix' && matrix && matrix.rows.length > 0 ? (
        <Box flexDirection="column">
          <FilterLine filter={state.filter} shown={visibleMatrixRows(state).length} total={matrix.rows.length} />
          <MatrixGrid state={state} matrix={matrix} width={width} />
          <Text wrap="truncate-end">{row ? `${row.shortHash} ${row.header}` : ' '}</Text>
          <Text {...tone('muted')} wrap="truncate-end">
            {cursorLine(state).replace(/^\S+ /, '') || ' '}
          </Text>
          {state.notice ? <Text {...tone('warn')}>{state.notice}</Text> : null}
        </Box>
      ) : null}
      {state.step === 'planning' ? (
        <Spinner label="checking each commit on each branch and planning the picks…" />
      ) : null}
      {state.step === 'confirm' && state.prepared ? (
        <Box flexDirection="column">
          <PlanPreview plan={state.prepared.plan} top={state.planTop} height={Math.max(3, height - 12)} />
          <Text>
            {state.prepared.plan.steps.length > 0
              ? 'Backport? Nothing is pushed, and your working tree is not touched.'
              : 'Nothing to pick: every commit is already on those branches.'}
          </Text>
        </Box>
      ) : null}
      {state.step === 'run' && run ? (
        <Box flexDirection="column">
          <RunSteps run={run} height={Math.max(3, height - 12)} />
          <RunOutcome
            run={run}
            summary={state.prepared ? backportOutcome(state.prepared, run.skipped) : []}
            nothingDone={state.prepared ? pickedNothing(state.prepared, run.skipped) : false}
          />
        </Box>
      ) : null}
      {state.step === 'failed' && state.error ? <ErrorLines error={state.error} /> : null}
    </Frame>
  );
}
