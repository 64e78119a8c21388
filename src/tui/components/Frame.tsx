// Every screen's frame: a title line, the body, and the help bar drawn from the screen's keymap.
// On a terminal it fills the screen exactly (the alternate screen): the help bar stays at the
// bottom and a body taller than the room is cut, never pushed into the scrollback.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { helpText, type Keymap } from '../keymap.js';
import { fitTitle } from '../models/fit-title.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { useTone } from './theme.js';

export interface FrameProps<A extends string> {
  title: string;
  context?: string | undefined;
  /** The title is a path: shorten it from its start. */
  titleIsPath?: boolean;
  keymap: Keymap<A>;
  children: ReactNode;
}

export function Frame<A extends string>({ title, context, titleIsPath = false, keymap, children }: FrameProps<A>) {
  const tone = useTone();
  const { columns, rows } = useTerminalSize();
  const shown = fitTitle({ product: 'shipwright', title, context, cut: titleIsPath ? 'start' : 'end' }, columns);
  return (
    <Box flexDirection="column" {...(rows ? { height: rows } : {})}>
      <Box flexShrink={0}>
        <Text>
          <Text bold {...tone('accent')}>
            shipwright
          </Text>
          {shown ? ` · ${shown}` : ''}
          {context ? <Text {...tone('muted')}> · {context}</Text> : null}
        </Text>
      </Box>
      <Box flexDirection="column" marginTop={1} flexGrow={1} flexShrink={1} overflow="hidden">
        {/* Its natural height, clipped by the box around: squeezed, Yoga would draw lines over each other. */}
        <Box flexDirection="column" flexShrink={0}>
          {children}
        </Box>
      </Box>
      <Box marginTop={1} flexShrink={0}>
        <Text {...tone('muted')} wrap="truncate-end">
          {helpText(keymap)}
        </Text>
      </Box>
    </Box>
  );
}
