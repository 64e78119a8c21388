// The services of issue #6's screens (hotfix wizard, backport matrix, conflicts), spread into
// createTuiServices.
import type { FixServices } from './hotfix-backport-services.js';
import type { OpenRepo } from './open-repo.js';
import { createBackportServices } from './tui-backport-services.js';
import { createEngineServices } from './tui-engine-services.js';
import { createHotfixServices } from './tui-hotfix-services.js';

export function createFixServices(current: () => Promise<OpenRepo>): FixServices {
  return { ...createHotfixServices(current), ...createBackportServices(current), ...createEngineServices(current) };
}
