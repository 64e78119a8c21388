// Starting a hotfix: the release to fix (production marked), then an optional name, checked as
// it is typed, with the branch it makes.
import { Box, Text } from 'ink';
import { TextField } from '../../components/TextField.js';
import { useTone } from '../../components/theme.js';
import { FilterLine } from '../../components/FilterLine.js';
import {
  chosenRelease,
  nameProblem,
  previewBranch,
  visibleReleases,
  type HotfixState,
} from '../../models/hotfix-model.js';

const MAX_RELEASES = 10;

export function StartForm({ state }: { state: HotfixState }) {
  const tone = useTone();
  const releases = state.outlook?.releases ?? [];
  const release = chosenRelease(state);
  if (state.step === 'base') {
    const visible = visibleReleases(state);
    const at = Math.max(0, visible.indexOf(state.baseIndex));
    const first = Math.max(0, Math.min(at - MAX_RELEASES + 1, visible.length - MAX_RELEASES));
    return (
      <Box flexDirection="column">
        <Text>Which release needs the fix?</Text>
        <FilterLine filter={state.baseFilter} shown={visible.length} total={releases.length} />
        {visible.slice(first, first + MAX_RELEASES).map((index) => {
          const entry = releases[index]!;
          const here = index === state.baseIndex;
          const production = entry.tag === state.outlook?.productionTag;
          return (
            <Text key={entry.tag} {...(here ? tone('accent') : {})}>
              {here ? '❯ ' : '  '}
              {entry.tag.padEnd(12)}
              <Text {...tone('muted')}>
                {`→ ${state.outlook?.prefix ?? ''}${entry.next}`}
                {production ? '   (production)' : '   (an older line: a maintenance release)'}
              </Text>
            </Text>
          );
        })}
      </Box>
    );
  }
  const problem = nameProblem(state);
  return (
    <Box flexDirection="column">
      <Text>
        From: <Text bold>{release?.tag}</Text>
      </Text>
      <Text>
        Name (optional): <TextField state={state.name} focused={state.step === 'name'} placeholder="e.g. login-crash" />
      </Text>
      <Text>
        Branch: <Text bold>{previewBranch(state)}</Text>
      </Text>
      {problem ? <Text {...tone('bad')}>✗ {problem}</Text> : null}
    </Box>
  );
}
