// `shipwright release` typed alone in a monorepo, in a real terminal (tmux): not the one-version
// wizard, but every package's release and the plan, then a question; answering no writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
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
    let remote: TempRepo | undefined;
    let home: string | undefined;
    let term: Terminal | undefined;

    beforeAll(ensureBuiltCli, 120_000);

    afterEach(async () => {
      term?.kill();
      await repo?.remove();
      await remote?.remove();
      remote = undefined;
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

    it('the TUI: home lists the packages; the wizard takes one out, overrides a bump and runs the package release', async () => {
      remote = await createTempRepo({ bare: true, prefix: 'shipwright-remote-' });
      repo = await createWorkspaceRepo({
        kind: 'npm',
        packages: [
          { name: '@acme/core', dir: 'packages/core', version: '1.0.0' },
          { name: '@acme/cli', dir: 'packages/cli', version: '2.0.0', dependencies: { '@acme/core': '1.0.0' } },
          { name: '@acme/web', dir: 'packages/web', version: '0.4.0' },
        ],
      });
      await repo.git('remote', 'add', 'origin', `file://${remote.dir}`);
      await repo.git('push', '-q', '--follow-tags', '-u', 'origin', 'main');
      await commitIn(repo, 'feat(core): a parser', ['packages/core']);
      await commitIn(repo, 'fix(web): labels for screen readers', ['packages/web']);
      await repo.git('push', '-q');
      home = mkdtempSync(join(tmpdir(), 'shipwright-e2e-home-'));
      term = openTerminal({ cwd: repo.dir, env: terminalEnv(home), width: 120, height: 40 });
      await term.waitFor('e2e$');
      term.type(`node ${SHIPWRIGHT_BIN}`);
      term.press('Enter');
      const overview = await term.waitFor('Packages: 3 to release', 30_000);
      expect(overview).toContain('@acme/cli   2.0.0 → 2.0.1  depends on @acme/core 1.1.0');
      expect(overview).toContain('@acme/core  1.0.0 → 1.1.0  minor');
      expect(overview).toContain('@acme/web   0.4.0 → 0.4.1  patch');

      term.type('R');
      const wizard = await term.waitFor('Packages: 3 of 3 to release', 30_000);
      expect(wizard).toContain('Release packages on main');
      expect(wizard).toContain('› [x] @acme/cli   2.0.0 → 2.0.1  depends on @acme/core 1.1.0');
      term.press('Down');
      const why = await term.waitFor('Why @acme/core:');
      expect(why).toContain('  feat(core): a parser');
      expect(why).not.toContain('labels for screen readers');
      // core: patch → minor → major by hand; web out of the run.
      term.type('bbb');
      await term.waitFor('@acme/core  1.0.0 → major (chosen)');
      term.press('Down');
      await term.waitFor('Why @acme/web:');
      term.press('Space');
      await term.waitFor('Packages: 2 of 3 to release');
      expect(term.screen()).toContain('[ ] @acme/web');
      term.press('Enter');

      const review = await term.waitFor('Changelog sections of 2 packages', 30_000);
      expect(review).toContain('# @acme/core');
      expect(review).toContain('## 2.0.0');
      term.press('Enter');
      await term.waitFor('Release @acme/cli@2.0.1, @acme/core@2.0.0 from main and push to origin?');
      term.type('y');
      await term.waitFor('✓ Released @acme/cli@2.0.1, @acme/core@2.0.0 on main.', 30_000);

      // The same run as `shipwright release --package @acme/cli --package @acme/core --bump…`:
      // one commit, one tag per package, one push; web untouched.
      expect(await repo.git('log', '-1', '--format=%s')).toBe('chore(release): @acme/cli@2.0.1, @acme/core@2.0.0');
      expect((await remote.git('tag', '--points-at', 'main')).split('\n').sort()).toEqual([
        '@acme/cli@2.0.1',
        '@acme/core@2.0.0',
      ]);
      expect(JSON.parse(await repo.git('show', 'HEAD:packages/cli/package.json'))).toMatchObject({
        version: '2.0.1',
        dependencies: { '@acme/core': '2.0.0' },
      });
      expect(await repo.git('diff', '--name-only', 'HEAD~1', 'HEAD', '--', 'packages/web')).toBe('');
      expect(await repo.git('status', '--porcelain')).toBe('');
      term.press('Enter');
      await term.waitFor('Release (wizard)');
      term.type('q');
      await term.waitFor(PROMPT);
    }, 90_000);
  },
);
