// The plan's steps while the engine runs them: ✓ done, ↷ passed over, ✗ failed, ‖ stopped on a
// conflict, a spinner on the one in progress — the window follows the newest started step.
import { Box, Text } from 'ink';
import { Spinner } from '../../components/Spinner.js';
import { useTone, type Tone } from '../../components/theme.js';
import { stepWindow, type RunState, type StepStatus } from '../../models/run-model.js';

const MARKS: Record<Exclude<StepStatus, 'running'>, [string, Tone]> = {
  pending: ['·', 'muted'],
  done: ['✓', 'good'],
  skipped: ['↷', 'muted'],
  failed: ['✗', 'bad'],
  paused: ['‖', 'warn'],
  undone: ['↺', 'muted'],
};

export function RunSteps({ run, height }: { run: RunState; height: number }) {
  const tone = useTone();
  const { start, steps } = stepWindow(run.steps, height);
  return (
    <Box flexDirection="column">
      {steps.map((step, offset) => {
        if (step.status === 'running') return <Spinner key={start + offset} label={step.description} />;
        const [mark, color] = MARKS[step.status];
        return (
          <Text key={start + offset} wrap="truncate-end">
            <Text {...tone(color)}>{mark}</Text> {step.description}
            {step.status === 'undone' ? (
              <Text {...tone('muted')}> (put back)</Text>
            ) : step.note && step.status !== 'failed' ? (
              <Text {...tone('muted')}> ({step.note})</Text>
            ) : null}
          </Text>
        );
      })}
      {run.stopping ? (
        <Text {...tone('warn')}>Stopping: the step in progress finishes, then everything done so far is put back…</Text>
      ) : null}
    </Box>
  );
}
