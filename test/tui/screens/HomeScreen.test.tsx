// Home: environments, unreleased work, the next version, hook status, and the menu.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { HomeScreen } from '../../../src/tui/screens/HomeScreen.js';
import { aStatusReport, fakeServices } from '../support/fake-services.js';
import { aPausedBackport, anInterruptedRelease } from '../support/pending-data.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';
import { assertHasCommits } from '../../../src/git/read-repo.js';

afterEach(cleanup);

function renderHome(world: Parameters<typeof fakeServices>[0] = {}) {
  const { services } = fakeServices(world);
  const open = vi.fn();
  const quit = vi.fn();
  return { ...renderScreen(<HomeScreen services={services} open={open} quit={quit} />), open, quit };
}

describe('HomeScreen', () => {
  it('shows the environments, the unreleased work and the next version', async () => {
    const { frame } = renderHome();
    await waitFor(() => expect(frame()).toContain('Next version: 1.3.0'));
    expect(frame()).toContain('shipwright · /work/taskboard · on dev');
    expect(frame()).toMatch(/production\s+v1\.2\.0\s+2024-03-25/);
    expect(frame()).toMatch(/staging\s+main\s+2 ahead of production/);
    expect(frame()).toMatch(/dev\s+dev\s+12 ahead of staging/);
    expect(frame()).toContain('Unreleased since v1.2.0: 3 commits');
    expect(frame()).toContain('2 features · 1 fix');
    expect(frame()).toContain('minor bump from v1.2.0');
    expect(frame()).toContain('⚠ fixes on main missing from dev (1)');
  });

  it('counts one unreleased commit as "1 commit"', async () => {
    const one = aStatusReport();
    const { frame } = renderHome({ status: { ...one, unreleased: { ...one.unreleased, total: 1 } } });
    await waitFor(() => expect(frame()).toContain('Unreleased since v1.2.0: 1 commit\n'));
  });

  it('says when nothing is released yet and nothing would be', async () => {
    const report = aStatusReport({
      environments: [{ name: 'production', ref: null }],
      lastTag: null,
      missingFixes: [],
    });
    const { frame } = renderHome({ status: report });
    await waitFor(() => expect(frame()).toContain('no release tag yet'));
    expect(frame()).not.toContain('missing from');
  });

  it('on a repository without commits says how to make the first one, not an error', async () => {
    const state = { root: '/r', gitDir: '/r/.git', commonDir: '/r/.git', branch: 'main', head: null, shallow: false };
    const statusError = (() => {
      try {
        assertHasCommits(state);
      } catch (error) {
        return error as Error;
      }
      throw new Error('assertHasCommits accepted a repository without commits');
    })();
    const { frame, open, stdin } = renderHome({ statusError });
    await waitFor(() => expect(frame()).toContain('No commits yet: there is nothing to version or release'));
    expect(frame()).toContain('Start here: press c to write the first commit (a stages every file there),');
    expect(frame()).toContain('or run: git add -A && git commit -m "chore: initial commit"');
    expect(frame()).not.toContain('✗');
    stdin.write('c');
    await waitFor(() => expect(open).toHaveBeenCalledWith('commit'));
  });

  it('says which branch it describes when production is ahead of it, and how to catch up', async () => {
    const { frame } = renderHome({ status: aStatusReport({ productionAhead: { ref: 'main', commits: 2 } }) });
    await waitFor(() => expect(frame()).toContain('Next version: 1.3.0'));
    expect(frame().replace(/\s+/g, ' ')).toContain(
      '⚠ this describes dev; production (main) is 2 commits ahead of it · bring them in: git merge main',
    );
  });

  it('says nothing of production when the branch has all of it', async () => {
    const { frame } = renderHome();
    await waitFor(() => expect(frame()).toContain('Next version: 1.3.0'));
    expect(frame()).not.toContain('this describes');
  });

  it('says the hooks are installed only when doctor finds nothing wrong', async () => {
    const { frame } = renderHome({ hooks: { problems: [], warnings: [] } });
    await waitFor(() => expect(frame()).toContain('✓ hooks installed · doctor: all good'));
  });

  it("shows doctor's problems: how many, the first with its fix, and where the rest are", async () => {
    const problems = [
      {
        summary: '.husky/_/pre-commit is missing or not executable, so git skips the pre-commit hook',
        fix: 'rm -rf .husky/_ && npx husky',
      },
      { summary: 'node_modules/.bin/shipwright is missing, so the hooks cannot run', fix: 'npm install' },
    ];
    const { frame } = renderHome({ hooks: { problems, warnings: [{ summary: 'package.json says 1.1.0' }] } });
    await waitFor(() =>
      expect(frame()).toContain('✗ doctor: 2 problems, 1 warning · .husky/_/pre-commit is missing or not executable'),
    );
    expect(frame()).toContain('  fix: rm -rf .husky/_ && npx husky · shipwright doctor lists them all');
    expect(frame()).not.toContain('hooks installed');
  });

  it('shows a warning alone with ⚠', async () => {
    const { frame } = renderHome({
      hooks: {
        problems: [],
        warnings: [{ summary: '2 tags not of the form vX.Y.Z: latest, old', fix: 'they are ignored for versions' }],
      },
    });
    await waitFor(() => expect(frame()).toContain('⚠ doctor: 1 warning · 2 tags not of the form vX.Y.Z: latest, old'));
    expect(frame()).toContain('shipwright doctor lists it');
  });

  it('shows a failed read instead of spinning forever', async () => {
    const { services } = fakeServices();
    services.readStatus = async () => {
      throw new Error('This is a shallow clone');
    };
    const { frame } = renderScreen(<HomeScreen services={services} open={vi.fn()} quit={vi.fn()} />);
    await waitFor(() => expect(frame()).toContain('✗ This is a shallow clone'));
  });

  it('opens the menu entry under the cursor, and each entry by its letter', async () => {
    const { frame, stdin, open } = renderHome();
    await waitFor(() => expect(frame()).toContain('❯ Start a branch (b)'));
    stdin.write('j');
    await waitFor(() => expect(frame()).toContain('❯ Commit (composer) (c)'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(open).toHaveBeenCalledWith('commit'));
  });

  it.each([
    ['b', 'branch'],
    ['c', 'commit'],
    ['l', 'changelog'],
    ['R', 'release'],
  ])('%s opens %s', async (letter, target) => {
    const { frame, stdin, open } = renderHome();
    await waitFor(() => expect(frame()).toContain('Start a branch'));
    stdin.write(letter);
    await waitFor(() => expect(open).toHaveBeenCalledWith(target));
  });

  it('reads a fast "jj⏎" as two moves and Enter, and nothing after leaving', async () => {
    const { frame, stdin, open, quit } = renderHome();
    await waitFor(() => expect(frame()).toContain('Start a branch'));
    stdin.write('jj\rq');
    await waitFor(() => expect(open).toHaveBeenCalledWith('changelog'));
    expect(open).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();
  });

  it('quits with q', async () => {
    const { frame, stdin, quit } = renderHome();
    await waitFor(() => expect(frame()).toContain('q/esc quit'));
    stdin.write('q');
    await waitFor(() => expect(quit).toHaveBeenCalled());
  });

  it('lists the release wizard with its key (Shift-R: r refreshes)', async () => {
    const { frame } = renderHome();
    await waitFor(() => expect(frame()).toContain('  Release (wizard) (R)'));
  });

  it('draws the help bar from its keymap', async () => {
    const { frame } = renderHome();
    await waitFor(() =>
      expect(frame()).toContain('↑↓/kj move · ⏎ open · b/c/l/R/h/p screens · r refresh · q/esc quit · ? help'),
    );
  });
});

describe('HomeScreen with a run waiting', () => {
  it('shows what is paused, at which step, on which files, with its keys, and offers to open it', async () => {
    const { frame, stdin, open } = renderHome({ pending: aPausedBackport() });
    await waitFor(() =>
      expect(frame()).toContain('‖ Backport 1 commit paused on a conflict at step 2 of 4: pick d4d1b6d'),
    );
    expect(frame()).toContain('conflicts in src/export.js · o open · u continue · s skip dev · x abort');
    expect(frame()).toContain('❯ Open the paused run: Backport 1 commit (o)');
    stdin.write(KEY.enter);
    await waitFor(() => expect(open).toHaveBeenCalledWith('paused'));
  });

  it.each([
    ['u', 'continue'],
    ['s', 'skip'],
    ['x', 'abort'],
  ])('%s opens the run with %s chosen', async (key, choice) => {
    const { frame, stdin, open } = renderHome({ pending: aPausedBackport() });
    await waitFor(() => expect(frame()).toContain('‖ Backport 1 commit'));
    stdin.write(key);
    await waitFor(() => expect(open).toHaveBeenCalledWith('paused', choice));
  });

  it('offers no skip for an interrupted run, which has no branch to leave for later', async () => {
    const { frame, stdin, open } = renderHome({ pending: anInterruptedRelease() });
    await waitFor(() =>
      expect(frame()).toContain('‖ Release v1.3.0 interrupted at step 2 of 3: commit chore(release): v1.3.0'),
    );
    expect(frame()).toContain('o open · u continue · x abort');
    stdin.write('s');
    stdin.write('o');
    await waitFor(() => expect(open).toHaveBeenCalledWith('paused'));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('warns before quitting with a run paused; q again quits, another key stays', async () => {
    const { frame, stdin, quit } = renderHome({ pending: aPausedBackport() });
    await waitFor(() => expect(frame()).toContain('‖ Backport 1 commit'));
    stdin.write('q');
    await waitFor(() =>
      expect(frame()).toContain(
        '⚠ q again quits and leaves it paused (later: shipwright continue, or shipwright abort)',
      ),
    );
    expect(quit).not.toHaveBeenCalled();
    stdin.write('j');
    await waitFor(() => expect(frame()).not.toContain('q again quits'));
    stdin.write('q');
    await waitFor(() => expect(frame()).toContain('q again quits'));
    stdin.write('q');
    await waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
  });

  it('shows a run another shipwright is running, without keys to take it over', async () => {
    const { frame, stdin, quit } = renderHome({ pending: aPausedBackport({ pause: null, running: true }) });
    await waitFor(() =>
      expect(frame()).toContain(
        '⟳ `shipwright backport d4d1b6d --to dev --yes` is running in another shipwright (step 2 of 4',
      ),
    );
    expect(frame()).not.toContain('Open the paused');
    stdin.write('q');
    await waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
  });
});
