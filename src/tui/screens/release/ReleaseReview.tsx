// The changelog section and the plan as one text, a window of it at a time, saying what is below.
import { Box, Text } from 'ink';
import type { PreparedRelease } from '../../../app/prepare-release.js';
import { useTone } from '../../components/theme.js';
import { reviewLines } from '../../models/release-view.js';

export function ReleaseReview({
  release,
  scroll,
  height,
  width,
}: {
  release: PreparedRelease;
  scroll: number;
  height: number;
  width: number | null;
}) {
  const tone = useTone();
  const lines = reviewLines(release, width);
  const below = Math.max(0, lines.length - scroll - height);
  return (
    <Box flexDirection="column">
      {lines.slice(scroll, scroll + height).map((line, i) => (
        <Text
          key={scroll + i}
          wrap="truncate-end"
          {...(line.style === 'heading'
            ? { bold: true, ...tone('accent') }
            : line.style === 'muted'
              ? tone('muted')
              : {})}
        >
          {line.text || ' '}
        </Text>
      ))}
      <Text {...tone('muted')}>
        {below > 0
          ? `↓ ${below} more line${below === 1 ? '' : 's'} (j / pgdn)`
          : scroll > 0
            ? '— end (k / pgup scrolls back) —'
            : '— end —'}
      </Text>
    </Box>
  );
}

/** Lines of the review text, for the frame's "lines 1–18 of 30". */
export const reviewLength = (release: PreparedRelease, width: number | null): number =>
  reviewLines(release, width).length;
