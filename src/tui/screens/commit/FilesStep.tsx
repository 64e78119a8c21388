// The composer's files step as drawn: a status line, the changed files (what is staged of each) and,
// below, the selected file's staged diff. Paths and file content are escaped (diff-view, file-staging).
import { Box, Text } from 'ink';
import { plural } from '../../../core/display-text/plural.js';
import { Spinner } from '../../components/Spinner.js';
import { useTone, type Tone } from '../../components/theme.js';
import type { DiffLineKind } from '../../models/diff-view.js';
import {
  countStaged,
  countUnstaged,
  fileLabel,
  stagedState,
  windowStart,
  type ChangedFile,
  type StagedState,
} from '../../models/file-staging.js';
import { filesLayout, type FilesView } from '../../models/files-step.js';
import { escapeControls } from '../../../core/display-text/control-characters.js';

const STATE_TONE: Record<StagedState, Tone> = { staged: 'good', partly: 'warn', unstaged: 'muted' };
const LINE_TONE: Partial<Record<DiffLineKind, Tone>> = { added: 'good', removed: 'bad', hunk: 'accent', meta: 'muted' };

function StatusLine({ files, view, busy }: { files: readonly ChangedFile[]; view: FilesView; busy: boolean }) {
  const tone = useTone();
  if (busy) return <Spinner label={view.request === 'all' ? 'staging everything…' : 'updating the index…'} />;
  if (view.error)
    return (
      <Text {...tone('bad')} wrap="wrap">
        ✗ {view.error}
      </Text>
    );
  const staged = countStaged(files);
  const unstaged = countUnstaged(files);
  if (files.length === 0)
    return <Text {...tone('warn')}>Nothing is staged and nothing changed. Change some files first.</Text>;
  if (staged === 0)
    return (
      <Text {...tone('warn')} wrap="truncate-end">
        Nothing is staged. {plural(unstaged, 'changed file')} — space stages the selected one
        {unstaged > 1 ? ', a stages them all.' : '.'}
      </Text>
    );
  return (
    <Text {...tone('muted')} wrap="truncate-end">
      {staged} staged · {unstaged} not staged · space stages or unstages the selected file
    </Text>
  );
}

function DiffPane({ file, view, rows }: { file: ChangedFile; view: FilesView; rows: number }) {
  const tone = useTone();
  const path = escapeControls(file.path);
  const state = stagedState(file);
  const diff = view.diff?.path === file.path ? view.diff : null;
  const focused = view.focus === 'diff';
  const total = diff?.lines.length ?? 0;
  const range = total > rows ? ` · ${view.scroll + 1}–${Math.min(total, view.scroll + rows)} of ${total}` : '';
  const rest = state === 'partly' ? ' · more changes not staged' : '';
  return (
    <Box flexDirection="column">
      <Text {...tone(focused ? 'accent' : 'muted')} wrap="truncate-end">
        ── staged diff of {path}
        {rest}
        {range} ──
      </Text>
      {state === 'unstaged' ? (
        <Text {...tone('muted')} wrap="truncate-end">
          {file.index === '?' ? `${path} is untracked` : `Nothing of ${path} is staged`}: space stages it.
        </Text>
      ) : diff === null ? (
        <Spinner label="reading the staged diff…" />
      ) : (
        diff.lines.slice(view.scroll, view.scroll + rows).map((line, i) => {
          const lineTone = LINE_TONE[line.kind];
          return (
            <Text key={view.scroll + i} wrap="truncate-end" {...(lineTone ? tone(lineTone) : {})}>
              {line.text || ' '}
            </Text>
          );
        })
      )}
    </Box>
  );
}

export function FilesStep({ files, view, busy }: { files: readonly ChangedFile[]; view: FilesView; busy: boolean }) {
  const tone = useTone();
  const { listRows, diffRows } = filesLayout(view.rows, files.length);
  const start = windowStart(view.cursor, files.length, listRows);
  const selected = files[view.cursor];
  return (
    <Box flexDirection="column">
      <StatusLine files={files} view={view} busy={busy} />
      {files.slice(start, start + listRows).map((file, i) => {
        const current = start + i === view.cursor;
        return (
          <Text
            key={file.path}
            wrap="truncate-end"
            {...tone(current && view.focus === 'list' ? 'accent' : STATE_TONE[stagedState(file)])}
          >
            {current ? '❯ ' : '  '}
            {fileLabel(file)}
          </Text>
        );
      })}
      {selected ? <DiffPane file={selected} view={view} rows={diffRows} /> : null}
    </Box>
  );
}
