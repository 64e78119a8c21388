// The backport screen against fake services: the matrix with ✓/·, marking cells with space, enter →
// prepareBackport with the right commits and targets, confirm → the run, and a conflict → the
// conflict screen whose c / s / a call continue, continue --skip and abort.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackportScreen } from '../../../src/tui/screens/BackportScreen.js';
import { fakeServices } from '../support/fake-services.js';
import { fakeHotfixBackportServices, type HotfixBackportWorld } from '../support/fake-hotfix-backport-services.js';
import type { EngineEvent } from '../../../src/engine/run-steps.js';
import {
  aMatrix,
  aPreparedBackport,
  aWideMatrix,
  CONFLICT_ERROR,
  doneEvents,
  FIX_EXPORT,
  FIX_LOGIN,
  pausedAt,
} from '../support/fix-data.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

const RIGHT = '\u001b[C';

function renderBackport(world: HotfixBackportWorld = {}) {
  const fix = fakeHotfixBackportServices(world);
  const services = { ...fakeServices().services, ...fix.services };
  const back = vi.fn();
  return { ...renderScreen(<BackportScreen services={services} back={back} />), calls: fix.calls, back };
}

/** Marks the export fix for dev and presses enter, waiting for the confirm view. */
async function planExportToDev(screen: ReturnType<typeof renderBackport>) {
  await waitFor(() => expect(screen.frame()).toContain('❯ a1a1a1a'));
  screen.stdin.write(' ');
  await waitFor(() => expect(screen.frame()).toContain('1 marked'));
  screen.stdin.write(KEY.enter);
  await waitFor(() => expect(screen.frame()).toContain('Backport? Nothing is pushed'));
}

