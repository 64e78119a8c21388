// Plain text and JSON renderings of a rollback plan.
import type { PreparedRollback } from '../app/prepare-rollback.js';
import { isoDay } from '../core/changelog/release-section.js';
import type { CommitSummary } from '../core/conventional-commits/summarize-commits.js';
import { typeLabel } from '../core/display-text/status-words.js';
import { describeAction } from '../core/rollback/redeploy-action.js';
import type { ReleaseTag } from '../core/tags/release-tag.js';
import { plural } from '../core/display-text/plural.js';

/** At least this many releases are listed, and always the target plus two older ones. */
const MIN_LISTED = 10;

const day = (tag: ReleaseTag): string => (tag.date ? isoDay(tag.date) : 'no date   ');

function describeSummary(summary: CommitSummary): string {
  if (summary.total === 0) return 'no commits of its own';
  const types = Object.entries(summary.byType).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const breaking = summary.breaking ? ` · ${summary.breaking} breaking` : '';
  return `${plural(summary.total, 'commit')}: ${types.map(([type, count]) => `${count} ${typeLabel(type, count)}`).join(', ')}${breaking}`;
}

function workflowNote({ plan, workflowSource }: PreparedRollback): string {
  if (plan.action.kind !== 'gh') return '';
  return workflowSource === 'detected'
    ? ` through ${plan.action.workflow} (found in .github/workflows; deploy.workflow in shipwright.config.json picks another)`
    : ` through ${plan.action.workflow}`;
}

export function formatRollback(prepared: PreparedRollback): string {
  const { plan } = prepared;
  const width = Math.max(...plan.releases.map((tag) => tag.name.length));
  const lines = [
    `Production runs ${plan.current.name} (${day(plan.current)}). Rolling back to ${plan.target.name} (${day(plan.target)}) takes out ${plural(plan.rolledBack.length, 'release')}:`,
  ];
  for (const release of plan.rolledBack)
    lines.push(`  ${release.tag.name.padEnd(width)}  ${day(release.tag)}  ${describeSummary(release.summary)}`);

  const targetIndex = plan.releases.indexOf(plan.target);
  const listed = plan.releases.slice(0, Math.max(MIN_LISTED, targetIndex + 3));
  lines.push('', 'Release tags, newest first:');
  for (const tag of listed) {
    const role = tag === plan.current ? '  production' : tag === plan.target ? '  ← rollback target' : '';
    lines.push(`  ${tag.name.padEnd(width)}  ${day(tag)}${role}`);
  }
  const hidden = plan.releases.length - listed.length;
  if (hidden > 0)
    lines.push(`  … ${plural(hidden, 'older release')} (all of them: shipwright rollback --dry-run --json)`);

  lines.push('');
  if (plan.action.kind === 'gh') {
    lines.push(`Redeploy ${plan.target.name}${workflowNote(prepared)}:`, `  ${describeAction(plan.action)}`);
  } else {
    lines.push(
      `Redeploy ${plan.target.name} by running this yourself:`,
      `  ${plan.action.command}`,
      'shipwright did not run it:',
      ...plan.action.why.split('; ').map((reason) => `  - ${reason}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

const tagJson = (tag: ReleaseTag) => ({ name: tag.name, version: tag.version, date: tag.date, commit: tag.commit });

export function rollbackJson(
  prepared: PreparedRollback,
  outcome: { dryRun: boolean; ran: boolean; exitCode: number | null },
) {
  const { plan } = prepared;
  return {
    ok: outcome.exitCode === null || outcome.exitCode === 0,
    current: tagJson(plan.current),
    target: tagJson(plan.target),
    releases: plan.releases.map((tag) => ({
      ...tagJson(tag),
      role: tag === plan.current ? 'production' : tag === plan.target ? 'target' : null,
    })),
    rolledBack: plan.rolledBack.map((release) => ({
      ...tagJson(release.tag),
      summary: release.summary,
      commits: release.commits.map((commit) => ({
        hash: commit.raw.hash,
        header: commit.header,
        type: commit.type,
        scope: commit.scope,
        subject: commit.subject,
        breaking: commit.isBreaking,
      })),
    })),
    action: { ...plan.action, command: describeAction(plan.action) },
    workflowSource: prepared.workflowSource,
    ...outcome,
  };
}
