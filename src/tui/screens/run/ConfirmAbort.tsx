// The question before an abort: what it puts back, and what is lost with it.
import { Box, Text } from 'ink';
import { useTone } from '../../components/theme.js';

/** `resolving`: the run is stopped on a conflict, so edits in the conflicted files go too. */
export function ConfirmAbort({ resolving }: { resolving: boolean }) {
  const tone = useTone();
  return (
    <Box marginTop={1} flexDirection="column">
      <Text {...tone('warn')}>
        Abort the whole run? Every branch, tag and file it touched goes back to where it was before it.
      </Text>
      {resolving ? (
        <Text {...tone('warn')}>What you resolved in the conflicted files so far is thrown away.</Text>
      ) : null}
      <Text>y abort · n keep it paused</Text>
    </Box>
  );
}
