// `shipwright release` typed alone in a monorepo, in a real terminal (tmux): not the one-version
// wizard, but every package's release and the plan, then a question; answering no writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { commitIn, createWorkspaceRepo } from '../helpers/workspace-repo.js';
import { ensureBuiltCli } from './support/built-cli.js';
import { PROMPT, terminalEnv } from './support/terminal-env.js';
import { HAS_TMUX, openTerminal, type Terminal } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;

suite(
  HAS_TMUX
    ? 'a monorepo release in a terminal (tmux)'
    : 'a monorepo release in a terminal — skipped: tmux is not installed (apt-get install tmux)',
  () => {
    let repo: TempRepo | undefined;
    let home: string | undefined;
    let term: Terminal | undefined;

    beforeAll(ensureBuiltCli, 120_000);

    afterEach(async () => {
      term?.kill();
      await repo?.remove();
      if (home) rmSync(home, { recursive: true, force: true });
    });

    it('lists the packages and the plan, asks, and a no leaves everything as it was', async () => {
      repo = await createWorkspaceRepo({
        kind: 'pnpm',
        packages: [
          { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
          { name: '@acme/cli', dir: 'packages/cli', version: '2.0.0', dependencies: { '@acme/core': '1.0.0' } },
        ],
      });
      await commitIn(repo, 'feat(core): a parser', ['packages/core']);
      const before = await snapshotRepo(repo);
      home = mkdtempSync(join(tmpdir(), 'shipwright-e2e-home-'));
      term = openTerminal({ cwd: repo.dir, env: terminalEnv(home), width: 120, height: 40 });
      await term.waitFor('e2e$');
      term.type(`node ${SHIPWRIGHT_BIN} release`);
      term.press('Enter');
      const screen = await term.waitFor('Apply these changes?', 30_000);
      expect(screen).toContain('Packages with a pending release (2 of 2)');
      expect(screen).toContain('@acme/cli   2.0.0 → 2.0.1  depends on @acme/core 1.1.0');
      expect(screen).toContain('create annotated tag @acme/core@1.1.0');
      term.type('n');
      term.press('Enter');
      await term.waitFor(PROMPT);
      expect(await snapshotRepo(repo)).toEqual(before);
    }, 60_000);
  },
);
