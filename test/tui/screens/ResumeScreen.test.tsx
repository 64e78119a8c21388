// The run found waiting, opened from home: its conflict (or interruption) with the run's keys, a
// choice made on home applied at once, and how it ended.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { PendingRun } from '../../../src/app/read-pending-run.js';
import type { ConflictChoice } from '../../../src/tui/models/run-model.js';
import { ResumeScreen } from '../../../src/tui/screens/ResumeScreen.js';
import { fakeServices } from '../support/fake-services.js';
import { aPausedBackport, anInterruptedRelease } from '../support/pending-data.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

function renderResume(pending: PendingRun | null, choice?: ConflictChoice) {
  const { services } = fakeServices({ pending });
  const continues: { skip: boolean }[] = [];
  let aborts = 0;
  const continueRun = services.continueRun;
  services.continueRun = (options, onEvent) => {
    continues.push(options);
    return continueRun(options, onEvent);
  };
  const abortRun = services.abortRun;
  services.abortRun = () => {
    aborts += 1;
    return abortRun();
  };
  const back = vi.fn();
  const rendered = renderScreen(<ResumeScreen services={services} back={back} {...(choice ? { choice } : {})} />);
  return { ...rendered, back, continues, aborts: () => aborts };
}

describe('ResumeScreen', () => {
  it('reopens the conflict screen of a paused backport; c continues it', async () => {
    const { frame, stdin, continues } = renderResume(aPausedBackport());
    await waitFor(() => expect(frame()).toContain('shipwright · Backport 1 commit · conflict · on dev'));
    expect(frame()).toContain('‖ pick d4d1b6d "fix(export): keep leading zeros" onto dev');
    expect(frame()).toContain('src/export.js');
    expect(frame()).toContain('/work/taskboard/.git/shipwright/worktrees/dev-1');
    stdin.write('c');
    await waitFor(() => expect(frame()).toContain('✓ Finished `shipwright backport d4d1b6d --to dev --yes`.'));
    expect(continues).toEqual([{ skip: false }]);
    expect(frame()).toContain('✓ check out dev in a private worktree');
  });

  it('applies the choice made on home as soon as the run is read (skip)', async () => {
    const { frame, continues } = renderResume(aPausedBackport(), 'skip');
    await waitFor(() => expect(continues).toEqual([{ skip: true }]));
    await waitFor(() => expect(frame()).toContain('✓ Finished'));
  });

  it('leaves the run paused with q, back to where it was opened from', async () => {
    const { frame, stdin, back, continues } = renderResume(aPausedBackport());
    await waitFor(() => expect(frame()).toContain('· conflict'));
    stdin.write('q');
    await waitFor(() => expect(back).toHaveBeenCalledTimes(1));
    expect(continues).toEqual([]);
  });

  it('shows an interrupted run with its steps, continue and abort (no skip)', async () => {
    const { frame, stdin, aborts } = renderResume(anInterruptedRelease());
    await waitFor(() => expect(frame()).toContain('‖ Interrupted at step 2 of 3.'));
    expect(frame()).toContain('✓ write CHANGELOG.md');
    expect(frame()).toContain('· commit chore(release): v1.3.0');
    expect(frame()).toContain('c continue (resolved) · a abort all · q/esc leave it paused');
    stdin.write('a');
    await waitFor(() => expect(frame()).toContain('Abort the whole run?'));
    expect(aborts()).toBe(0);
    stdin.write('y');
    await waitFor(() => expect(aborts()).toBe(1));
    await waitFor(() => expect(frame()).toContain('✓ Aborted'));
    expect(frame()).toContain('↺ write CHANGELOG.md (put back)');
  });

  it('asks before an abort chosen on home, too', async () => {
    const { frame, stdin, aborts } = renderResume(aPausedBackport(), 'abort');
    await waitFor(() => expect(frame()).toContain('Abort the whole run?'));
    expect(aborts()).toBe(0);
    stdin.write('y');
    await waitFor(() => expect(aborts()).toBe(1));
  });

  it('says so when nothing waits any more', async () => {
    const { frame, stdin, back } = renderResume(null);
    await waitFor(() => expect(frame()).toContain('✓ No run is waiting here any more'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(back).toHaveBeenCalledTimes(1));
  });
});
