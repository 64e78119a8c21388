// The end-to-end tests run the built CLI (dist/), as a user would: build it once if it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../scripts/demo-repo.mjs';

const built = () =>
  ['cli.js', 'hook.js', 'metafile-esm.json'].every((file) => existsSync(join(PROJECT_ROOT, 'dist', file)));

/**
 * Builds with the project's own tsup unless dist/ is there. A parallel `npx tsup` empties dist/
 * for a moment, so a missing dist/ is given a few seconds to come back before building.
 */
export async function ensureBuiltCli(): Promise<void> {
  const start = Date.now();
  while (!built() && Date.now() - start < 10_000) await new Promise((resolve) => setTimeout(resolve, 100));
  if (built()) return;
  execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsup'), [], { cwd: PROJECT_ROOT, stdio: 'ignore' });
}
