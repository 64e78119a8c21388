// A run stopped on a conflict: the files, where to resolve them, and the three ways on — continue
// once resolved (the engine checks), skip this branch, or abort everything. Keys are handled by the
// screen that ran the plan (runKey in run-model.ts); this draws them.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { conflictFileAdvice, type ConflictFile } from '../../core/conflict/conflict-files.js';
import { ErrorLines } from '../components/ErrorLines.js';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import { matchKey, type Keymap } from '../keymap.js';
import { useKeyInput } from '../use-key-input.js';
import { isRunOver, runKeymap, type Pause, type RunState } from '../models/run-model.js';
import { ConfirmAbort } from './run/ConfirmAbort.js';

const MAX_FILES = 5;
/** Stages the resolved files here; the run's own keys (c / s / a / q) are the screen's that ran it. */
const STAGE_KEY: Keymap<'stage'> = [{ keys: ['g'], action: 'stage', description: 'git add the resolved files' }];
/** How often the files are read again while the user resolves them in an editor or another shell. */
const REREAD_MS = 1000;
const BUSY: Partial<Record<RunState['phase'], string>> = {
  continuing: 'checking the resolution and going on…',
  skipping: 'leaving the branch for later and going on…',
  aborting: 'putting everything back…',
};

function ConflictScreen({
  title,
  run,
  pause,
  repoRoot,
  readFiles,
  stageFiles,
}: {
  title: string;
  run: RunState;
  pause: Pause;
  repoRoot: string;
  /** Where each file stands now; read again while the screen shows, as the user resolves them elsewhere. */
  readFiles?: (directory: string, files: readonly string[]) => Promise<ConflictFile[]>;
  /** `git add` of the resolved ones (no markers left): the g key. */
  stageFiles?: (directory: string, files: readonly string[]) => Promise<string[]>;
}) {
  const tone = useTone();
  const [states, setStates] = useState<ReadonlyMap<string, ConflictFile>>(new Map());
  // Bumped after staging, so the files are read again at once rather than at the next tick.
  const [staged, setStaged] = useState(0);
  const [stageError, setStageError] = useState<string | null>(null);
  useEffect(() => {
    if (!readFiles) return;
    let live = true;
    const read = () =>
      readFiles(pause.directory, pause.files).then(
        (files) => live && setStates(new Map(files.map((file) => [file.path, file]))),
        () => undefined,
      );
    void read();
    const timer = setInterval(read, REREAD_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pause.directory, pause.files.join('\0'), run.phase, run.error, staged]);
  const busy = BUSY[run.phase];
  const canStage =
    stageFiles !== undefined && !busy && !run.confirmAbort && [...states.values()].some((f) => f.state === 'unstaged');
  // Read by the key handler, which may be the one registered before the latest render.
  const stageable = useRef(canStage);
  stageable.current = canStage;
  useKeyInput((event) => {
    if (!stageable.current || !stageFiles || matchKey(STAGE_KEY, event.input, event.key) !== 'stage') return;
    stageFiles(pause.directory, pause.files).then(
      () => {
        setStageError(null);
        setStaged((count) => count + 1);
      },
      (reason: unknown) => setStageError(reason instanceof Error ? reason.message : String(reason)),
    );
  });
  const keymap: Keymap<string> = busy ? [] : [...runKeymap(run), ...(canStage ? STAGE_KEY : [])];
  const more = pause.files.length - MAX_FILES;
  return (
    <Frame
      title={`${title} · conflict`}
      context={pause.target === null ? undefined : `on ${pause.target}`}
      keymap={keymap}
    >
      <Text {...tone('warn')} wrap="truncate-end">
        ‖ {pause.step}
      </Text>
      <Text>{'  '}stopped on conflicts in:</Text>
      {pause.files.slice(0, MAX_FILES).map((file) => {
        const state = states.get(file);
        return (
          <Text key={file} wrap="truncate-end">
            {'    '}
            {file}
            {state ? (
              <Text
                {...tone(state.state === 'staged' ? 'good' : state.state === 'staged-markers' ? 'bad' : 'muted')}
              >{`  ${conflictFileAdvice(state, stageFiles ? 'g' : undefined)}`}</Text>
            ) : null}
          </Text>
        );
      })}
      {more > 0 ? (
        <Text {...tone('muted')}>
          {'    '}… and {more} more (git status there lists them)
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Text>
          {pause.directory !== repoRoot
            ? 'Resolve them in this private worktree (your own working tree is untouched):'
            : 'Resolve them in the repository:'}
        </Text>
        {/* Whole, wrapped if it must be: it is the path to cd to. */}
        <Text>
          {'  '}
          {pause.directory}
        </Text>
        <Text>
          Edit them, git add them{stageFiles ? ' (g adds the resolved ones)' : ''}, git rm one that should stay deleted,
          then press c.
        </Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>c{'  '}continue: check the files and commit the resolution</Text>
        {pause.target === null ? null : (
          <Text wrap="truncate-end">
            s{'  '}skip {pause.target}: leave it for later, the other branches go on
          </Text>
        )}
        <Text>a{'  '}abort: put every branch back as it was before the run</Text>
      </Box>
      {stageError ? <Text {...tone('bad')}>✗ git add failed: {stageError}</Text> : null}
      {run.confirmAbort ? <ConfirmAbort resolving /> : null}
      {busy ? <Spinner label={busy} /> : null}
      {/* The engine's own text for "still unresolved": its fix names CLI commands the keys above replace. */}
      {run.error ? <ErrorLines error={run.error} withFix={run.error.code !== 'conflict'} /> : null}
    </Frame>
  );
}

type ConflictServices = {
  repoRoot: string;
  readConflictFiles?: (directory: string, files: readonly string[]) => Promise<ConflictFile[]>;
  stageResolvedFiles?: (directory: string, files: readonly string[]) => Promise<string[]>;
};

/** The conflict screen of a run that is paused and not over, else null: the screen that ran it shows itself. */
export function pausedConflict(title: string, run: RunState | null | undefined, services: ConflictServices) {
  if (!run?.pause || isRunOver(run)) return null;
  return (
    <ConflictScreen
      title={title}
      run={run}
      pause={run.pause}
      repoRoot={services.repoRoot}
      {...(services.readConflictFiles ? { readFiles: services.readConflictFiles } : {})}
      {...(services.stageResolvedFiles ? { stageFiles: services.stageResolvedFiles } : {})}
    />
  );
}
