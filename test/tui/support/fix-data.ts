// Plain data for the hotfix and backport screens: an outlook, a matrix, prepared plans built with
// the real (pure) planners, and engine events as the engine emits them.
import type { PreparedBackport } from '../../../src/app/prepare-backport.js';
import type { PreparedHotfix, PreparedHotfixStart } from '../../../src/app/prepare-hotfix.js';
import { planBackport } from '../../../src/core/backport/plan-backport.js';
import type { Presence } from '../../../src/core/backport/backport-matrix.js';
import { planHotfixStart } from '../../../src/core/hotfix/plan-hotfix.js';
import type { Plan, PlanStep } from '../../../src/core/plan/plan.js';
import type { EngineEvent } from '../../../src/engine/run-steps.js';
import type { BackportMatrixView, HotfixOutlook } from '../../../src/app/hotfix-backport-services.js';

export const hash = (seed: string): string => seed.repeat(40).slice(0, 40);

export const FIX_EXPORT = hash('a1');
export const FIX_LOGIN = hash('b2');
export const PERF_SEARCH = hash('c3');

/** main's fixes × dev and release/1.3.0: the export fix is missing on both, the login fix on dev only. */
export function aMatrix(overrides: Partial<BackportMatrixView> = {}): BackportMatrixView {
  return {
    source: 'main',
    targets: ['dev', 'release/1.3.0'],
    rows: [
      {
        hash: FIX_EXPORT,
        shortHash: 'a1a1a1a',
        header: 'fix(export): keep leading zeros in CSV cells',
        cells: ['missing', 'missing'],
      },
      {
        hash: FIX_LOGIN,
        shortHash: 'b2b2b2b',
        header: 'fix(auth): return to the requested page',
        cells: ['missing', 'picked'],
      },
      {
        hash: PERF_SEARCH,
        shortHash: 'c3c3c3c',
        header: 'perf(search): index titles once',
        cells: ['same-patch', 'missing'],
      },
    ],
    ...overrides,
  };
}

/** A matrix with `rows` fixes × `targets` branches, every cell missing. */
export function aWideMatrix(rows: number, targets: string[]): BackportMatrixView {
  return {
    source: 'main',
    targets,
    rows: Array.from({ length: rows }, (_, index) => ({
      hash: hash(String(index).padStart(2, '0')),
      shortHash: `f${String(index).padStart(6, '0')}`,
      header: `fix(area${index}): repair number ${index}`,
      cells: targets.map((): Presence => 'missing'),
    })),
  };
}

/** What prepareBackport would answer for `commits` × `targets`, presence taken from `matrix`. */
export function aPreparedBackport(matrix: BackportMatrixView, commits: string[], targets: string[]): PreparedBackport {
  const rows = commits.map((commit) => matrix.rows.find((row) => row.hash === commit)!);
  const list = rows.map((row) => ({ hash: row.hash, subject: row.header, merge: false }));
  const presence = targets.map((branch) => ({
    branch,
    presence: rows.map((row) => row.cells[matrix.targets.indexOf(branch)] ?? 'missing'),
  }));
  return {
    ...planBackport({
      commits: list,
      targets: presence.map((target) => ({ at: 'c'.repeat(40), ...target })),
      worktreeDir: '/work/taskboard/.git/shipwright/worktrees',
      branchPerTarget: false,
    }),
    commits: list,
  };
}

export function anOutlook(overrides: Partial<HotfixOutlook> = {}): HotfixOutlook {
  return {
    branch: 'dev',
    prefix: 'hotfix/',
    onHotfix: false,
    production: 'main',
    releases: [
      { tag: 'v1.2.0', version: '1.2.0', next: '1.2.1' },
      { tag: 'v1.1.0', version: '1.1.0', next: '1.1.1' },
      { tag: 'v1.0.0', version: '1.0.0', next: '1.0.1' },
    ],
    productionTag: 'v1.2.0',
    ...overrides,
  };
}

export function aPreparedStart(request: { from?: string; name?: string }, outlook = anOutlook()): PreparedHotfixStart {
  const base = outlook.releases.find((release) => release.tag === (request.from ?? outlook.productionTag))!;
  const branch = `hotfix/${base.next}${request.name ? `-${request.name}` : ''}`;
  return {
    plan: planHotfixStart({ branch, from: `refs/tags/${base.tag}`, fromLabel: base.tag, version: base.next }),
    branch,
    version: base.next,
    base: base.tag,
  };
}

const step = (kind: 'switch' | 'merge' | 'tag' | 'push', description: string): PlanStep =>
  kind === 'tag'
    ? { kind, name: 'v1.2.1', message: '', description }
    : kind === 'push'
      ? { kind, remote: 'origin', refspecs: [], description }
      : kind === 'merge'
        ? { kind, source: 'hotfix/1.2.1', into: 'main', message: '', description }
        : { kind, branch: 'main', description };

/** hotfix/1.2.1 finishing into main, dev and release/1.3.0 (minus `skip`). */
export function aPreparedFinish(
  skip: string[] = [],
  push = true,
  overrides: Partial<PreparedHotfix> = {},
): PreparedHotfix {
  const targets = ['dev', 'release/1.3.0'];
  const steps: PlanStep[] = [
    step('tag', 'tag v1.2.1 (annotated)'),
    step('switch', 'switch to main'),
    step('merge', 'merge hotfix/1.2.1 into main'),
    ...targets
      .filter((target) => !skip.includes(target))
      .flatMap((target) => [step('switch', `switch to ${target}`), step('merge', `merge hotfix/1.2.1 into ${target}`)]),
    ...(push ? [step('push', 'push main, dev and v1.2.1 to origin (atomic)')] : []),
  ];
  const plan: Plan = { title: 'Finish hotfix 1.2.1', steps, notes: [] };
  return {
    plan,
    commitMessage: 'chore(release): v1.2.1',
    tagMessage: '',
    version: '1.2.1',
    tag: 'v1.2.1',
    branch: 'hotfix/1.2.1',
    remote: push ? 'origin' : null,
    pushed: push,
    maintenance: false,
    targets,
    skipped: skip,
    changelogSection: '## 1.2.1 (2024-04-02)\n\n### Bug Fixes\n\n* **export:** keep leading zeros in CSV cells\n',
    checklist: { before: [], after: [], confirmedBy: 'Ada Lovelace' },
    ...overrides,
  };
}

/** The events of running `plan` up to (not including) step `upTo`, every step done. */
export function doneEvents(plan: Plan, upTo = plan.steps.length, from = 0): EngineEvent[] {
  return plan.steps.slice(from, upTo).flatMap((planStep, offset): EngineEvent[] => [
    { type: 'step-started', index: from + offset, step: planStep },
    { type: 'step-done', index: from + offset, step: planStep },
  ]);
}

export function pausedAt(
  plan: Plan,
  index: number,
  files: string[],
  target: string,
  directory = '/work/taskboard/.git/shipwright/worktrees/1-dev',
): EngineEvent[] {
  const planStep = plan.steps[index]!;
  return [
    { type: 'step-started', index, step: planStep },
    { type: 'paused', index, step: planStep, files, target, directory },
  ];
}

export const CONFLICT_ERROR = {
  code: 'conflict',
  message: 'stopped on conflicts',
  fix: 'resolve, then: shipwright continue',
} as const;
