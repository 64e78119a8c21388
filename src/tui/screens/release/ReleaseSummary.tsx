// How the run ended: released (the tag and what went where), failed (what was put back, what was
// not, and the fix) or paused on a conflict (the files and the commands that go on).
import { Box, Text } from 'ink';
import type { PreparedRelease } from '../../../app/prepare-release.js';
import { ErrorLines } from '../../components/ErrorLines.js';
import { useTone } from '../../components/theme.js';
import type { PauseView, ReleaseState } from '../../models/release-model.js';
import { pushedRefs } from '../../models/release-view.js';
import { ReleaseSteps } from './ReleaseSteps.js';

const SHOWN_FILES = 6;

function headline(release: PreparedRelease): string {
  const created = release.plan.steps.find((step) => step.kind === 'create-branch');
  if (release.flow === 'start')
    return `Started ${created?.kind === 'create-branch' ? created.name : release.tag} from ${created?.kind === 'create-branch' ? created.from : release.branch}.`;
  if (release.flow === 'finish') return `Finished ${release.branch}: released ${release.tag}.`;
  return `Released ${release.tag} on ${release.branch}.`;
}

export function ReleaseDone({ release, state }: { release: PreparedRelease; state: ReleaseState }) {
  const tone = useTone();
  const tagged = release.plan.steps.some((step) => step.kind === 'tag');
  const refs = pushedRefs(release.plan);
  return (
    <Box flexDirection="column">
      <ReleaseSteps steps={state.steps} />
      <Box flexDirection="column" marginTop={1}>
        <Text {...tone('good')}>✓ {headline(release)}</Text>
        {tagged ? (
          <Text>
            {'  '}tag{'     '}
            {release.tag}
          </Text>
        ) : null}
        <Text>
          {'  '}pushed{'  '}
          {refs.length > 0 ? `${refs.join(', ')} → ${release.remote}` : 'nothing'}
        </Text>
        {(release.plan.notes ?? []).map((note) => (
          <Text key={note} {...tone('muted')} wrap="truncate-end">
            · {note}
          </Text>
        ))}
        {release.flow === 'start' ? (
          <Text>Next: stabilise the release branch there, then run shipwright release on it to finish.</Text>
        ) : null}
      </Box>
    </Box>
  );
}

export function ReleaseFailed({ state }: { state: ReleaseState }) {
  const tone = useTone();
  const failedAt = state.steps.findIndex((step) => step.status === 'failed');
  const failed = state.steps[failedAt];
  const restored = state.rollback?.restored ?? [];
  return (
    <Box flexDirection="column">
      {failed ? (
        <Box flexDirection="column">
          <Text {...tone('bad')}>
            ✗ The release stopped at step {failedAt + 1} of {state.steps.length}: {failed.description}
          </Text>
          {failed.note ? (
            <Text>
              {'  '}
              {failed.note}
            </Text>
          ) : null}
          {state.interrupted && !failed.note?.includes('interrupted') ? (
            <Text {...tone('warn')}>
              {'  '}interrupted by {state.interrupted}
            </Text>
          ) : null}
          <Text>
            {restored.length > 0 ? `Put back as it was: ${restored.join(', ')}.` : 'Nothing had been changed yet.'}
          </Text>
          {(state.rollback?.failures ?? []).map((failure) => (
            <Text key={failure} {...tone('bad')}>
              ✗ could not put back (fix by hand): {failure}
            </Text>
          ))}
          {state.error?.fix ? <Text>→ {state.error.fix}</Text> : null}
        </Box>
      ) : state.error ? (
        <ErrorLines error={state.error} />
      ) : null}
    </Box>
  );
}

export function ReleasePaused({ pause, total }: { pause: PauseView; total: number }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Text {...tone('warn')}>
        ‖ Paused at step {pause.index + 1} of {total}: {pause.description}: conflicts in
      </Text>
      {pause.files.slice(0, SHOWN_FILES).map((file) => (
        <Text key={file} wrap="truncate-end">
          {'    '}
          {file}
        </Text>
      ))}
      {pause.files.length > SHOWN_FILES ? (
        <Text {...tone('muted')}> and {pause.files.length - SHOWN_FILES} more (git status lists them)</Text>
      ) : null}
      <Text wrap="truncate-end">
        {'  '}in {pause.directory}
      </Text>
      <Text>The steps before it are done and recorded; nothing has been pushed.</Text>
      <Text>Resolve the conflicts there and git add the files, then press (or later run):</Text>
      <Text>
        {'  '}c{'  '}continue{'              '}
        <Text {...tone('muted')}>shipwright continue</Text>
      </Text>
      {pause.target === null ? null : (
        <Text>
          {'  '}s{'  '}leave {pause.target} for later{'  '}
          <Text {...tone('muted')}>shipwright continue --skip</Text>
        </Text>
      )}
      <Text>
        {'  '}a{'  '}abort: put every branch, tag and file back{'  '}
        <Text {...tone('muted')}>shipwright abort</Text>
      </Text>
    </Box>
  );
}
