// The files step's staging requests as service calls, and what a failure tells the person.
import type { RunResult, TuiServices } from '../../../app/screen-services.js';
import { escapeControls } from '../../../core/display-text/control-characters.js';
import type { StageRequest } from '../../models/file-staging.js';

export function runStaging(services: TuiServices, request: StageRequest | 'all'): Promise<RunResult> {
  if (request === 'all') return services.stageAll();
  return request.kind === 'stage' ? services.stagePaths(request.paths) : services.unstagePaths(request.paths);
}

/** One line: what was tried, git's reason, and how to try again. */
export function stagingFailure(request: StageRequest | 'all', reason: unknown): string {
  const said = reason instanceof Error ? reason.message : String(reason);
  const why = said
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  const what =
    request === 'all'
      ? 'Staging everything failed'
      : `${request.kind === 'stage' ? 'Staging' : 'Unstaging'} ${escapeControls(request.paths.at(-1) ?? '')} failed`;
  const retry = request === 'all' ? 'a tries again' : 'space tries again';
  return `${what}: ${escapeControls(why)} — ${retry} (git status shows the index as it is).`;
}
