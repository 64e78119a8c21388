// The release wizard on screen, against fake services: the checklist filling in, choosing a
// version (minor, a refused and an accepted custom one), the run's steps and each ending.
import type { ErrorReport } from '../../../src/app/screen-services.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Plan } from '../../../src/core/plan/plan.js';
import type { EngineEvent } from '../../../src/engine/run-steps.js';
import { ReleaseScreen } from '../../../src/tui/screens/ReleaseScreen.js';
import { allDone, manualGate } from '../support/fake-release-services.js';
import { fakeServices, type World } from '../support/fake-services.js';
import {
  anOutlook,
  aReleaseFinish,
  aReleaseStart,
  aTrunkRelease,
  PACKAGE_ROWS,
  PASSED_CHECKS,
  versionFor,
} from '../support/release-data.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

/** The suggested version, then past the changelog section: the plan and its confirmation show next. */
async function acceptSuggestion(frame: () => string, stdin: { write: (data: string) => void }): Promise<void> {
  await waitFor(() => expect(frame()).toContain('❯ suggested'));
  stdin.write('\r');
  await waitFor(() => expect(frame()).toContain('Changelog section'));
  stdin.write('\r');
}

function renderWizard(release: World['release'] = {}) {
  const { services, calls } = fakeServices({ release });
  const back = vi.fn();
  const openPaused = vi.fn();
  return {
    ...renderScreen(<ReleaseScreen services={services} back={back} openPaused={openPaused} />),
    calls: calls.release,
    plans: calls.plans,
    back,
    openPaused,
  };
}

/** Up to the push, then the remote refuses it and the engine puts everything back. */
function rejectedPush(plan: Plan): {
  events: EngineEvent[];
  result: { ok: false; error: ErrorReport; output: string };
} {
  const last = plan.steps.length - 1;
  const push = plan.steps[last]!;
  return {
    events: [
      ...allDone(plan).slice(0, -2),
      { type: 'step-started', index: last, step: push },
      { type: 'step-failed', index: last, step: push, error: 'origin rejected the push: pushes are frozen' },
      {
        type: 'rolled-back',
        restored: ['tag v1.5.0', 'the commit', 'staging of 2 files', 'CHANGELOG.md', 'package.json'],
        failures: [],
      },
    ],
    result: {
      ok: false as const,
      error: {
        code: 'push-rejected' as const,
        message: 'Step 6 (push) failed: origin rejected the push',
        fix: 'ask for push rights on origin, then run shipwright release again',
      },
      output: '',
    },
  };
}

