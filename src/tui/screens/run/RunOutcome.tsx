// How a run ended: the summary the screen gives, the failure with what the engine put back, or what
// abort undid (and what must be done by hand).
import { Box, Text } from 'ink';
import { useTone } from '../../components/theme.js';
import type { RunState } from '../../models/run-model.js';
import { ErrorLines } from '../../components/ErrorLines.js';

/** `nothingDone`: the run went through without changing anything (a backport that picked nothing): no ✓. */
export function RunOutcome({
  run,
  summary,
  nothingDone = false,
}: {
  run: RunState;
  summary: string[];
  nothingDone?: boolean;
}) {
  const tone = useTone();
  if (run.phase === 'done') {
    return (
      <Box flexDirection="column" marginTop={1}>
        {summary.map((line, index) => (
          <Text key={line} {...(index === 0 ? tone(nothingDone ? 'warn' : 'good') : {})}>
            {index === 0 ? (nothingDone ? '⚠ ' : '✓ ') : '  '}
            {line}
          </Text>
        ))}
      </Box>
    );
  }
  if (run.phase === 'failed' && run.error) {
    return (
      <Box marginTop={1}>
        <ErrorLines error={run.error} />
      </Box>
    );
  }
  if (run.phase === 'aborted' && run.undone) {
    return (
      <Box flexDirection="column" marginTop={1}>
        {run.undone.finished !== undefined ? (
          <Text {...tone('bad')}>{run.undone.finished}</Text>
        ) : run.undone.failures.length === 0 ? (
          <Text {...tone('good')}>✓ Aborted: every branch, tag and file the run touched is back as it was.</Text>
        ) : (
          <Text {...tone('bad')}>
            Aborted, but not everything could be put back: the journal is kept, so abort can be run again once these are
            fixed.
          </Text>
        )}
        {run.undone.restored.length > 0 ? (
          <Text {...tone('muted')} wrap="truncate-end">
            {'  '}put back: {run.undone.restored.join(', ')}
          </Text>
        ) : null}
        {run.undone.failures.map((failure) => (
          <Text key={failure} {...tone('bad')}>
            ✗ could not restore {failure}
          </Text>
        ))}
        {run.undone.notes.map((note) => (
          <Text key={note} {...tone('muted')}>
            note: {note}
          </Text>
        ))}
      </Box>
    );
  }
  return null;
}
