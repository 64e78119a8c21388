// The release wizard: preflight checklist → version → changelog section and plan → confirm →
// the engine's steps live → what was released, restored or paused. State lives in release-model.
import { Box, Text } from 'ink';
import { useEffect, useLayoutEffect, useReducer } from 'react';
import { ErrorLines } from '../components/ErrorLines.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import { Frame } from '../components/Frame.js';
import { releaseKeymap } from '../models/release-keys.js';
import type { ConflictChoice } from '../models/run-model.js';
import {
  initialRelease,
  keymapContext,
  releaseReducer,
  switchTarget,
  type ReleasePhase,
} from '../models/release-model.js';
import { confirmQuestion, flowTitle, menuEntries } from '../models/release-view.js';
import type { ErrorReport, TuiServices } from '../../app/screen-services.js';
import { useKeyInput } from '../use-key-input.js';
import { PackageList } from '../components/PackageList.js';
import { selectionRequest } from '../models/package-selection.js';
import type { PreflightCheckEvent } from '../../app/release-preflight.js';
import { ReleaseChecklist } from './release/ReleaseChecklist.js';
import { ChecksPassed, ReleaseChecks } from './release/ReleaseChecks.js';
import { ReleaseReview, reviewLength } from './release/ReleaseReview.js';
import { ReleaseSteps } from './release/ReleaseSteps.js';
import { ReleaseDone, ReleaseFailed, ReleasePaused } from './release/ReleaseSummary.js';
import { VersionMenu } from './release/VersionMenu.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { plural } from '../../core/display-text/plural.js';

/** Title, margins, help bar and the review's "more below" line, plus a spare row so Ink never fills the screen. */
const REVIEW_CHROME = 6;

const PHASE_LABELS: Record<ReleasePhase, string> = {
  preflight: 'preflight',
  packages: 'packages',
  refused: 'preflight refused',
  choose: 'version',
  custom: 'custom version',
  preparing: 'preparing',
  switching: 'switching branch',
  review: 'review',
  checklist: 'checklist',
  confirm: 'confirm',
  running: 'releasing',
  done: 'done',
  failed: 'failed',
  paused: 'paused',
  closed: 'closed',
};

/** A service that throws instead of answering is a bug; say so rather than spin forever. */
const unexpected = (reason: unknown): ErrorReport => ({
  code: 'internal',
  message: `shipwright failed unexpectedly: ${reason instanceof Error ? reason.message : String(reason)}`,
  fix: 'this is a bug in shipwright; please report it with the steps that led here',
});

interface ReleaseScreenProps {
  services: TuiServices;
  back: () => void;
  /** Told true while a run is in progress: Ctrl-C then stops the run here instead of leaving the program. */
  holdExit?: (held: boolean) => void;
  /** A paused run's c / s / a: the resume screen takes it on with that choice. */
  openPaused?: (choice: ConflictChoice) => void;
}

