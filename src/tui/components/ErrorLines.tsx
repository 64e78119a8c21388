// A failure as the CLI prints it: what happened (✗), then what fixes it (→).
import { Box, Text } from 'ink';
import type { ErrorReport } from '../../app/screen-services.js';
import { useTone } from './theme.js';

/** `withFix` false leaves the fix out where the screen offers its own way on (keys instead of commands). */
export function ErrorLines({ error, withFix = true }: { error: ErrorReport; withFix?: boolean }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Text {...tone('bad')}>✗ {error.message}</Text>
      {withFix && error.fix ? <Text>→ {error.fix}</Text> : null}
    </Box>
  );
}
