// A refusal or failure as the CLI prints it: what happened (✗), then what fixes it (→).
import { Box, Text } from 'ink';
import type { ErrorReport } from '../../fix-services.js';
import { useTone } from '../../components/theme.js';

export function FailureLines({ error, withFix = true }: { error: ErrorReport; withFix?: boolean }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Text {...tone('bad')}>✗ {error.message}</Text>
      {withFix && error.fix ? <Text>→ {error.fix}</Text> : null}
    </Box>
  );
}
