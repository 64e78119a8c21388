// Choosing the version: the suggestion with the commits that decide it, each alternative with the
// version it makes, and the custom field checked as it is typed.
import { Box, Text } from 'ink';
import { TextField } from '../../components/TextField.js';
import { useTone } from '../../components/theme.js';
import { customCheck, type ReleaseState } from '../../models/release-model.js';
import { menuEntries } from '../../models/release-view.js';
import { plural } from '../../../core/display-text/plural.js';

const SHOWN_COMMITS = 4;

function Suggestion({ state }: { state: ReleaseState }) {
  const tone = useTone();
  if (state.nothing) {
    return (
      <Box flexDirection="column">
        <Text {...tone('warn')}>⚠ {state.nothing.message}</Text>
        <Text {...tone('muted')}>Choose a bump to release anyway, or close (q) and commit a fix or feature first.</Text>
      </Box>
    );
  }
  const commits = state.suggested?.decidingCommits ?? [];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        Suggested <Text bold>{state.suggested?.version ?? '…'}</Text>
        {state.outlook ? <Text {...tone('muted')}> · {state.outlook.reason}</Text> : null}
      </Text>
      {commits.length > 0 ? <Text {...tone('muted')}>decided by {plural(commits.length, 'commit')}:</Text> : null}
      {commits.slice(0, SHOWN_COMMITS).map((header, i) => (
        <Text key={i} wrap="truncate-end">
          {'  '}
          {header}
        </Text>
      ))}
      {commits.length > SHOWN_COMMITS ? (
        <Text {...tone('muted')}> and {commits.length - SHOWN_COMMITS} more</Text>
      ) : null}
    </Box>
  );
}

function CustomField({ state }: { state: ReleaseState }) {
  const tone = useTone();
  const checked = customCheck(state);
  const typed = state.custom.value.trim().length > 0;
  return (
    <Box flexDirection="column">
      <Text>
        Version:{' '}
        <TextField
          state={state.custom}
          focused={state.phase === 'custom'}
          placeholder={`above ${state.outlook?.current ?? 'the current release'}, e.g. 2.0.0 or 2.0.0-beta.1`}
        />
      </Text>
      {typed ? (
        checked.ok ? (
          <Text {...tone('good')}>✓ {checked.version}</Text>
        ) : (
          <Text {...tone('bad')}>✗ {checked.reason}</Text>
        )
      ) : null}
    </Box>
  );
}

export function VersionMenu({ state }: { state: ReleaseState }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Suggestion state={state} />
      <Box flexDirection="column" marginTop={1}>
        {menuEntries(state).map((entry, i) => {
          const here = i === state.optionIndex;
          const version =
            entry.choice.kind === 'custom'
              ? 'type a version'
              : (entry.version ?? (entry.available ? '' : '— no release'));
          return (
            <Text
              key={entry.label}
              {...(here ? tone('accent') : entry.available ? {} : tone('muted'))}
              wrap="truncate-end"
            >
              {here ? '❯ ' : '  '}
              {entry.label.padEnd(17)}
              {version}
            </Text>
          );
        })}
      </Box>
      {state.phase === 'custom' ? <CustomField state={state} /> : null}
    </Box>
  );
}
