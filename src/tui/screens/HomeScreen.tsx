// Home: where am I, what is unreleased, what comes next, are the hooks on — and a menu to every action.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { StatusReport } from '../../app/read-status.js';
import { describeNextVersion } from '../../core/present/describe-next-version.js';
import { describeTagElsewhere, formatAge, typeLabel } from '../../core/present/status-words.js';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import { matchKey, type Keymap } from '../keymap.js';
import { moveCursor } from '../models/list-cursor.js';
import type { HookStatus, TuiServices } from '../../app/screen-services.js';
import { singleKeys, useKeyInput } from '../use-key-input.js';

export type MenuTarget = 'branch' | 'commit' | 'changelog' | 'release' | 'hotfix' | 'backport';

export const HOME_MENU: readonly { target: MenuTarget; key: string; label: string }[] = [
  { target: 'branch', key: 'b', label: 'Start a branch' },
  { target: 'commit', key: 'c', label: 'Commit (composer)' },
  { target: 'changelog', key: 'l', label: 'Changelog preview' },
  { target: 'release', key: 'R', label: 'Release (wizard)' },
  { target: 'hotfix', key: 'h', label: 'Hotfix (start or finish)' },
  { target: 'backport', key: 'p', label: 'Backport fixes (matrix)' },
];

type HomeAction = 'up' | 'down' | 'choose' | MenuTarget | 'refresh' | 'quit';
export const HOME_KEYS: Keymap<HomeAction> = [
  { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
  { keys: ['down', 'j'], action: 'down', description: 'move' },
  { keys: ['return'], action: 'choose', description: 'open' },
  { keys: ['b'], action: 'branch', description: 'branch' },
  { keys: ['c'], action: 'commit', description: 'commit' },
  { keys: ['l'], action: 'changelog', description: 'changelog' },
  // Shift-R, as r refreshes. Left out of the bar, which is full at 80 columns; its menu row shows it.
  { keys: ['R'], action: 'release', description: 'release', hidden: true },
  { keys: ['h'], action: 'hotfix', description: 'hotfix', hidden: true },
  { keys: ['p'], action: 'backport', description: 'backport', hidden: true },
  { keys: ['r'], action: 'refresh', description: 'refresh' },
  { keys: ['q', 'escape'], action: 'quit', description: 'quit' },
];

/** Singular and plural; other types are shown by name ("2 docs", "1 chore"). */
const countLabel = (type: string, count: number): string => `${count} ${typeLabel(type, count)}`;

function Environments({ report }: { report: StatusReport }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      {report.environments.map((env) => (
        <Text key={env.name}>
          <Text {...tone('muted')}>{env.name.padEnd(11)}</Text>
          {env.name === 'production'
            ? env.ref
              ? `${env.ref.padEnd(12)} ${env.date?.slice(0, 10) ?? ''} (${formatAge(env.date ?? '', new Date())})`
              : 'no release tag yet'
            : `${(env.ref ?? '').padEnd(12)} ${env.ahead ?? 0} ahead of ${env.name === 'staging' ? 'production' : 'staging'}`}
        </Text>
      ))}
      {report.newerElsewhere ? (
        <Text {...tone('warn')} wrap="truncate-end">
          {' '.repeat(11)}
          {describeTagElsewhere(report.newerElsewhere, report.branches.production)}
        </Text>
      ) : null}
    </Box>
  );
}

function Summary({ report, hooks }: { report: StatusReport; hooks: HookStatus | null }) {
  const tone = useTone();
  const types = Object.entries(report.unreleased.byType).sort((a, b) => b[1] - a[1]);
  return (
    <Box flexDirection="column">
      <Environments report={report} />
      <Box marginTop={1} flexDirection="column">
        <Text>
          Unreleased{report.lastTag ? ` since ${report.lastTag.name}` : ''}: <Text bold>{report.unreleased.total}</Text> commits
          {report.unreleased.breaking ? <Text {...tone('bad')}> ({report.unreleased.breaking} breaking)</Text> : null}
        </Text>
        <Text {...tone('muted')}>{types.map(([type, count]) => countLabel(type, count)).join(' · ') || 'nothing yet'}</Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>
          Next version: <Text bold {...tone('good')}>{report.next.kind === 'release' ? report.next.version : 'none'}</Text>
        </Text>
        <Text {...tone('muted')} wrap="truncate-end">
          {describeNextVersion(report.next)}
        </Text>
      </Box>
      {report.missingFixes.length > 0 ? (
        <Text {...tone('warn')}>⚠ fixes on {report.branches.production} missing from {report.missingFixes.map((m) => `${m.target} (${m.commits.length})`).join(', ')} · p backports</Text>
      ) : null}
      <Box marginTop={1}>
        {hooks === null ? <Text {...tone('muted')}>hooks: …</Text> : hooks.installed ? <Text {...tone('good')}>✓ hooks installed</Text> : <Text {...tone('bad')}>✗ hooks: {hooks.problem}</Text>}
      </Box>
    </Box>
  );
}

export interface HomeScreenProps {
  services: TuiServices;
  open: (target: MenuTarget) => void;
  quit: () => void;
  /** Read while the TUI loaded: the first frame shows it instead of a spinner. */
  initialReport?: StatusReport;
}

export function HomeScreen({ services, open, quit, initialReport }: HomeScreenProps) {
  const tone = useTone();
  const [report, setReport] = useState<StatusReport | null>(initialReport ?? null);
  const [hooks, setHooks] = useState<HookStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  // Keys of one burst reach the same handler before React re-renders: read and write the cursor
  // through a ref, and ignore what follows a key that leaves this screen.
  const cursor = useRef(0);
  const left = useRef(false);
  const [generation, setGeneration] = useState(0);

  const preread = useRef(initialReport !== undefined);
  useEffect(() => {
    let live = true;
    services.readHookStatus().then((value) => live && setHooks(value), () => undefined);
    if (preread.current) preread.current = false;
    else {
      setReport(null);
      services.readStatus().then((value) => live && setReport(value), (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)));
    }
    return () => {
      live = false;
    };
  }, [services, generation]);

  const leave = (go: () => void) => {
    left.current = true;
    go();
  };
  useKeyInput((event) => {
    for (const { input, key } of singleKeys(event)) {
      if (left.current) return;
      const action = matchKey(HOME_KEYS, input, key);
      if (action === 'up' || action === 'down') {
        cursor.current = moveCursor(cursor.current, action === 'up' ? -1 : 1, HOME_MENU.length);
        setIndex(cursor.current);
      } else if (action === 'choose') leave(() => open((HOME_MENU[cursor.current] ?? HOME_MENU[0]!).target));
      else if (action === 'branch' || action === 'commit' || action === 'changelog' || action === 'release' || action === 'hotfix' || action === 'backport') leave(() => open(action));
      else if (action === 'refresh') setGeneration((current) => current + 1);
      else if (action === 'quit') leave(quit);
    }
  });

  return (
    <Frame title={services.repoRoot} titleIsPath context={(report?.branch ?? services.branch) ? `on ${report?.branch ?? services.branch}` : 'HEAD detached'} keymap={HOME_KEYS}>
      {error ? <Text {...tone('bad')}>✗ {error}</Text> : report ? <Summary report={report} hooks={hooks} /> : <Spinner label="reading history and tags…" />}
      <Box marginTop={1} flexDirection="column">
        {HOME_MENU.map((item, i) => (
          <Text key={item.target} {...(i === index ? tone('accent') : {})}>
            {i === index ? '❯ ' : '  '}
            {item.label} <Text {...tone('muted')}>({item.key})</Text>
          </Text>
        ))}
      </Box>
    </Frame>
  );
}