describe('ReleaseScreen', () => {
  it('fills in the preflight checklist as the checks report, then offers the suggestion', async () => {
    const { gate, open } = manualGate();
    const { frame } = renderWizard({ gate });
    await waitFor(() => expect(frame()).toContain('checking the repository…'));
    await waitFor(() => expect(frame()).toContain('shipwright · Trunk release on main · preflight'));
    open();
    await waitFor(() => expect(frame()).toContain('✓ no interrupted shipwright run'));
    expect(frame()).not.toContain('on a branch');
    open(4);
    await waitFor(() => expect(frame()).toContain('✓ the trunk branch model allows this here · trunk · main'));
    expect(frame()).toContain('checking…');
    open(4);
    await waitFor(() => expect(frame()).toContain('❯ suggested        1.5.0'));
    expect(frame()).toContain('✓ preflight: 8 checks passed');
    expect(frame()).toContain('decided by 2 commits:');
    expect(frame()).toContain('  feat(api): add an export endpoint');
    expect(frame()).toMatch(/major\s+2\.0\.0/);
    expect(frame()).toMatch(/prerelease \(rc\)\s+1\.5\.0-rc\.0/);
  });

  it('releases minor: review, confirm, the steps, and the summary with the tag and what was pushed', async () => {
    const { frame, stdin, calls } = renderWizard();
    await waitFor(() => expect(frame()).toContain('❯ suggested'));
    stdin.write('jj');
    await waitFor(() => expect(frame()).toMatch(/❯ minor\s+1\.5\.0/));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Changelog section for 1.5.0'));
    expect(calls.choices).toEqual([{ kind: 'suggested' }, { kind: 'bump', bump: 'minor' }]);
    expect(frame()).toContain('Plan: Release v1.5.0 (6 steps)');
    expect(frame()).toContain('⏎ continue · ↑↓/kj scroll · pgup/pgdn/space page · esc back · q close');
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Release v1.5.0 from main and push to origin?'));
    expect(calls.runs).toEqual([]);
    stdin.write('y');
    await waitFor(() => expect(frame()).toContain('✓ Released v1.5.0 on main.'));
    expect(calls.runs).toHaveLength(1);
    expect(frame()).toContain('✓ push main and v1.5.0 to origin (atomic: both or neither)');
    expect(frame()).toContain('tag     v1.5.0');
    expect(frame()).toContain('pushed  main, v1.5.0 → origin');
  });

  it('shows each step waiting, running and done as the engine reports it', async () => {
    const { gate, open } = manualGate();
    const { frame, stdin } = renderWizard({ runGate: gate });
    await acceptSuggestion(frame, stdin);
    await waitFor(() => expect(frame()).toContain('Release v1.5.0 from main'));
    stdin.write('y');
    await waitFor(() => expect(frame()).toContain('· set version 1.5.0 in package.json'));
    open(3);
    await waitFor(() => expect(frame()).toContain('✓ set version 1.5.0 in package.json'));
    expect(frame()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] update CHANGELOG\.md with 1\.5\.0/);
    expect(frame()).toContain('· push main and v1.5.0 to origin');
    expect(frame()).toContain('shipwright · Trunk release on main · releasing');
  });

  it('stops the run on Ctrl-C and says what happens next', async () => {
    const { gate, open } = manualGate();
    const { frame, stdin, calls } = renderWizard({ runGate: gate });
    await acceptSuggestion(frame, stdin);
    await waitFor(() => expect(frame()).toContain('push to origin?'));
    stdin.write('y');
    await waitFor(() => expect(frame()).toContain('ctrl+c stop and put everything back'));
    open();
    stdin.write('\u0003');
    await waitFor(() =>
      expect(frame()).toContain('Stopping: the step in progress finishes, then everything done so far is put back…'),
    );
    await waitFor(() => expect(calls.stops).toBe(1));
  });

  it('refuses a custom version that is not above the current release, and releases a valid one', async () => {
    const { frame, stdin, calls, settled } = renderWizard();
    await waitFor(() => expect(frame()).toContain('❯ suggested'));
    stdin.write('k');
    await waitFor(() => expect(frame()).toContain('❯ custom'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Version:'));
    stdin.write('1.4.0');
    await waitFor(() =>
      expect(frame()).toContain('✗ 1.4.0 is not above the current release 1.4.2: type a higher version, e.g. 1.5.0'),
    );
    stdin.write(KEY.enter);
    await settled();
    expect(frame()).toContain('shipwright · Trunk release on main · custom version');
    expect(calls.choices).toEqual([{ kind: 'suggested' }]);
    stdin.write(`${KEY.backspace.repeat(5)}2.0.0-beta.1`);
    await waitFor(() => expect(frame()).toContain('✓ 2.0.0-beta.1'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Changelog section for 2.0.0-beta.1'));
    expect(calls.choices.at(-1)).toEqual({ kind: 'custom', version: '2.0.0-beta.1' });
  });

  it('shows a failed run with the failing step, what was put back and the fix', async () => {
    const { frame, stdin } = renderWizard({ run: rejectedPush });
    await acceptSuggestion(frame, stdin);
    await waitFor(() => expect(frame()).toContain('push to origin?'));
    stdin.write('y');
    await waitFor(() =>
      expect(frame()).toContain('✗ The release stopped at step 6 of 6: push main and v1.5.0 to origin'),
    );
    expect(frame()).toContain('origin rejected the push: pushes are frozen');
    expect(frame()).toContain(
      'Put back as it was: tag v1.5.0, the commit, staging of 2 files, CHANGELOG.md, package.json.',
    );
    expect(frame()).toContain('→ ask for push rights on origin, then run shipwright release again');
    expect(frame()).toContain('shipwright · Trunk release on main · failed');
  });

  it('shows a conflict pause with the files, its keys and the commands that go on (gitflow finish)', async () => {
    const release = aReleaseFinish('1.4.0');
    const merge = release.plan.steps.findIndex((step) => step.kind === 'merge' && step.into === 'dev');
    const step = release.plan.steps[merge]!;
    const { frame, stdin, back, openPaused } = renderWizard({
      outlook: anOutlook({ flow: 'finish', branch: 'release/1.4.0', options: [] }),
      prepare: () => ({ ok: true, release }),
      run: (plan) => ({
        events: [
          ...allDone(plan).slice(0, merge * 2),
          { type: 'step-started', index: merge, step },
          {
            type: 'paused',
            index: merge,
            step,
            files: ['package.json', 'CHANGELOG.md'],
            target: 'dev',
            directory: '/work/app',
          },
        ],
        result: {
          ok: false,
          error: { code: 'conflict', message: 'stopped on conflicts', fix: 'shipwright continue' },
          output: '',
        },
      }),
    });
    await waitFor(() => expect(frame()).toContain('Changelog section for 1.4.0'));
    expect(frame()).toContain('shipwright · Gitflow: finish release/1.4.0 · review');
    stdin.write('\r');
    await waitFor(() => expect(frame()).toContain('Finish release/1.4.0: merge it, tag v1.4.0 and push to origin?'));
    stdin.write('y');
    await waitFor(() =>
      expect(frame()).toContain(
        `‖ Paused at step ${merge + 1} of ${release.plan.steps.length}: merge main back into dev (--no-ff): conflicts in`,
      ),
    );
    expect(frame()).toContain('    package.json');
    expect(frame()).toContain('    CHANGELOG.md');
    expect(frame()).toContain('  in /work/app');
    expect(frame()).toMatch(/ {2}c {2}continue\s+shipwright continue\n/);
    expect(frame()).toMatch(/ {2}s {2}leave dev for later\s+shipwright continue --skip/);
    expect(frame()).toMatch(/ {2}a {2}abort: put every branch, tag and file back\s+shipwright abort/);
    expect(frame()).toContain('c continue (resolved) · s skip this branch · a abort all');
    // c takes the run to the resume screen (its conflict view), as home's paused-run line does.
    stdin.write('c');
    await waitFor(() => expect(openPaused).toHaveBeenCalledWith('continue'));
    expect(back).not.toHaveBeenCalled();
  });

  it('stops on a refused preflight with the failed check, the reason and the fix', async () => {
    const dirty = {
      code: 'dirty-tree',
      message: 'The working tree is not clean (?? stray.txt): a release commits only its own changes.',
      fix: 'commit or stash your changes first: git stash push --include-untracked',
    } as const;
    const { frame } = renderWizard({
      checks: [
        ...PASSED_CHECKS.slice(0, 3),
        {
          id: 'clean-tree',
          label: 'working tree clean (untracked files included)',
          status: 'failed',
          detail: dirty.message,
        },
      ],
      prepare: () => ({ ok: false, error: dirty }),
    });
    await waitFor(() => expect(frame()).toContain('✗ The working tree is not clean (?? stray.txt)'));
    expect(frame()).toContain('✗ working tree clean (untracked files included)');
    expect(frame()).toContain('→ commit or stash your changes first: git stash push --include-untracked');
    expect(frame()).toContain('r check again · q/esc close');
  });

  it('on the wrong branch, s switches to the production branch through a plan and checks again', async () => {
    const wrong = {
      code: 'wrong-branch',
      message: 'Releases are made on main, and this is feature/login.',
      fix: 'git switch main   (then run the release again)',
    } as const;
    let attempts = 0;
    const { frame, stdin, plans, calls } = renderWizard({
      outlook: anOutlook({ flow: 'trunk', branch: 'feature/login', production: 'main' }),
      prepare: (choice) => {
        attempts += 1;
        return attempts === 1 ? { ok: false, error: wrong } : { ok: true, release: aTrunkRelease(versionFor(choice)) };
      },
    });
    await waitFor(() => expect(frame()).toContain('✗ Releases are made on main, and this is feature/login.'));
    expect(frame()).toContain('s switches to main here and checks again.');
    expect(frame()).toContain('s switch to main, check again · r check again · q/esc close');
    stdin.write('s');
    await waitFor(() => expect(attempts).toBe(2));
    expect(plans).toEqual([
      { title: 'Switch to main', steps: [{ kind: 'switch', branch: 'main', description: 'switch to main' }] },
    ]);
    // Checked again on main: the version menu follows.
    await waitFor(() => expect(frame()).toContain('Suggested 1.5.0'));
    expect(frame()).not.toContain('Releases are made on main');
    expect(calls.choices).toEqual([{ kind: 'suggested' }, { kind: 'suggested' }]);
  });

  it('a start refused because its release branch exists offers s: switch to it and finish it there', async () => {
    const started = {
      code: 'release-started',
      message: 'The release branch release/1.5.0 already exists: that release is already started.',
      fix: 'finish it: git switch release/1.5.0 && shipwright release finish',
    } as const;
    let attempts = 0;
    const { frame, stdin, plans } = renderWizard({
      outlook: anOutlook({ flow: 'start', branch: 'dev' }),
      prepare: () => {
        attempts += 1;
        return attempts === 1 ? { ok: false, error: started } : { ok: true, release: aReleaseFinish('1.5.0') };
      },
    });
    await waitFor(() => expect(frame()).toContain('✗ The release branch release/1.5.0 already exists'));
    expect(frame()).toContain('s switches to release/1.5.0 here and finishes the release there.');
    expect(frame()).toContain('s switch to release/1.5.0, finish it');
    stdin.write('s');
    await waitFor(() => expect(frame()).toContain('Changelog section for 1.5.0'));
    expect(plans).toEqual([
      {
        title: 'Switch to release/1.5.0',
        steps: [{ kind: 'switch', branch: 'release/1.5.0', description: 'switch to release/1.5.0' }],
      },
    ]);
    expect(frame()).toContain('Gitflow: finish release/1.5.0');
  });

  it('offers no switch for a refusal that a switch does not fix', async () => {
    const dirty = { code: 'dirty-tree', message: 'The working tree is not clean.', fix: 'git stash' } as const;
    const { frame } = renderWizard({
      outlook: anOutlook({ flow: 'trunk', branch: 'feature/login', production: 'main' }),
      prepare: () => ({ ok: false, error: dirty }),
    });
    await waitFor(() => expect(frame()).toContain('✗ The working tree is not clean.'));
    expect(frame()).toContain('r check again · q/esc close');
    expect(frame()).not.toContain('switch to main');
  });

  it('says when nothing asks for a release and offers the bumps', async () => {
    const outlook = anOutlook({
      options: anOutlook().options.map((option) =>
        option.choice.kind === 'suggested' || option.choice.kind === 'prerelease'
          ? { ...option, version: null }
          : option,
      ),
    });
    const { frame } = renderWizard({
      outlook,
      prepare: (choice) =>
        choice.kind === 'suggested'
          ? {
              ok: false,
              error: {
                code: 'nothing-to-release',
                message: 'Nothing to release since v1.4.2: no commit is a fix, a feature or a breaking change.',
              },
            }
          : { ok: true, release: aReleaseStart('1.4.3') },
    });
    await waitFor(() => expect(frame()).toContain('⚠ Nothing to release since v1.4.2'));
    expect(frame()).toMatch(/❯ patch\s+1\.4\.3/);
    expect(frame()).toMatch(/suggested\s+— no release/);
  });

  it('names the gitflow start and its release branch in the header', async () => {
    const { frame } = renderWizard({
      outlook: anOutlook({ flow: 'start', branch: 'dev' }),
      prepare: () => ({ ok: true, release: aReleaseStart('1.5.0') }),
    });
    await waitFor(() => expect(frame()).toContain('shipwright · Gitflow: start release/1.5.0 from dev · version'));
  });

  it('fits 24 rows: the review scrolls and says what is below', async () => {
    const { frame, stdin } = renderWizard({
      outlook: anOutlook({ flow: 'finish', branch: 'release/1.4.0', options: [] }),
      prepare: () => ({ ok: true, release: aReleaseFinish('1.4.0') }),
    });
    await waitFor(() => expect(frame()).toContain('Changelog section for 1.4.0'));
    expect(frame().split('\n').length).toBeLessThanOrEqual(23);
    expect(frame()).toMatch(/↓ \d+ more lines \(j \/ pgdn\)/);
    expect(frame()).toMatch(/review · lines 1–18 of \d+/);
    stdin.write(' ');
    await waitFor(() => expect(frame()).toContain('— end (k / pgup scrolls back) —'));
    expect(frame()).toContain('delete the merged branch release/1.4.0');
  });
});

describe('ReleaseScreen in a monorepo', () => {
  it('opens on the package list; the packages and bumps chosen are what it prepares, reviews and runs', async () => {
    const { frame, stdin, calls } = renderWizard({ packageRows: PACKAGE_ROWS });
    await waitFor(() => expect(frame()).toContain('Packages: 3 of 3 to release'));
    expect(frame()).toContain('Release packages on main');
    // A workspace of one's preflight never ran: the list comes first.
    expect(calls.choices).toEqual([]);
    stdin.write(KEY.down);
    await waitFor(() => expect(frame()).toContain('Why @acme/core:'));
    expect(frame()).toContain('  feat(core): a parser');
    stdin.write('b');
    await waitFor(() => expect(frame()).toContain('@acme/core  1.0.0 → patch (chosen)'));
    stdin.write(KEY.down);
    stdin.write(' ');
    await waitFor(() => expect(frame()).toContain('Packages: 2 of 3 to release'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Changelog sections of 2 packages'));
    expect(calls.packageChoices).toEqual([{ packages: ['@acme/cli', '@acme/core'], bumps: { '@acme/core': 'patch' } }]);
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Release @acme/cli@2.0.1, @acme/core@1.1.0 from main'));
    stdin.write('y');
    await waitFor(() => expect(frame()).toContain('✓ Released @acme/cli@2.0.1, @acme/core@1.1.0 on main.'));
    expect(calls.runs).toHaveLength(1);
    expect(calls.runs[0]?.steps.filter((step) => step.kind === 'tag').map((step) => step.description)).toEqual([
      'create annotated tag @acme/cli@2.0.1',
      'create annotated tag @acme/core@1.1.0',
    ]);
  });
});
