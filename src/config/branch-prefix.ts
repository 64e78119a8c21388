// The prefix of gitflow's release and hotfix branches: the configured one, or `release/` and
// `hotfix/` when a config's branchTypes leaves the type out.
import type { ShipwrightConfig } from '../core/config/config-types.js';

export const branchPrefix = (config: ShipwrightConfig, type: 'release' | 'hotfix'): string =>
  config.branchTypes[type]?.prefix ?? `${type}/`;
