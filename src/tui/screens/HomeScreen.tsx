// Home: where am I, what is unreleased, what comes next, are the hooks on — and a menu to every action.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { StatusReport } from '../../app/read-status.js';
import { describeNextVersion } from '../../core/display-text/describe-next-version.js';
import {
  describeProductionAhead,
  describeTagElsewhere,
  formatAge,
  typeLabel,
} from '../../core/display-text/status-words.js';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { useTone } from '../components/theme.js';
import type { PendingRun } from '../../app/read-pending-run.js';
import { matchKey } from '../keymap.js';
import { homeKeymap, homeMenu, pendingStep, resumable, type MenuTarget } from '../models/home-model.js';
import type { ConflictChoice } from '../models/run-model.js';
import { moveCursor } from '../models/list-cursor.js';
import type { HookStatus, TuiServices } from '../../app/screen-services.js';
import { singleKeys, useKeyInput } from '../use-key-input.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { plural } from '../../core/display-text/plural.js';
import { FIRST_COMMIT_STEPS } from '../../core/display-text/next-steps.js';
import type { PackageRow } from '../../app/package-rows.js';
import { PackageList } from '../components/PackageList.js';
import { createPackageSelection } from '../models/package-selection.js';

export { HOME_MENU, type MenuTarget } from '../models/home-model.js';

/** The stable code of a ShipwrightError (src/core/errors.ts), if the failure carries one. */
const errorCode = (reason: unknown): unknown =>
  typeof reason === 'object' && reason !== null && 'code' in reason ? reason.code : undefined;

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

/** Doctor's verdict in one line: all good, or how many problems and the first with its fix. */
function HooksLine({ hooks }: { hooks: HookStatus | null }) {
  const tone = useTone();
  if (hooks === null) return <Text {...tone('muted')}>hooks: asking doctor…</Text>;
  const [first] = hooks.problems.length > 0 ? hooks.problems : hooks.warnings;
  if (!first) return <Text {...tone('good')}>✓ hooks installed · doctor: all good</Text>;
  const counts = [
    hooks.problems.length > 0 ? plural(hooks.problems.length, 'problem') : null,
    hooks.warnings.length > 0 ? plural(hooks.warnings.length, 'warning') : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Box flexDirection="column">
      <Text {...tone(hooks.problems.length > 0 ? 'bad' : 'warn')} wrap="truncate-end">
        {hooks.problems.length > 0 ? '✗' : '⚠'} doctor: {counts} · {first.summary}
      </Text>
      <Text {...tone('muted')} wrap="truncate-end">
        {'  '}
        {first.fix ? `fix: ${first.fix} · ` : ''}shipwright doctor lists{' '}
        {hooks.problems.length + hooks.warnings.length === 1 ? 'it' : 'them all'}
      </Text>
    </Box>
  );
}

/** `compact`: a short terminal with a paused run's lines above: the lines that can wait are left out. */
function Summary({
  report,
  hooks,
  compact,
  packages,
}: {
  report: StatusReport;
  hooks: HookStatus | null;
  compact: boolean;
  /** A monorepo: every package with a pending release, in place of the one next version. */
  packages: PackageRow[] | null;
}) {
  const tone = useTone();
  const types = Object.entries(report.unreleased.byType).sort((a, b) => b[1] - a[1]);
  return (
    <Box flexDirection="column">
      {report.productionAhead ? (
        <Box marginBottom={1}>
          <Text {...tone('warn')}>⚠ {describeProductionAhead(report.branch, report.productionAhead)}</Text>
        </Box>
      ) : null}
      <Environments report={report} />
      {packages ? (
        <Box marginTop={1} flexDirection="column">
          <PackageList selection={createPackageSelection(packages)} readOnly height={compact ? 4 : 8} />
        </Box>
      ) : null}
      {packages ? null : (
        <>
          <Box marginTop={1} flexDirection="column">
            <Text>
              Unreleased{report.lastTag ? ` since ${report.lastTag.name}` : ''}:{' '}
              <Text bold>{report.unreleased.total}</Text> {report.unreleased.total === 1 ? 'commit' : 'commits'}
              {report.unreleased.breaking ? (
                <Text {...tone('bad')}> ({report.unreleased.breaking} breaking)</Text>
              ) : null}
            </Text>
            <Text {...tone('muted')}>
              {types.map(([type, count]) => countLabel(type, count)).join(' · ') || 'nothing yet'}
            </Text>
          </Box>
          <Box marginTop={1} flexDirection="column">
            <Text>
              Next version:{' '}
              <Text bold {...tone('good')}>
                {report.next.kind === 'release' ? report.next.version : 'none'}
              </Text>
            </Text>
            {compact ? null : (
              <Text {...tone('muted')} wrap="truncate-end">
                {describeNextVersion(report.next)}
              </Text>
            )}
          </Box>
        </>
      )}
      {report.missingFixes.length > 0 && !compact ? (
        <Text {...tone('warn')}>
          ⚠ fixes on {report.branches.production} missing from{' '}
          {report.missingFixes.map((m) => `${m.target} (${m.commits.length})`).join(', ')} · p backports
        </Text>
      ) : null}
      <Box marginTop={compact ? 0 : 1}>
        <HooksLine hooks={hooks} />
      </Box>
    </Box>
  );
}

