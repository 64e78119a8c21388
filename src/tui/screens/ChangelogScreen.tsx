// Changelog preview: the upcoming release's section exactly as `shipwright changelog` would write it.
import { Box, Text } from 'ink';
import { useEffect, useReducer } from 'react';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import { matchKey, type Keymap } from '../keymap.js';
import { clampScroll } from '../models/list-cursor.js';
import type { TuiServices } from '../../app/screen-services.js';
import { singleKeys, useKeyInput } from '../use-key-input.js';
import { wrapLines } from '../models/wrap-lines.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { plural } from '../../core/display-text/plural.js';

type Action = 'up' | 'down' | 'pageup' | 'pagedown' | 'top' | 'bottom' | 'back';
const CHANGELOG_KEYS: Keymap<Action> = [
  { keys: ['up', 'k'], action: 'up', description: 'scroll', hidden: true },
  { keys: ['down', 'j'], action: 'down', description: 'scroll' },
  { keys: ['pageup'], action: 'pageup', description: 'page', hidden: true },
  { keys: ['pagedown', 'space'], action: 'pagedown', description: 'page' },
  { keys: ['g'], action: 'top', description: 'top' },
  { keys: ['G'], action: 'bottom', description: 'end' },
  { keys: ['q', 'escape'], action: 'back', description: 'back' },
];

/** Header, help bar and margins take this many rows of the terminal. */
const CHROME_ROWS = 6;

interface View {
  /** The markdown's lines as read. */
  source: string[] | null;
  /** `source` wrapped to `width`: what is drawn and scrolled. */
  lines: string[] | null;
  width: number;
  error: string | null;
  offset: number;
}

type ViewEvent =
  | { type: 'loaded'; lines: string[] }
  | { type: 'width'; width: number }
  | { type: 'failed'; message: string }
  | { type: 'scroll'; action: Action; height: number };

const wrapped = (source: string[] | null, width: number): string[] | null =>
  source
    ? wrapLines(
        source.map((text) => ({ text })),
        width,
      ).map((line) => line.text)
    : null;

/**
 * A reducer, not setState in the key handler: keys that arrive before React re-renders (a burst,
 * or right after the text loaded) must see the current lines and offset, not a stale closure.
 */
function viewReducer(view: View, event: ViewEvent): View {
  if (event.type === 'loaded') return { ...view, source: event.lines, lines: wrapped(event.lines, view.width) };
  if (event.type === 'width') return { ...view, width: event.width, lines: wrapped(view.source, event.width) };
  if (event.type === 'failed') return { ...view, error: event.message };
  const total = view.lines?.length ?? 0;
  const { height } = event;
  const target: Partial<Record<Action, number>> = {
    up: view.offset - 1,
    down: view.offset + 1,
    pageup: view.offset - height,
    pagedown: view.offset + height,
    top: 0,
    bottom: total,
  };
  const next = target[event.action];
  return next === undefined ? view : { ...view, offset: clampScroll(next, total, height) };
}

export function ChangelogScreen({ services, back }: { services: TuiServices; back: () => void }) {
  const tone = useTone();
  const { columns, rows } = useTerminalSize();
  const height = Math.max(5, (rows ?? 24) - CHROME_ROWS);
  const [{ lines, error, offset }, dispatch] = useReducer(viewReducer, {
    source: null,
    lines: null,
    width: columns,
    error: null,
    offset: 0,
  });
  useEffect(() => dispatch({ type: 'width', width: columns }), [columns]);

  useEffect(() => {
    services.readChangelogPreview().then(
      (preview) =>
        dispatch({
          type: 'loaded',
          lines: preview.markdown.trim() ? preview.markdown.replace(/\n+$/, '').split('\n') : [],
        }),
      (reason: unknown) =>
        dispatch({ type: 'failed', message: reason instanceof Error ? reason.message : String(reason) }),
    );
  }, [services]);

  useKeyInput((event) => {
    for (const { input, key } of singleKeys(event)) {
      const action = matchKey(CHANGELOG_KEYS, input, key);
      if (action === 'back') return back();
      if (action) dispatch({ type: 'scroll', action, height });
    }
  });

  const total = lines?.length ?? 0;
  const context = lines
    ? `${plural(total, 'line')}${total > height ? ` · ${offset + 1}–${Math.min(total, offset + height)}` : ''}`
    : undefined;
  return (
    <Frame title="Changelog preview" {...(context ? { context } : {})} keymap={CHANGELOG_KEYS}>
      {error ? (
        <Text {...tone('bad')}>✗ {error}</Text>
      ) : lines === null ? (
        <Spinner label="rendering the upcoming release…" />
      ) : lines.length === 0 ? (
        <Text>Nothing to release yet: no feat, fix, perf or breaking commit since the last release.</Text>
      ) : (
        <Box flexDirection="column">
          {lines.slice(offset, offset + height).map((line, i) => (
            <Text
              key={offset + i}
              wrap="truncate-end"
              {...(line.startsWith('#') ? { bold: true, ...tone('accent') } : {})}
            >
              {line || ' '}
            </Text>
          ))}
        </Box>
      )}
    </Frame>
  );
}
