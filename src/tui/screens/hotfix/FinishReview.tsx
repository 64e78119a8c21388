// Finishing a hotfix, before the plan: the version and whether it is a maintenance release, the
// branches the fix goes to (space leaves one for later), push on or off, the changelog section.
import { Box, Text } from 'ink';
import type { PreparedHotfix } from '../../../app/prepare-hotfix.js';
import { useTone } from '../../components/theme.js';
import type { HotfixState } from '../../models/hotfix-model.js';
import { maintenanceLine } from '../../models/hotfix-summary.js';

export function FinishReview({
  state,
  finish,
  changelogRows,
}: {
  state: HotfixState;
  finish: PreparedHotfix;
  changelogRows: number;
}) {
  const tone = useTone();
  const section = finish.changelogSection
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '');
  const shown = section.slice(0, changelogRows);
  return (
    <Box flexDirection="column">
      <Text>
        Release{' '}
        <Text bold {...tone('good')}>
          {finish.tag}
        </Text>{' '}
        from {finish.branch}: <Text {...tone(finish.maintenance ? 'warn' : 'muted')}>{maintenanceLine(finish)}</Text>
      </Text>
      <Text>
        Push when done: <Text bold>{state.push ? `yes, to ${finish.remote ?? 'the upstream'}` : 'no, local only'}</Text>{' '}
        <Text {...tone('muted')}>(p)</Text>
      </Text>
      <Box marginTop={1} flexDirection="column">
        <Text>
          {finish.targets.length > 0
            ? 'The fix also goes to:'
            : 'No other branch needs the fix (no integration or release branch).'}
        </Text>
        {finish.targets.map((target, index) => {
          const here = index === state.targetIndex;
          const left = state.skip.includes(target);
          return (
            <Text key={target} {...(here ? tone('accent') : {})}>
              {here ? '❯ ' : '  '}[{left ? ' ' : 'x'}] {target}
              {left ? <Text {...tone('muted')}> left for later</Text> : null}
            </Text>
          );
        })}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {shown.map((line, index) => (
          <Text key={index} wrap="truncate-end" {...(line.startsWith('#') ? { bold: true } : tone('muted'))}>
            {line}
          </Text>
        ))}
        {section.length > shown.length ? (
          <Text {...tone('muted')}>… {section.length - shown.length} more lines in the changelog section</Text>
        ) : null}
      </Box>
    </Box>
  );
}
