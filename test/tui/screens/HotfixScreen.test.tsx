// The hotfix wizard against fake services: start from a release with a checked name, finish with a
// branch left for later and no push, and a conflict while bringing the fix to a branch.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HotfixScreen } from '../../../src/tui/screens/HotfixScreen.js';
import { fakeServices } from '../support/fake-services.js';
import { fakeHotfixBackportServices, type HotfixBackportWorld } from '../support/fake-hotfix-backport-services.js';
import { anOutlook, CONFLICT_ERROR, doneEvents, pausedAt } from '../support/fix-data.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

function renderHotfix(world: HotfixBackportWorld = {}) {
  const fix = fakeHotfixBackportServices(world);
  const services = { ...fakeServices().services, ...fix.services };
  const back = vi.fn();
  return { ...renderScreen(<HotfixScreen services={services} back={back} />), calls: fix.calls, back };
}

const onHotfix: HotfixBackportWorld = {
  outlook: { ok: true, value: anOutlook({ branch: 'hotfix/1.2.1', onHotfix: true }) },
};

describe('HotfixScreen: start', () => {
  it('offers the releases, production first, with the branch each would make', async () => {
    const { frame } = renderHotfix();
    await waitFor(() => expect(frame()).toContain('Which release needs the fix?'));
    expect(frame()).toContain('shipwright · Hotfix · start · production v1.2.0');
    expect(frame()).toMatch(/❯ v1\.2\.0\s+→ hotfix\/1\.2\.1\s+\(production\)/);
    expect(frame()).toMatch(/ {2}v1\.1\.0\s+→ hotfix\/1\.1\.1\s+\(an older line: a maintenance release\)/);
  });

  it('refuses a name the CLI would refuse, live, and starts with a good one', async () => {
    const { frame, stdin, calls, settled } = renderHotfix();
    await waitFor(() => expect(frame()).toContain('❯ v1.2.0'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Name (optional):'));
    stdin.write('Login crash');
    await waitFor(() =>
      expect(frame()).toContain(
        "✗ A hotfix name is lower-case words joined by '-' (e.g. login-crash), at most 64 characters.",
      ),
    );
    stdin.write(KEY.enter);
    await settled();
    expect(calls.startRequests).toEqual([]);
    stdin.write(KEY.ctrlU);
    stdin.write('login-crash');
    await waitFor(() => expect(frame()).toContain('Branch: hotfix/1.2.1-login-crash'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Create hotfix/1.2.1-login-crash and switch to it?'));
    expect(calls.startRequests).toEqual([{ name: 'login-crash' }]);
    expect(frame()).toContain('1. create hotfix/1.2.1-login-crash from v1.2.0');
    stdin.write('y');
    await waitFor(() => expect(frame()).toContain('✓ On hotfix/1.2.1-login-crash (from v1.2.0).'));
    expect(frame()).toContain('Commit the fix here (c on the home screen), then open Hotfix again (h) to finish it.');
    expect(calls.runs).toHaveLength(1);
  });

  it('passes --from for an older release', async () => {
    const { frame, stdin, calls } = renderHotfix();
    await waitFor(() => expect(frame()).toContain('❯ v1.2.0'));
    stdin.write('j');
    await waitFor(() => expect(frame()).toContain('❯ v1.1.0'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Branch: hotfix/1.1.1'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Create hotfix/1.1.1 and switch to it?'));
    expect(calls.startRequests).toEqual([{ from: 'v1.1.0' }]);
  });

  it('shows a refusal with its fix', async () => {
    const error = {
      code: 'hotfix-open',
      message: 'A hotfix is already open: hotfix/1.2.1. Finish it before starting another.',
      fix: 'git switch hotfix/1.2.1 && shipwright hotfix finish',
    } as const;
    const { frame, stdin } = renderHotfix({ prepareStart: () => ({ ok: false, error }) });
    await waitFor(() => expect(frame()).toContain('❯ v1.2.0'));
    stdin.write('\r\r');
    await waitFor(() => expect(frame()).toContain('✗ A hotfix is already open: hotfix/1.2.1.'));
    expect(frame()).toContain('→ git switch hotfix/1.2.1 && shipwright hotfix finish');
  });
});

describe('HotfixScreen: finish', () => {
  it('reviews the version, the targets, the push and the changelog section', async () => {
    const { frame } = renderHotfix(onHotfix);
    await waitFor(() => expect(frame()).toContain('The fix also goes to:'));
    expect(frame()).toContain('shipwright · Hotfix · finish · hotfix/1.2.1');
    expect(frame()).toContain('Release v1.2.1 from hotfix/1.2.1: v1.2.1 becomes the newest release (production)');
    expect(frame()).toContain('Push when done: yes, to origin (p)');
    expect(frame()).toContain('❯ [x] dev');
    expect(frame()).toContain('  [x] release/1.3.0');
    expect(frame()).toContain('### Bug Fixes');
    expect(frame()).toContain('* **export:** keep leading zeros in CSV cells');
  });

  it('leaves a branch for later and does not push, then plans and runs with those choices', async () => {
    const { frame, stdin, calls } = renderHotfix(onHotfix);
    await waitFor(() => expect(frame()).toContain('❯ [x] dev'));
    stdin.write('j');
    await waitFor(() => expect(frame()).toContain('❯ [x] release/1.3.0'));
    stdin.write(' ');
    await waitFor(() => expect(frame()).toContain('❯ [ ] release/1.3.0 left for later'));
    stdin.write('p');
    await waitFor(() => expect(frame()).toContain('Push when done: no, local only'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Release v1.2.1 locally?'));
    expect(calls.finishChoices).toEqual([
      { skip: [], push: true },
      { skip: ['release/1.3.0'], push: false },
    ]);
    expect(frame()).not.toContain('into release/1.3.0');
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('✓ Released v1.2.1 locally (not pushed).'));
    expect(frame()).toContain('The fix is on: dev.');
    expect(frame()).toContain('Left for later: release/1.3.0');
  });

  it('stops on a conflict bringing the fix to a branch; skip leaves it for later and says how to bring it', async () => {
    const skipped = { target: 'dev', command: 'git switch dev && git merge --no-ff hotfix/1.2.1' };
    const { frame, stdin, calls } = renderHotfix({
      ...onHotfix,
      run: (plan) => ({
        events: [
          ...doneEvents(plan, 4),
          ...pausedAt(plan, 4, ['src/export.js', 'CHANGELOG.md'], 'dev', '/work/taskboard'),
        ],
        result: { ok: false, error: CONFLICT_ERROR, output: '' },
      }),
      continues: [{ events: [], result: { ok: true, output: '', skipped: [skipped] } }],
    });
    await waitFor(() => expect(frame()).toContain('❯ [x] dev'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Release v1.2.1 and push?'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Hotfix · finish · conflict · on dev'));
    expect(frame()).toContain('‖ merge hotfix/1.2.1 into dev\n  stopped on conflicts in:');
    expect(frame()).toContain('    CHANGELOG.md');
    expect(frame()).toContain('Resolve them in the repository:\n  /work/taskboard');
    stdin.write('s');
    await waitFor(() => expect(frame()).toContain('✓ Released v1.2.1, pushed to origin.'));
    expect(frame()).toMatch(
      /Left for later at its conflict: dev\. Bring the fix there with: git switch dev && git merge --no-ff\s+hotfix\/1\.2\.1/,
    );
    expect(calls.continues).toEqual([{ skip: true }]);
  });

  it('shows a failed run with what the engine put back', async () => {
    const error = {
      code: 'step-failed',
      message: 'Step 3 (merge hotfix/1.2.1 into main) failed: the pre-commit hook said no\nRestored: main, v1.2.1.',
      fix: 'fix the cause above and run it again',
    } as const;
    const { frame, stdin } = renderHotfix({
      ...onHotfix,
      run: (plan) => ({
        events: [
          ...doneEvents(plan, 2),
          { type: 'step-failed', index: 2, step: plan.steps[2]!, error: 'the pre-commit hook said no' },
          { type: 'rolled-back', restored: ['main', 'v1.2.1'], failures: [] },
        ],
        result: { ok: false, error, output: '' },
      }),
    });
    await waitFor(() => expect(frame()).toContain('❯ [x] dev'));
    stdin.write('\r');
    await waitFor(() => expect(frame()).toContain('Release v1.2.1 and push?'));
    stdin.write('\r');
    await waitFor(() =>
      expect(frame()).toContain('✗ Step 3 (merge hotfix/1.2.1 into main) failed: the pre-commit hook said no'),
    );
    expect(frame()).toContain('Restored: main, v1.2.1.');
    expect(frame()).toContain('✗ merge hotfix/1.2.1 into main');
    expect(frame()).toContain('→ fix the cause above and run it again');
  });
});
