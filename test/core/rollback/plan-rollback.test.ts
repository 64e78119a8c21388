// planRollback from data: what each later release brought, and the redeploy action for every gh state.
import { describe, expect, it } from 'vitest';
import { planRollback } from '../../../src/core/rollback/plan-rollback.js';
import { redeployAction } from '../../../src/core/rollback/redeploy-action.js';
import { selectRollbackTarget } from '../../../src/core/rollback/select-rollback-target.js';
import { aLinearHistory } from '../../helpers/build-commits.js';

// Oldest first, commits c0 … c5: v1.0.0 on c0, v1.1.0 on c2, v1.2.0 on c5.
const history = aLinearHistory([
  'feat: first',
  'fix: early',
  'feat: search',
  'fix: crash on empty input',
  'feat!: new config format',
  'chore: tidy',
]);
const hash = (index: number) => `c${index}`.padEnd(40, '0');
const tags = [
  { name: 'v1.0.0', commit: hash(0), date: '2024-01-02T12:00:00Z', annotated: true },
  { name: 'v1.1.0', commit: hash(2), date: '2024-01-04T12:00:00Z', annotated: true },
  { name: 'v1.2.0', commit: hash(5), date: '2024-01-06T12:00:00Z', annotated: true },
];
const DEPLOY = { workflow: 'deploy.yml', tagInput: 'tag' };

describe('planRollback', () => {
  it('summarises what each release after the target brought (the log excludes the target)', () => {
    const selection = selectRollbackTarget({ tags, tagPrefix: 'v', requested: 'v1.0.0' });
    const sinceTarget = history.slice(0, 5); // c5 … c1: newer than v1.0.0
    const plan = planRollback({ selection, history: sinceTarget, deploy: DEPLOY, gh: 'ready' });
    expect(plan.current.name).toBe('v1.2.0');
    expect(plan.target.name).toBe('v1.0.0');
    expect(
      plan.rolledBack.map((release) => [release.tag.name, release.commits.map((c) => c.header), release.summary]),
    ).toEqual([
      [
        'v1.2.0',
        ['chore: tidy', 'feat!: new config format', 'fix: crash on empty input'],
        { total: 3, breaking: 1, byType: { chore: 1, feat: 1, fix: 1 } },
      ],
      ['v1.1.0', ['feat: search', 'fix: early'], { total: 2, breaking: 0, byType: { feat: 1, fix: 1 } }],
    ]);
    expect(plan.action).toEqual({
      kind: 'gh',
      argv: ['gh', 'workflow', 'run', 'deploy.yml', '-f', 'tag=v1.0.0'],
      workflow: 'deploy.yml',
    });
  });
});

describe('redeployAction', () => {
  it.each([
    ['missing', 'gh is not installed: https://cli.github.com'],
    ['logged-out', 'gh is not logged in: gh auth login'],
  ] as const)('gh %s → the exact command to run by hand and why', (gh, why) => {
    expect(redeployAction('v1.1.0', DEPLOY, gh)).toEqual({
      kind: 'manual',
      command: 'gh workflow run deploy.yml -f tag=v1.1.0',
      why,
    });
  });

  it('no workflow configured → a placeholder and how to configure it, even with gh ready', () => {
    const action = redeployAction('v1.1.0', { workflow: null, tagInput: 'tag' }, 'ready');
    expect(action).toMatchObject({ kind: 'manual', command: 'gh workflow run <production-workflow> -f tag=v1.1.0' });
    expect(action.kind === 'manual' && action.why).toMatch(
      /^no production workflow is configured: add "deploy": \{ "workflow": "deploy-production\.yml" \} to shipwright\.config\.json/,
    );
  });

  it('both reasons when gh is missing and no workflow is configured', () => {
    const action = redeployAction('v1.1.0', { workflow: null, tagInput: 'tag' }, 'missing');
    expect(action.kind === 'manual' && action.why.split('; ')).toEqual([
      expect.stringContaining('no production workflow'),
      'gh is not installed: https://cli.github.com',
    ]);
  });

  it('a tag with shell metacharacters is one argv element, and single-quoted in the printed command', () => {
    const tag = "rel$(x);`y`'1.0.0";
    expect(redeployAction(tag, { workflow: 'Deploy production', tagInput: 'ref' }, 'ready')).toMatchObject({
      argv: ['gh', 'workflow', 'run', 'Deploy production', '-f', `ref=${tag}`],
    });
    expect(redeployAction(tag, { workflow: 'Deploy production', tagInput: 'ref' }, 'missing')).toMatchObject({
      command: `gh workflow run 'Deploy production' -f 'ref=rel$(x);\`y\`'\\''1.0.0'`,
    });
  });
});