export function ReleaseScreen({ services, back, holdExit, openPaused }: ReleaseScreenProps) {
  const tone = useTone();
  const size = useTerminalSize();
  const rows = size.rows ?? 24;
  const [state, dispatch] = useReducer(releaseReducer, undefined, initialRelease);
  useKeyInput((event) => dispatch({ type: 'key', ...event }));

  useEffect(
    () => dispatch({ type: 'viewport', height: rows - REVIEW_CHROME, width: size.columns }),
    [rows, size.columns],
  );
  // Read at the start, and again after s switched branches (the flow may now be a finish).
  const outlookMissing = state.outlook === null;
  useEffect(() => {
    if (!outlookMissing) return;
    services.readReleaseOutlook().then(
      (outlook) => dispatch({ type: 'outlook', outlook }),
      () => undefined,
    );
  }, [services, outlookMissing]);

  // s on a refusal a switch fixes: the switch goes through the engine, then the checks run again there.
  const switchTo = switchTarget(state);
  const switching = state.phase === 'switching' ? (state.switching ?? null) : null;
  useEffect(() => {
    if (!switching) return;
    services
      .runPlan({
        title: `Switch to ${switching}`,
        steps: [{ kind: 'switch', branch: switching, description: `switch to ${switching}` }],
      })
      .then(
        (result) => dispatch({ type: 'switched', ok: result.ok, message: (result.error ?? result.output).trim() }),
        (reason: unknown) => dispatch({ type: 'switched', ok: false, message: String(reason) }),
      );
  }, [switching]);

  useEffect(() => {
    if (state.phase === 'closed') {
      if (state.resume && openPaused) openPaused(state.resume);
      else back();
    }
    const onCheck = (check: PreflightCheckEvent) => dispatch({ type: 'check', check });
    if (state.phase === 'preparing' && state.packages) {
      services.preparePackagesRelease(selectionRequest(state.packages), onCheck).then(
        (preparation) => dispatch({ type: 'prepared', preparation }),
        (reason: unknown) => dispatch({ type: 'prepared', preparation: { ok: false, error: unexpected(reason) } }),
      );
    } else if (state.phase === 'preflight' || state.phase === 'preparing') {
      const choice = state.phase === 'preflight' ? ({ kind: 'suggested' } as const) : state.choice;
      // A monorepo's wizard starts with its package list; a workspace of one with the preflight.
      const rows = state.phase === 'preflight' ? services.readPackageRows() : Promise.resolve(null);
      rows
        .then((found) => {
          if (found !== null) {
            dispatch({ type: 'packages', rows: found });
            return null;
          }
          return services.prepareRelease(choice, onCheck);
        })
        .then(
          (preparation) => preparation && dispatch({ type: 'prepared', preparation }),
          (reason: unknown) => dispatch({ type: 'prepared', preparation: { ok: false, error: unexpected(reason) } }),
        );
    }
    if (state.phase === 'running' && state.release) {
      services
        .runRelease(state.release.plan, (event) => dispatch({ type: 'engine', event }))
        .then(
          (result) => dispatch({ type: 'finished', result }),
          (reason: unknown) =>
            dispatch({ type: 'finished', result: { ok: false, error: unexpected(reason), output: '' } }),
        );
    }
  }, [state.phase]);

  // A layout effect: set in the same commit that shows the run, before the next key can arrive.
  useLayoutEffect(() => {
    holdExit?.(state.phase === 'running');
    return () => holdExit?.(false);
  }, [state.phase === 'running']);
  useEffect(() => {
    if (state.stopping) services.stopRelease();
  }, [state.stopping]);

  const { phase, release } = state;
  const highlighted = menuEntries(state)[state.optionIndex]?.version ?? null;
  const total = release ? reviewLength(release, state.viewWidth) : 0;
  const context =
    phase === 'review' && total > state.viewHeight
      ? `review · lines ${state.scroll + 1}–${Math.min(total, state.scroll + state.viewHeight)} of ${total}`
      : PHASE_LABELS[phase];
  return (
    <Frame
      title={flowTitle(state, highlighted)}
      context={context}
      keymap={releaseKeymap(phase, keymapContext(state))}
      typing={phase === 'custom'}
    >
      {phase === 'preflight' || phase === 'refused' ? (
        <ReleaseChecks checks={state.checks} running={phase === 'preflight'} />
      ) : null}
      {phase === 'refused' && state.error ? (
        <Box marginTop={1} flexDirection="column">
          <ErrorLines error={state.error} />
          {switchTo ? (
            <Text>
              s switches to {switchTo.branch} here and {switchTo.finish ? 'finishes the release there' : 'checks again'}
              .
            </Text>
          ) : null}
        </Box>
      ) : null}
      {switching ? <Spinner label={`switching to ${switching}…`} /> : null}
      {(phase === 'packages' || phase === 'preparing') && state.packages ? (
        <Box flexDirection="column">
          <PackageList selection={state.packages} height={Math.max(3, state.viewHeight - 9)} />
          {phase === 'preparing' ? (
            <Spinner label="preparing these packages: checks, changelog sections and plan…" />
          ) : null}
          {state.error ? <ErrorLines error={state.error} /> : null}
        </Box>
      ) : null}
      {(phase === 'choose' || phase === 'custom' || phase === 'preparing') && !state.packages ? (
        <Box flexDirection="column">
          <ChecksPassed checks={state.checks} />
          <VersionMenu state={state} />
          {phase === 'preparing' ? (
            <Spinner label="preparing that version: checks, changelog section and plan…" />
          ) : null}
          {state.error ? <ErrorLines error={state.error} /> : null}
        </Box>
      ) : null}
      {phase === 'review' && release ? (
        <ReleaseReview release={release} scroll={state.scroll} height={state.viewHeight} width={state.viewWidth} />
      ) : null}
      {(phase === 'checklist' || phase === 'confirm') && release ? (
        <ReleaseChecklist release={release} confirmed={state.confirmed} asking={phase === 'checklist'} />
      ) : null}
      {phase === 'confirm' && release ? (
        <Box flexDirection="column">
          <Text bold>{confirmQuestion(release)}</Text>
          <Text {...tone('muted')}>
            {plural(release.plan.steps.length, 'step')}; if one fails, the steps before it are put back.
            {release.flow === 'finish' ? ' A merge conflict pauses instead (shipwright continue / abort).' : ''}
          </Text>
        </Box>
      ) : null}
      {phase === 'running' ? <ReleaseSteps steps={state.steps} /> : null}
      {phase === 'running' && state.stopping ? (
        <Text {...tone('warn')}>Stopping: the step in progress finishes, then everything done so far is put back…</Text>
      ) : null}
      {phase === 'done' && release ? <ReleaseDone release={release} state={state} /> : null}
      {phase === 'failed' ? <ReleaseFailed state={state} /> : null}
      {phase === 'paused' && state.pause ? <ReleasePaused pause={state.pause} total={state.steps.length} /> : null}
    </Frame>
  );
}
