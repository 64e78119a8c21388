// pnpm installs shipwright by name from the run's local registry; init sets up working hooks.
// The checks are test/package/support/install-by-name.ts's (one file per manager: parallel workers).
import { describe, it } from 'vitest';
import { useRegistryWork } from '../helpers/shared-registry.js';
import { installsByName } from './support/install-by-name.js';

const work = useRegistryWork('install-pnpm', { managers: true });

describe('shipwright from a registry', () => {
  it('pnpm installs it by name; init sets up hooks that refuse a bad message and let a good commit in', async () => {
    await installsByName(work(), 'pnpm');
  }, 600_000);
});
