// Runs left waiting, as readPendingRun reports them: a backport paused on a conflict, an
// interrupted release.
import type { PendingRun } from '../../../src/app/read-pending-run.js';

export const aPausedBackport = (overrides: Partial<PendingRun> = {}): PendingRun => ({
  command: 'shipwright backport d4d1b6d --to dev --yes',
  title: 'Backport 1 commit',
  steps: [
    { description: 'check out dev in a private worktree', done: true },
    { description: 'pick d4d1b6d "fix(export): keep leading zeros" onto dev', done: false },
    { description: 'move dev to the picked commits', done: false },
    { description: 'remove the worktree of dev', done: false },
  ],
  at: 1,
  pause: { files: ['src/export.js'], target: 'dev', directory: '/work/taskboard/.git/shipwright/worktrees/dev-1' },
  running: false,
  ...overrides,
});

export const anInterruptedRelease = (): PendingRun => ({
  command: 'shipwright release --yes',
  title: 'Release v1.3.0',
  steps: [
    { description: 'write CHANGELOG.md', done: true },
    { description: 'commit chore(release): v1.3.0', done: false },
    { description: 'tag v1.3.0', done: false },
  ],
  at: 1,
  pause: null,
  running: false,
});
