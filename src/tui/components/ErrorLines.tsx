// A failure as the CLI prints it: what happened (✗), then what fixes it (→).
import { Box, Text } from 'ink';
import type { ErrorReport } from '../services.js';
import { useTone } from './theme.js';

export function ErrorLines({ error }: { error: ErrorReport }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Text {...tone('bad')}>✗ {error.message}</Text>
      {error.fix ? <Text>→ {error.fix}</Text> : null}
    </Box>
  );
}
