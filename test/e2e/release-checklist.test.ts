// The release checklist in a real terminal (tmux) with the built CLI: the wizard's rows (commands
// that run first, each confirmation asked by name, the steps live with ✓ / ✗ and the output's last
// lines), and the plain command asking on the terminal, where a no stops with nothing written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { CLI, useReleaseTerminal } from './support/release-terminal.js';
import { PROMPT } from './support/terminal-env.js';
import { HAS_TMUX } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;

const node = (script: string) => [process.execPath, '-e', script];

suite(
  HAS_TMUX
    ? 'the release checklist in a terminal (tmux)'
    : 'the release checklist in a terminal — skipped: tmux is not installed (apt-get install tmux)',
  () => {
    const openRelease = useReleaseTerminal();

    const open = async (checklist: Record<string, unknown>, command: string) => {
      const { repo, remote, term } = await openRelease({ config: { checklist }, height: 30 });
      term.type(`${CLI} ${command}`);
      term.press('Enter');
      return { repo, remote, term };
    };

    it('the wizard shows the checklist, asks each confirmation, runs the commands as steps and tags the record', async () => {
      const { repo, remote, term } = await open(
        {
          before: [
            { name: 'tests', run: node("console.log('42 passed')") },
            { name: 'migrations tested', confirm: true },
            { name: 'docs updated', confirm: true },
          ],
        },
        'release',
      );
      await term.waitFor(/❯ suggested\s+0\.2\.0/);
      term.press('Enter');
      await term.waitFor('Changelog section for 0.2.0');
      term.press('Enter');
      const asking = await term.waitFor('migrations tested: done? (y yes · n no, stop the release)');
      expect(asking).toContain('Release checklist');
      expect(asking).toMatch(/· tests runs first: .*node -e/);
      expect(asking).toContain('? migrations tested');
      expect(asking).toContain('· docs updated');
      term.type('y');
      const second = await term.waitFor('docs updated: done?');
      expect(second).toContain('✓ migrations tested (confirmed by Ada Lovelace)');
      term.type('y');
      await term.waitFor('Release v0.2.0 from main and push to origin?');
      term.type('y');
      const done = await term.waitFor('✓ Released v0.2.0 on main.', 30_000);
      expect(done).toMatch(/✓ checklist: tests \(/);
      const message = await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.0');
      expect(message).toContain(
        'Checklist: tests ✓, migrations tested ✓ (confirmed by Ada Lovelace), docs updated ✓ (confirmed by Ada Lovelace)',
      );
      expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
      term.press('Enter');
      await term.waitFor(PROMPT);
    });

    it('a failing command is ✗ with the last lines of its output; nothing is tagged', async () => {
      const { repo, term } = await open(
        {
          before: [
            {
              name: 'tests',
              run: node("console.error('FAIL test/api.test.ts > export keeps zeros'); process.exit(1)"),
            },
          ],
        },
        'release',
      );
      await term.waitFor(/❯ suggested\s+0\.2\.0/);
      term.press('Enter');
      await term.waitFor('Changelog section for 0.2.0');
      term.press('Enter');
      await term.waitFor('Release v0.2.0 from main and push to origin?');
      term.type('y');
      const failed = await term.waitFor('✗ The release stopped at step 1 of 7: checklist: tests', 30_000);
      expect(failed).toContain('FAIL test/api.test.ts > export keeps zeros');
      expect(failed).toContain('Nothing had been changed yet.');
      expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('');
      term.press('Enter');
      await term.waitFor(PROMPT);
    });

    it('a confirmation declined in the wizard stops the release: nothing runs, nothing is written', async () => {
      const { repo, remote, term } = await open(
        {
          before: [
            { name: 'tests', run: node("require('node:fs').writeFileSync('ran-tests.txt', 'ran')") },
            { name: 'migrations tested', confirm: true },
          ],
        },
        'release',
      );
      const before = await snapshotRepo(repo);
      const remoteBefore = await remote.git('for-each-ref');
      await term.waitFor(/❯ suggested\s+0\.2\.0/);
      term.press('Enter');
      await term.waitFor('Changelog section for 0.2.0');
      term.press('Enter');
      await term.waitFor('migrations tested: done? (y yes · n no, stop the release)');
      term.type('n');
      await term.waitFor('the checklist item "migrations tested" was not confirmed.');
      const stopped = term.screen({ joined: true });
      expect(stopped).toContain('Nothing was written.');
      expect(stopped).toContain('The release stopped: the checklist item "migrations tested" was not confirmed.');
      expect(stopped).toContain('do it, then release again: shipwright release');
      // The command item never ran (it would have written ran-tests.txt), and no step did.
      expect(existsSync(join(repo.dir, 'ran-tests.txt'))).toBe(false);
      expect(await snapshotRepo(repo)).toEqual(before);
      expect(await remote.git('for-each-ref')).toBe(remoteBefore);
      term.press('Enter');
      await term.waitFor(PROMPT);
    });

    it('the plain command asks on the terminal; a no (or Enter) stops it with exit 1 and nothing written', async () => {
      const { repo, term } = await open(
        { before: [{ name: 'migrations tested', confirm: true }] },
        'release --no-push; echo "exit=$?"',
      );
      const before = await snapshotRepo(repo);
      await term.waitFor('Release checklist (recorded in the tag as confirmed by Ada Lovelace):');
      await term.waitFor('migrations tested: done? [y/N]');
      term.press('Enter');
      await term.waitFor('exit=1');
      const stopped = term.screen({ joined: true });
      expect(stopped).toContain(
        'The release stopped: the checklist item "migrations tested" was not confirmed. Nothing was written.',
      );
      expect(stopped).toContain('fix: do it, then release again (shipwright release --no-push)');
      expect(await snapshotRepo(repo)).toEqual(before);
    });
  },
);
