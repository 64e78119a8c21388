// Every screen's frame: a title line, the body, and the help bar drawn from the screen's keymap.
// On a terminal it fills the screen exactly (the alternate screen): the help bar stays at the
// bottom and a body taller than the room is cut, never pushed into the scrollback. `?` swaps the
// body for every key of the screen (the overlay), unless the screen is taking typed text.
import { Box, Text, useInput } from 'ink';
import { useContext, useSyncExternalStore, type ReactNode } from 'react';
import { fitHelp, helpEntries, helpRows, type Keymap } from '../keymap.js';
import { fitTitle } from '../models/fit-title.js';
import { GLOBAL_KEYS, HelpContext } from '../help-overlay.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { useTone } from './theme.js';

interface FrameProps<A extends string> {
  title: string;
  context?: string | undefined;
  /** The title is a path: shorten it from its start. */
  titleIsPath?: boolean;
  keymap: Keymap<A>;
  /** A text field has the keys: `?` is a character to type, not the help overlay. */
  typing?: boolean;
  children: ReactNode;
}

export function Frame<A extends string>({
  title,
  context,
  titleIsPath = false,
  keymap,
  typing = false,
  children,
}: FrameProps<A>) {
  const tone = useTone();
  const { columns, rows } = useTerminalSize();
  const help = useContext(HelpContext);
  const helpOpen = useSyncExternalStore(help.subscribe, () => help.open);
  useInput((input) => {
    if (help.open) help.close();
    else if (input === '?' && !typing) help.show();
  });
  const shown = fitTitle({ product: 'shipwright', title, context, cut: titleIsPath ? 'start' : 'end' }, columns);
  const bar = helpOpen
    ? 'any key closes this help'
    : fitHelp([...helpEntries(keymap), ...(typing ? [] : ['? help'])], columns);
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
          {helpOpen ? <HelpOverlay keymap={keymap} /> : children}
        </Box>
      </Box>
      <Box marginTop={1} flexShrink={0}>
        <Text {...tone('muted')} wrap="truncate-end">
          {bar}
        </Text>
      </Box>
    </Box>
  );
}

function HelpOverlay<A extends string>({ keymap }: { keymap: Keymap<A> }) {
  const tone = useTone();
  const rows = [...helpRows(keymap), ...GLOBAL_KEYS];
  const width = Math.max(...rows.map(([keys]) => [...keys].length));
  return (
    <Box flexDirection="column">
      <Text bold>Keys on this screen</Text>
      {rows.map(([keys, description]) => (
        <Text key={`${keys} ${description}`}>
          {'  '}
          <Text {...tone('accent')}>{keys.padEnd(width)}</Text>
          {'  '}
          {description}
        </Text>
      ))}
    </Box>
  );
}