describe('BackportScreen', () => {
  it('draws the matrix: a row per fix, a column per branch, ✓ where it is and · where it is missing', async () => {
    const { frame } = renderBackport();
    await waitFor(() => expect(frame()).toContain('❯ a1a1a1a fix(export)'));
    expect(frame()).toContain('shipwright · Backport fixes · from main');
    expect(frame()).toMatch(/dev\s+release\/1\.3\.0/);
    expect(frame()).toMatch(/a1a1a1a fix\(export\).*\[·\]\s+·/);
    expect(frame()).toMatch(/b2b2b2b fix\(auth\).*·\s+✓/);
    expect(frame()).toMatch(/c3c3c3c perf\(search\).*✓\s+·/);
    expect(frame()).toContain('on dev: missing — space selects it');
    expect(frame()).toContain('space select · a whole branch · ⏎ backport · / filter · ');
  });

  it('marks cells with space and sends each commit only where it was marked', async () => {
    const screen = renderBackport();
    const { frame, stdin, calls } = screen;
    await waitFor(() => expect(frame()).toContain('❯ a1a1a1a'));
    stdin.write(' ');
    await waitFor(() => expect(frame()).toMatch(/a1a1a1a fix\(export\).*\[●\]/));
    stdin.write('j');
    await waitFor(() => expect(frame()).toContain('❯ b2b2b2b'));
    stdin.write(' ');
    await waitFor(() => expect(frame()).toContain('2 marked'));
    stdin.write(RIGHT);
    await waitFor(() => expect(frame()).toContain('on release/1.3.0: already cherry-picked there'));
    stdin.write(' ');
    await waitFor(() => expect(frame()).toContain('Nothing to pick there: already cherry-picked there.'));
    stdin.write('k');
    await waitFor(() => expect(frame()).toContain('❯ a1a1a1a'));
    stdin.write(' ');
    await waitFor(() => expect(frame()).toContain('3 marked'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Backport? Nothing is pushed'));
    expect(calls.backportRequests).toEqual([
      { commits: [FIX_EXPORT, FIX_LOGIN], targets: ['dev'] },
      { commits: [FIX_EXPORT], targets: ['release/1.3.0'] },
    ]);
    expect(frame()).toContain('Backport 2 commits to dev, release/1.3.0:');
    expect(frame()).toContain('pick a1a1a1a "fix(export): keep leading zeros in CSV cells" onto dev');
  });

  it('runs the confirmed plan and says what was picked where', async () => {
    const screen = renderBackport();
    await planExportToDev(screen);
    screen.stdin.write('y');
    await waitFor(() => expect(screen.frame()).toContain('✓ Backported.'));
    expect(screen.calls.runs).toHaveLength(1);
    expect(screen.frame()).toContain('dev: 1 picked.');
    expect(screen.frame()).toContain('Nothing was pushed; your working tree was not touched.');
    expect(screen.frame()).toContain('Next: push when ready: git push origin dev.');
    expect(screen.frame()).toContain('✓ move dev to the picked commits');
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.calls.matrixReads).toBe(2));
  });

  /** The plan the fake prepares for the export fix onto dev: worktree, pick, move dev, remove the worktree. */
  const exportToDev = aPreparedBackport(aMatrix(), [FIX_EXPORT], ['dev']).plan;
  const pausedRun: HotfixBackportWorld['run'] = (plan) => ({
    events: [...doneEvents(plan, 1), ...pausedAt(plan, 1, ['src/export.js'], 'dev')],
    result: { ok: false, error: CONFLICT_ERROR, output: '' },
  });

  it('shows a conflict with its files, where to resolve them and the three choices', async () => {
    const screen = renderBackport({ run: pausedRun });
    await planExportToDev(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Backport fixes · conflict · on dev'));
    const frame = screen.frame();
    expect(frame).toContain(
      '‖ pick a1a1a1a "fix(export): keep leading zeros in CSV cells" onto dev\n  stopped on conflicts in:',
    );
    expect(frame).toContain('    src/export.js');
    expect(frame).toContain(
      'Resolve them in this private worktree (your own working tree is untouched):\n  /work/taskboard/.git/shipwright/worktrees/1-dev',
    );
    expect(frame).toContain('c  continue');
    expect(frame).toContain('s  skip dev: leave it for later');
    expect(frame).toContain('a  abort: put every branch back');
    expect(frame).toContain('c continue (resolved) · s skip this branch · a abort all · q/esc leave it paused');
  });

  it('g stages the resolved files, listed in the help bar only while one waits; markers staged are not "staged ✓"', async () => {
    const screen = renderBackport({
      run: pausedRun,
      conflictFiles: [{ path: 'src/export.js', state: 'unstaged' }],
    });
    await planExportToDev(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() =>
      expect(screen.frame()).toContain('src/export.js  resolved, not staged: press g / git add src/export.js'),
    );
    expect(screen.frame()).toContain('c continue (resolved) · s skip this branch · a abort all');
    await waitFor(() => expect(screen.frame()).toContain('g git add the resolved files'));
    screen.stdin.write('g');
    await waitFor(() => expect(screen.frame()).toContain('src/export.js  staged ✓'));
    expect(screen.calls.staged).toEqual([['src/export.js']]);
    expect(screen.frame()).not.toContain('g git add the resolved files');
    expect(screen.calls.continues).toEqual([]);
  });

  it('a file staged with its markers still in it says so and what to do', async () => {
    const screen = renderBackport({
      run: pausedRun,
      conflictFiles: [{ path: 'src/export.js', state: 'staged-markers' }],
    });
    await planExportToDev(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() =>
      expect(screen.frame()).toContain(
        'src/export.js  staged, markers remain: edit them out, then git add src/export.js',
      ),
    );
    expect(screen.frame()).not.toContain('staged ✓');
    expect(screen.frame()).not.toContain('g git add');
  });

  it('c continues; still unresolved, it shows the engine’s message and stays; resolved, it finishes', async () => {
    const still = {
      code: 'conflict',
      message: 'pick a1a1a1a still has conflicts in:\n  src/export.js',
      fix: 'edit those files…, then: shipwright continue',
    } as const;
    const screen = renderBackport({
      run: pausedRun,
      continues: [
        { events: [], result: { ok: false, error: still, output: '' } },
        // As the engine reports it: the pick whose conflict continue settled is done, then the rest.
        {
          events: [
            { type: 'step-done', index: 1, step: exportToDev.steps[1]!, outcome: 'conflicts resolved, pick committed' },
            ...doneEvents(exportToDev, 4, 2),
          ],
          result: { ok: true, output: '', skipped: [] },
        },
      ],
    });
    await planExportToDev(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('· conflict ·'));
    screen.stdin.write('c');
    await waitFor(() => expect(screen.frame()).toContain('✗ pick a1a1a1a still has conflicts in:'));
    expect(screen.frame()).not.toContain('shipwright continue');
    expect(screen.calls.continues).toEqual([{ skip: false }]);
    screen.stdin.write('c');
    await waitFor(() => expect(screen.frame()).toContain('✓ Backported.'));
    expect(screen.calls.continues).toEqual([{ skip: false }, { skip: false }]);
    expect(screen.frame()).toContain(
      '✓ pick a1a1a1a "fix(export): keep leading zeros in CSV cells" onto dev (conflicts resolved, pick co…',
    );
    expect(screen.frame()).not.toContain('↷');
  });

  it('s skips the branch (continue --skip) and says it was left for later', async () => {
    const skipped = { target: 'dev', command: 'shipwright backport a1a1a1a1a1a1 --to dev' };
    const passedOver = [1, 2].map((index): EngineEvent => ({
      type: 'step-skipped',
      index,
      step: exportToDev.steps[index]!,
      reason: 'dev left for later',
    }));
    const events = [...passedOver, ...doneEvents(exportToDev, 4, 3)];
    const screen = renderBackport({
      run: pausedRun,
      continues: [{ events, result: { ok: true, output: '', skipped: [skipped] } }],
    });
    await planExportToDev(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('· conflict ·'));
    screen.stdin.write('s');
    await waitFor(() => expect(screen.frame()).toContain('dev: left for later, nothing picked.'));
    expect(screen.frame()).toContain('⚠ Nothing was backported: the conflicting branches were left for later.');
    expect(screen.frame()).not.toContain('✓ Nothing');
    expect(screen.frame()).not.toContain('Backported.');
    expect(screen.frame()).toContain('Next: once ready to resolve dev, run: shipwright backport a1a1a1a1a1a1 --to dev');
    expect(screen.frame()).toContain(
      '↷ pick a1a1a1a "fix(export): keep leading zeros in CSV cells" onto dev (dev left for later)',
    );
    expect(screen.calls.continues).toEqual([{ skip: true }]);
    expect(screen.calls.aborts).toBe(0);
  });

  it('a asks first (n keeps the run), y aborts everything, lists what was put back, and no step reads as done', async () => {
    const screen = renderBackport({ run: pausedRun });
    await planExportToDev(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('· conflict ·'));
    screen.stdin.write('a');
    await waitFor(() =>
      expect(screen.frame()).toContain('Abort the whole run? Every branch, tag and file it touched goes back'),
    );
    expect(screen.frame()).toContain('What you resolved in the conflicted files so far is thrown away.');
    expect(screen.frame()).toContain('y abort: put everything back · n/esc/q keep it paused');
    expect(screen.calls.aborts).toBe(0);
    screen.stdin.write('n');
    await waitFor(() => expect(screen.frame()).not.toContain('Abort the whole run?'));
    expect(screen.frame()).toContain('· conflict ·');
    screen.stdin.write('a');
    await waitFor(() => expect(screen.frame()).toContain('Abort the whole run?'));
    screen.stdin.write('y');
    await waitFor(() =>
      expect(screen.frame()).toContain('✓ Aborted: every branch, tag and file the run touched is back as it was.'),
    );
    expect(screen.frame()).toContain('put back: dev, the worktree of dev');
    expect(screen.frame()).toContain('↺ check out dev in a private worktree (put back)');
    expect(screen.frame()).not.toMatch(/✓ (check out|pick)/);
    expect(screen.calls.aborts).toBe(1);
    expect(screen.calls.continues).toEqual([]);
  });

  it('an abort that could not put everything back says so, with the failures and the notes', async () => {
    const abort = {
      ok: true as const,
      command: 'x',
      restored: ['dev'],
      failures: ['refs/heads/release/1.2: checked out in /tmp/other'],
      notes: ['the private worktree /tmp/old/wt is left: git worktree remove --force /tmp/old/wt'],
    };
    const screen = renderBackport({ run: pausedRun, abort });
    await planExportToDev(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('· conflict ·'));
    screen.stdin.write('a');
    await waitFor(() => expect(screen.frame()).toContain('Abort the whole run?'));
    screen.stdin.write('y');
    await waitFor(() => expect(screen.frame()).toContain('Aborted, but not everything could be put back'));
    expect(screen.frame()).not.toContain('✓ Aborted');
    expect(screen.frame()).toContain('✗ could not restore refs/heads/release/1.2: checked out in /tmp/other');
    expect(screen.frame()).toContain('note: the private worktree /tmp/old/wt is left');
  });

  it('stops the run on Ctrl-C, holding the program open, and shows what was put back', async () => {
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const error = {
      code: 'interrupted',
      message: 'Step 2 (pick a1a1a1a) failed: interrupted by Ctrl-C\nRestored: dev, the worktree of dev.',
      fix: 'nothing to fix: run the command again when you are ready',
    } as const;
    const held: boolean[] = [];
    const fix = fakeHotfixBackportServices({
      run: (plan) => ({
        events: [...doneEvents(plan, 1), { type: 'step-started', index: 1, step: plan.steps[1]! }],
        gate,
        after: [
          { type: 'interrupted', signal: 'Ctrl-C' },
          { type: 'rolled-back', restored: ['dev', 'the worktree of dev'], failures: [] },
        ],
        result: { ok: false, error, output: '' },
      }),
    });
    const screen = {
      ...renderScreen(
        <BackportScreen
          services={{ ...fakeServices().services, ...fix.services }}
          back={vi.fn()}
          holdExit={(value) => held.push(value)}
        />,
      ),
      calls: fix.calls,
      back: vi.fn(),
    };
    await planExportToDev(screen);
    screen.stdin.write('y');
    await waitFor(() => expect(screen.frame()).toContain('ctrl+c stop and put everything back'));
    expect(held.at(-1)).toBe(true);
    screen.stdin.write('\u0003');
    await waitFor(() =>
      expect(screen.frame()).toContain(
        'Stopping: the step in progress finishes, then everything done so far is put back…',
      ),
    );
    await waitFor(() => expect(fix.calls.stops).toBe(1));
    open();
    await waitFor(() => expect(screen.frame()).toContain('✗ Step 2 (pick a1a1a1a) failed: interrupted by Ctrl-C'));
    expect(screen.frame()).toContain('Restored: dev, the worktree of dev.');
    expect(held.at(-1)).toBe(false);
  });

  it('shows a refused plan with its fix', async () => {
    const error = {
      code: 'target-checked-out',
      message: 'dev is checked out here; a backport moves the branch.',
      fix: 'switch to another branch first (git switch main)',
    } as const;
    const screen = renderBackport({ prepareBackport: () => ({ ok: false, error }) });
    await waitFor(() => expect(screen.frame()).toContain('❯ a1a1a1a'));
    screen.stdin.write(' ');
    await waitFor(() => expect(screen.frame()).toContain('1 marked'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('✗ dev is checked out here'));
    expect(screen.frame()).toContain('→ switch to another branch first (git switch main)');
  });

  it('says so when nothing is missing', async () => {
    const { frame } = renderBackport({ matrices: [{ ok: true, value: aMatrix({ rows: [] }) }] });
    await waitFor(() =>
      expect(frame()).toContain('✓ Every fix on main is on dev, release/1.3.0: nothing to backport.'),
    );
  });

  it('fits 80 columns with many branches: names cut with …, and hints for what is off screen', async () => {
    const targets = ['dev', 'release/1.1.0', 'release/1.2.0', 'release/1.3.0', 'maintenance/1.x', '2.x', '3.x', '4.x'];
    const { frame, stdin } = renderBackport({ matrices: [{ ok: true, value: aWideMatrix(20, targets) }] });
    await waitFor(() => expect(frame()).toContain('❯ f000000'));
    // ink-testing-library's terminal is 100 columns wide: 7 branches fit.
    expect(frame()).toContain('↓ 6 more rows · 1 more branch →');
    expect(frame()).toContain('release/…');
    for (const line of frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    stdin.write(RIGHT.repeat(7));
    await waitFor(() => expect(frame()).toContain('on 4.x: missing'));
    expect(frame()).toContain('← 1 more branch');
  });
});
