// Plain-text rendering of a StatusReport for terminals, pipes and CI logs.
import type { StatusReport } from '../app/read-status.js';
import { shortHash } from '../core/conventional-commits/conventional-commit.js';
import { describeNextVersion } from '../core/display-text/describe-next-version.js';
import {
  describeBranchModel,
  describeProductionAhead,
  describeTagElsewhere,
  formatAge,
  typeLabel,
} from '../core/display-text/status-words.js';
import { plural } from '../core/display-text/plural.js';

export function formatStatus(report: StatusReport, now: Date): string {
  const lines: string[] = [];
  const model = describeBranchModel(report.workflow, report.branches);
  const where = report.branch ? `on ${report.branch}` : 'HEAD detached';
  const upstream = report.upstream
    ? ` · ${report.upstream.upstream}: ${report.upstream.ahead} ahead, ${report.upstream.behind} behind`
    : '';
  lines.push(`${report.root}`, `${where} (${model})${upstream}`);
  if (report.productionAhead) lines.push(`⚠ ${describeProductionAhead(report.branch, report.productionAhead)}`);
  lines.push('');

  lines.push('Environments');
  for (const env of report.environments) {
    if (env.name === 'production') {
      lines.push(
        env.ref
          ? `  production  ${env.ref.padEnd(12)} ${env.date?.slice(0, 10) ?? ''} (${formatAge(env.date ?? '', now)})`
          : '  production  no release tag yet',
      );
      if (report.newerElsewhere)
        lines.push(`              ${describeTagElsewhere(report.newerElsewhere, report.branches.production)}`);
    } else {
      const feeds = env.name === 'staging' ? 'production' : 'staging';
      lines.push(
        `  ${env.name.padEnd(10)}  ${(env.ref ?? '').padEnd(12)} ${env.ahead === undefined ? '' : `${plural(env.ahead, 'commit')} ahead of ${feeds}`}`,
      );
    }
  }
  lines.push('');

  const since = report.lastTag ? `since ${report.lastTag.name}` : 'no release yet';
  lines.push(
    `Unreleased on ${report.branch ?? 'HEAD'} (${since}): ${plural(report.unreleased.total, 'commit')}${report.unreleased.breaking ? `, ${report.unreleased.breaking} breaking` : ''}`,
  );
  const types = Object.entries(report.unreleased.byType).sort((a, b) => b[1] - a[1]);
  for (const [type, count] of types) lines.push(`  ${typeLabel(type, 2).padEnd(16)} ${count}`);
  lines.push('');

  const nextLine = report.next.kind === 'release' ? report.next.version : 'none';
  lines.push(`Next version  ${nextLine}  — ${describeNextVersion(report.next)}`);

  if (report.missingFixes.length > 0) {
    lines.push('', `Fixes on ${report.branches.production} missing from other branches`);
    for (const missing of report.missingFixes) {
      lines.push(`  ${missing.target}: ${plural(missing.commits.length, 'fix')}`);
      for (const commit of missing.commits.slice(0, 5)) lines.push(`    ${shortHash(commit.hash)} ${commit.header}`);
      if (missing.commits.length > 5) lines.push(`    … and ${missing.commits.length - 5} more`);
    }
    lines.push(
      '  every branch at once: shipwright backport --list',
      '  bring one over: git switch TARGET && git cherry-pick -x HASH',
    );
  }
  return `${lines.join('\n')}\n`;
}
