// The preflight checklist: each check as it is reported, a spinner while more are coming.
import { Box, Text } from 'ink';
import type { PreflightCheckEvent } from '../../../app/release-preflight.js';
import { Spinner } from '../../components/Spinner.js';
import { useTone } from '../../components/theme.js';

export function ReleaseChecks({ checks, running }: { checks: PreflightCheckEvent[]; running: boolean }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      {checks.map((check) => (
        <Text key={check.id} wrap="truncate-end">
          {check.status === 'passed' ? <Text {...tone('good')}>✓</Text> : <Text {...tone('bad')}>✗</Text>} {check.label}
          {check.status === 'passed' && check.detail ? <Text {...tone('muted')}> · {check.detail}</Text> : null}
        </Text>
      ))}
      {running ? <Spinner label={checks.length === 0 ? 'checking the repository…' : 'checking…'} /> : null}
    </Box>
  );
}

/** One line once the checks are behind: how many passed. */
export function ChecksPassed({ checks }: { checks: PreflightCheckEvent[] }) {
  const tone = useTone();
  const passed = checks.filter((check) => check.status === 'passed').length;
  return passed === 0 ? null : <Text {...tone('good')}>✓ preflight: {passed} checks passed</Text>;
}
