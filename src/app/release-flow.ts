// Which release a `shipwright release` means here, decided without loading the changelog writer
// (the wizard asks before any release is prepared).
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import type { ReleaseFlow } from './release-preflight.js';

/** What was asked for: `release` alone (auto), or gitflow's `release start` / `release finish`. */
export type ReleaseMode = 'auto' | 'start' | 'finish';

/** auto: trunk on a trunk repository; under gitflow, finish on a release branch and start anywhere else. */
export async function chooseFlow(
  repo: OpenRepo,
  mode: ReleaseMode,
  releasePrefix: string,
): Promise<Exclude<ReleaseFlow, 'hotfix' | 'hotfix-start'>> {
  if (mode !== 'auto') return mode;
  if ((await resolveWorkflow(repo)) === 'trunk') return 'trunk';
  return repo.state.branch?.startsWith(releasePrefix) ? 'finish' : 'start';
}
