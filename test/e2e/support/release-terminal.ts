// A release repository (trunk, a bare file:// remote) per test and a tmux shell in it at its prompt.
// Registers its own vitest hooks: the built CLI first, everything removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../../scripts/demo-repo.mjs';
import { createReleaseRepo, type ReleaseRepo } from '../../helpers/release-repo.js';
import { ensureBuiltCli } from './built-cli.js';
import { terminalEnv } from './terminal-env.js';
import { openTerminal, type Terminal } from './tmux.js';

/** The command line that runs the built CLI. */
export const CLI = `node ${SHIPWRIGHT_BIN}`;

export function useReleaseTerminal(): (options?: {
  config?: Record<string, unknown>;
  height?: number;
}) => Promise<ReleaseRepo & { term: Terminal }> {
  let entry: ReleaseRepo | undefined;
  let home: string | undefined;
  let term: Terminal | undefined;

  beforeAll(ensureBuiltCli, 120_000);

  afterEach(async () => {
    term?.kill();
    term = undefined;
    await entry?.remove();
    entry = undefined;
    if (home) rmSync(home, { recursive: true, force: true });
    home = undefined;
  });

  return async (options = {}) => {
    entry = await createReleaseRepo(options.config ? { config: options.config } : {});
    home = mkdtempSync(join(tmpdir(), 'shipwright-e2e-home-'));
    term = openTerminal({
      cwd: entry.repo.dir,
      env: terminalEnv(home),
      ...(options.height ? { height: options.height } : {}),
    });
    await term.waitFor('e2e$');
    return { ...entry, term };
  };
}
