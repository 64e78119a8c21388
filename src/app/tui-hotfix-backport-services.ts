// HotfixBackportServices for the TUI: the hotfix wizard, the backport matrix and the conflict screen,
// built from their three implementations and spread into createTuiServices.
import type { HotfixBackportServices } from './hotfix-backport-services.js';
import type { OpenRepo } from './open-repo.js';
import { createBackportServices } from './tui-backport-services.js';
import { createEngineServices } from './tui-engine-services.js';
import { createHotfixServices } from './tui-hotfix-services.js';

export function createHotfixBackportServices(current: () => Promise<OpenRepo>): HotfixBackportServices {
  return { ...createHotfixServices(current), ...createBackportServices(current), ...createEngineServices(current) };
}
