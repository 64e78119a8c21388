// Changelog preview: the upcoming release's section exactly as `shipwright changelog` would write it.
import { Box, Text, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import { matchKey, type Keymap } from '../keymap.js';
import { clampScroll } from '../models/list-cursor.js';
import type { TuiServices } from '../services.js';
import { useKeyInput } from '../use-key-input.js';

type Action = 'up' | 'down' | 'pageup' | 'pagedown' | 'top' | 'bottom' | 'back';
export const CHANGELOG_KEYS: Keymap<Action> = [
  { keys: ['up', 'k'], action: 'up', description: 'scroll', hidden: true },
  { keys: ['down', 'j'], action: 'down', description: 'scroll' },
  { keys: ['pageup'], action: 'pageup', description: 'page', hidden: true },
  { keys: ['pagedown', 'space'], action: 'pagedown', description: 'page' },
  { keys: ['g'], action: 'top', description: 'top', hidden: true },
  { keys: ['G'], action: 'bottom', description: 'end', hidden: true },
  { keys: ['q', 'escape'], action: 'back', description: 'back' },
];

/** Header, help bar and margins take this many rows of the terminal. */
const CHROME_ROWS = 6;

export function ChangelogScreen({ services, back }: { services: TuiServices; back: () => void }) {
  const tone = useTone();
  const { stdout } = useStdout();
  const height = Math.max(5, (stdout.rows || 24) - CHROME_ROWS);
  const [lines, setLines] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    services.readChangelogPreview().then(
      (preview) => setLines(preview.markdown.trim() ? preview.markdown.replace(/\n+$/, '').split('\n') : []),
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );
  }, [services]);

  useKeyInput(({ input, key }) => {
    const action = matchKey(CHANGELOG_KEYS, input, key);
    const total = lines?.length ?? 0;
    const scroll = (next: number) => setOffset(clampScroll(next, total, height));
    if (action === 'up') scroll(offset - 1);
    else if (action === 'down') scroll(offset + 1);
    else if (action === 'pageup') scroll(offset - height);
    else if (action === 'pagedown') scroll(offset + height);
    else if (action === 'top') scroll(0);
    else if (action === 'bottom') scroll(total);
    else if (action === 'back') back();
  });

  const total = lines?.length ?? 0;
  const context = lines ? `${total} lines${total > height ? ` · ${offset + 1}–${Math.min(total, offset + height)}` : ''}` : undefined;
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
            <Text key={offset + i} wrap="truncate-end" {...(line.startsWith('#') ? { bold: true, ...tone('accent') } : {})}>
              {line || ' '}
            </Text>
          ))}
        </Box>
      )}
    </Frame>
  );
}
