// The release checklist before the run: the commands that run first, each confirmation answered
// so far (✓) and the one being asked, by name, as the tag will record it.
import { Box, Text } from 'ink';
import type { PreparedRelease } from '../../../app/prepare-release.js';
import { confirmItems, isCommand } from '../../../core/checklist/checklist.js';
import { shellCommand } from '../../../core/display-text/shell-words.js';
import { useTone } from '../../components/theme.js';

export function ReleaseChecklist({
  release,
  confirmed,
  asking,
}: {
  release: PreparedRelease;
  confirmed: number;
  asking: boolean;
}) {
  const tone = useTone();
  const { before, confirmedBy } = release.checklist;
  if (before.length === 0) return null;
  const confirms = confirmItems(before);
  const current = asking ? confirms[confirmed] : undefined;
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text bold>Release checklist</Text>
      {before.map((item) => {
        if (isCommand(item))
          return (
            <Text key={item.name} wrap="truncate-end">
              <Text {...tone('muted')}>·</Text> {item.name}{' '}
              <Text {...tone('muted')}>runs first: {shellCommand(item.run)}</Text>
            </Text>
          );
        const index = confirms.indexOf(item);
        if (index < confirmed || !asking)
          return (
            <Text key={item.name} wrap="truncate-end">
              <Text {...tone('good')}>✓</Text> {item.name} <Text {...tone('muted')}>(confirmed by {confirmedBy})</Text>
            </Text>
          );
        return (
          <Text key={item.name} wrap="truncate-end" {...(item === current ? {} : tone('muted'))}>
            {item === current ? '?' : '·'} {item.name}
          </Text>
        );
      })}
      {current ? <Text bold>{`${current.name}: done? (y yes · n no, stop the release)`}</Text> : null}
    </Box>
  );
}
