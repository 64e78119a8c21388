// A plan before it runs: its numbered steps (a window of them, scrolled with j/k) and its notes.
import { Box, Text } from 'ink';
import type { Plan } from '../../../core/plan/plan.js';
import { useTone } from '../../components/theme.js';

export function PlanPreview({ plan, top, height }: { plan: Plan; top: number; height: number }) {
  const tone = useTone();
  const first = Math.max(0, Math.min(top, plan.steps.length - height));
  const shown = plan.steps.slice(first, first + height);
  const below = plan.steps.length - first - shown.length;
  const notes = plan.notes ?? [];
  return (
    <Box flexDirection="column">
      <Text bold>{plan.title}:</Text>
      {first > 0 ? (
        <Text {...tone('muted')}>
          {'  '}↑ {first} more (k)
        </Text>
      ) : null}
      {shown.map((step, offset) => (
        <Text key={first + offset} wrap="truncate-end">
          {`  ${String(first + offset + 1).padStart(2)}. ${step.description}`}
        </Text>
      ))}
      {below > 0 ? (
        <Text {...tone('muted')}>
          {'  '}↓ {below} more (j)
        </Text>
      ) : null}
      {notes.slice(0, 3).map((note) => (
        <Text key={note} {...tone('muted')} wrap="truncate-end">
          {`  · ${note}`}
        </Text>
      ))}
    </Box>
  );
}
