// A run stopped on a conflict: the files, where to resolve them, and the three ways on — continue
// once resolved (the engine checks), skip this branch, or abort everything. Keys are handled by the
// screen that ran the plan (runKey in run-model.ts); this draws them.
import { Box, Text } from 'ink';
import { ErrorLines } from '../components/ErrorLines.js';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import type { Keymap } from '../keymap.js';
import { runKeymap, type Pause, type RunState } from '../models/run-model.js';
import { ConfirmAbort } from './run/ConfirmAbort.js';

const MAX_FILES = 5;
const BUSY: Partial<Record<RunState['phase'], string>> = {
  continuing: 'checking the resolution and going on…',
  skipping: 'leaving the branch for later and going on…',
  aborting: 'putting everything back…',
};

export function ConflictScreen({
  title,
  run,
  pause,
  repoRoot,
}: {
  title: string;
  run: RunState;
  pause: Pause;
  repoRoot: string;
}) {
  const tone = useTone();
  const busy = BUSY[run.phase];
  const keymap: Keymap<string> = busy ? [] : runKeymap(run);
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
      {pause.files.slice(0, MAX_FILES).map((file) => (
        <Text key={file} wrap="truncate-end">
          {'    '}
          {file}
        </Text>
      ))}
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
        <Text>Edit them, git add them (git rm one that should stay deleted), then press c.</Text>
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
      {run.confirmAbort ? <ConfirmAbort resolving /> : null}
      {busy ? <Spinner label={busy} /> : null}
      {/* The engine's own text for "still unresolved": its fix names CLI commands the keys above replace. */}
      {run.error ? <ErrorLines error={run.error} withFix={run.error.code !== 'conflict'} /> : null}
    </Frame>
  );
}