/** The run waiting for the user: what it is, where it stopped, which files, and its keys. */
function PendingLine({ pending, quitWarned }: { pending: PendingRun; quitWarned: boolean }) {
  const tone = useTone();
  if (pending.running) {
    return (
      <Text {...tone('muted')} wrap="truncate-end">
        ⟳ `{pending.command}` is running in another shipwright ({pendingStep(pending)})
      </Text>
    );
  }
  const files = pending.pause?.files ?? [];
  const where =
    files.length > 0
      ? `conflicts in ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''} · `
      : '';
  const keys = [
    'o open',
    'u continue',
    ...(pending.pause?.target ? [`s skip ${pending.pause.target}`] : []),
    'x abort',
  ].join(' · ');
  return (
    <Box flexDirection="column">
      <Text {...tone('warn')} wrap="truncate-end">
        ‖ {pending.title} {pending.pause ? 'paused on a conflict' : 'interrupted'} at {pendingStep(pending)}
      </Text>
      {quitWarned ? (
        <Text {...tone('warn')}>
          ⚠ q again quits and leaves it {pending.pause ? 'paused' : 'unfinished'} (later: shipwright continue, or
          shipwright abort) · any other key stays
        </Text>
      ) : (
        <Text wrap="truncate-end">
          {'  '}
          {where}
          <Text {...tone('muted')}>{keys}</Text>
        </Text>
      )}
    </Box>
  );
}

interface HomeScreenProps {
  services: TuiServices;
  /** `choice`: continue, skip or abort picked on the paused run's line, for the screen it opens. */
  open: (target: MenuTarget, choice?: ConflictChoice) => void;
  quit: () => void;
  /** Read while the TUI loaded: the first frame shows it instead of a spinner. */
  initialReport?: StatusReport;
}

export function HomeScreen({ services, open, quit, initialReport }: HomeScreenProps) {
  const tone = useTone();
  const [report, setReport] = useState<StatusReport | null>(initialReport ?? null);
  const [hooks, setHooks] = useState<HookStatus | null>(null);
  const [pending, setPending] = useState<PendingRun | null>(null);
  const [packages, setPackages] = useState<PackageRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A repository without commits: home says how to make the first one instead of an error.
  const [empty, setEmpty] = useState(false);
  const [index, setIndex] = useState(0);
  // q with a run waiting warns first; q again quits.
  const [quitWarned, setQuitWarned] = useState(false);
  // Keys of one burst reach the same handler before React re-renders: read and write the cursor
  // (and what the menu holds) through refs, and ignore what follows a key that leaves this screen.
  const cursor = useRef(0);
  const left = useRef(false);
  const warned = useRef(false);
  const found = useRef<PendingRun | null>(null);
  const [generation, setGeneration] = useState(0);

  const preread = useRef(initialReport !== undefined);
  useEffect(() => {
    let live = true;
    services.readHookStatus().then(
      (value) => live && setHooks(value),
      () => undefined,
    );
    services.readPackageRows().then(
      (value) => live && setPackages(value),
      () => undefined,
    );
    services.readPendingRun().then(
      (value) => {
        if (!live) return;
        found.current = value;
        setPending(value);
      },
      () => undefined,
    );
    if (preread.current) preread.current = false;
    else {
      setReport(null);
      services.readStatus().then(
        (value) => live && setReport(value),
        (reason: unknown) => {
          if (!live) return;
          if (errorCode(reason) === 'no-commits') setEmpty(true);
          else setError(reason instanceof Error ? reason.message : String(reason));
        },
      );
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
      const menu = homeMenu(found.current);
      const action = matchKey(homeKeymap(found.current), input, key);
      const wasWarned = warned.current;
      warned.current = false;
      setQuitWarned(false);
      if (action === 'up' || action === 'down') {
        cursor.current = moveCursor(cursor.current, action === 'up' ? -1 : 1, menu.length);
        setIndex(cursor.current);
      } else if (action === 'choose') leave(() => open((menu[cursor.current] ?? menu[0]!).target));
      else if (action === 'continue' || action === 'skip' || action === 'abort') leave(() => open('paused', action));
      else if (action === 'refresh') setGeneration((current) => current + 1);
      else if (action === 'quit') {
        if (resumable(found.current) && !wasWarned) {
          warned.current = true;
          setQuitWarned(true);
        } else leave(quit);
      } else if (action) leave(() => open(action));
    }
  });

  const menu = homeMenu(pending);
  const { rows } = useTerminalSize();
  return (
    <Frame
      title={services.repoRoot}
      titleIsPath
      context={(report?.branch ?? services.branch) ? `on ${report?.branch ?? services.branch}` : 'HEAD detached'}
      keymap={homeKeymap(pending)}
    >
      {pending ? (
        <Box marginBottom={1}>
          <PendingLine pending={pending} quitWarned={quitWarned} />
        </Box>
      ) : null}
      {empty ? (
        <Box flexDirection="column">
          {FIRST_COMMIT_STEPS.map((line, i) => (
            <Text key={line} {...(i === 0 ? tone('warn') : {})}>
              {line}
            </Text>
          ))}
        </Box>
      ) : error ? (
        <Text {...tone('bad')}>✗ {error}</Text>
      ) : report ? (
        <Summary report={report} hooks={hooks} packages={packages} compact={resumable(pending) && (rows ?? 40) < 30} />
      ) : (
        <Spinner label="reading history and tags…" />
      )}
      <Box marginTop={1} flexDirection="column">
        {menu.map((item, i) => (
          <Text key={item.target} {...(i === index ? tone('accent') : {})}>
            {i === index ? '❯ ' : '  '}
            {item.label} <Text {...tone('muted')}>({item.key})</Text>
          </Text>
        ))}
      </Box>
    </Frame>
  );
}
