// Every screen's frame: a title line, the body, and the help bar drawn from the screen's keymap.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { helpText, type Keymap } from '../keymap.js';
import { useTone } from './theme.js';

export function Frame<A extends string>({ title, context, keymap, children }: { title: string; context?: string; keymap: Keymap<A>; children: ReactNode }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold {...tone('accent')}>
          shipwright
        </Text>
        <Text> · {title}</Text>
        {context ? <Text {...tone('muted')}> · {context}</Text> : null}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {children}
      </Box>
      <Box marginTop={1}>
        <Text {...tone('muted')} wrap="truncate-end">
          {helpText(keymap)}
        </Text>
      </Box>
    </Box>
  );
}
