// The plan's steps while the engine runs them: · waiting, spinner, ✓ done, ✗ failed, ‖ paused, ↺ put back.
import { Box, Text } from 'ink';
import { Spinner } from '../../components/Spinner.js';
import { useTone, type Tone } from '../../components/theme.js';
import type { StepStatus, StepView } from '../../models/release-model.js';

const MARKS: Record<Exclude<StepStatus, 'running'>, { mark: string; tone: Tone }> = {
  pending: { mark: '·', tone: 'muted' },
  done: { mark: '✓', tone: 'good' },
  skipped: { mark: '✓', tone: 'good' },
  failed: { mark: '✗', tone: 'bad' },
  paused: { mark: '‖', tone: 'warn' },
  undone: { mark: '↺', tone: 'muted' },
};

export function ReleaseSteps({ steps }: { steps: StepView[] }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      {steps.map((step, i) =>
        step.status === 'running' ? (
          <Spinner key={i} label={step.description} />
        ) : (
          <Text key={i} wrap="truncate-end" {...(step.status === 'pending' ? tone('muted') : {})}>
            <Text {...tone(MARKS[step.status].tone)}>{MARKS[step.status].mark}</Text> {step.description}
            {step.status === 'skipped' && step.note ? <Text {...tone('muted')}> ({step.note})</Text> : null}
            {step.status === 'undone' ? <Text {...tone('muted')}> (put back)</Text> : null}
          </Text>
        ),
      )}
    </Box>
  );
}
