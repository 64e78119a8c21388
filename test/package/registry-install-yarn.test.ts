// yarn installs shipwright by name from the run's local registry; init sets up working hooks.
// The checks are test/package/support/install-by-name.ts's (one file per manager: parallel workers).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { registryWork, type RegistryWork } from '../helpers/shared-registry.js';
import { installsByName } from './support/install-by-name.js';

let work: RegistryWork;
beforeAll(async () => {
  work = await registryWork('install-yarn', { managers: true });
}, 300_000);
afterAll(async () => {
  await work?.remove();
});

describe('shipwright from a registry', () => {
  it('yarn installs it by name; init sets up hooks that refuse a bad message and let a good commit in', async () => {
    await installsByName(work, 'yarn');
  }, 600_000);
});
