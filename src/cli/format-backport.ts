// `shipwright backport --list` output: the matrix as a plain table, or as one JSON object.
import type { BackportReport } from '../app/read-backport-matrix.js';
import { DEFAULT_BACKPORT_TYPES, missingOn, type MatrixRow } from '../core/backport/backport-matrix.js';
import { shortHash } from '../core/conventional-commits/conventional-commit.js';
import { flagWords } from '../core/display-text/shell-words.js';

const PRESENT = '✓';
const MISSING = '·';

/** `--to NAME` for a shell (core/display-text/shell-words.ts, the one quoting helper). */
const toFlag = (target: string): string => flagWords('--to', target);

/** "fix"/"fixes" for the default types; "commit"/"commits" when --type chose others. */
function nounFor(types: readonly string[]): (count: number) => string {
  const fixes =
    types.length === DEFAULT_BACKPORT_TYPES.length && DEFAULT_BACKPORT_TYPES.every((type) => types.includes(type));
  return (count) => (fixes ? (count === 1 ? 'fix' : 'fixes') : count === 1 ? 'commit' : 'commits');
}

const shortOf = (report: BackportReport, row: MatrixRow): string =>
  report.shortHashes.get(row.commit.raw.hash) ?? shortHash(row.commit.raw.hash);

function table(report: BackportReport): string[] {
  const widths = report.targets.map((target) => Math.max(target.length, 1));
  const line = (cells: string[], rest: string) =>
    `  ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 1)).join('  ')}  ${rest}`;
  return [
    line(report.targets, 'commit'),
    ...report.rows.map((row) =>
      line(
        row.cells.map((cell) => (cell === 'missing' ? MISSING : PRESENT)),
        `${shortOf(report, row)} ${row.commit.header}`,
      ),
    ),
  ];
}

export function formatBackportMatrix(report: BackportReport): string {
  const noun = nounFor(report.types);
  if (report.targets.length === 0) {
    return [
      `No branch to compare ${report.source} with: no integration branch, no release branch and no maintenance branch such as 1.x.`,
      'Name one with: shipwright backport --list --to BRANCH',
      '',
    ].join('\n');
  }
  const since = report.since === null ? '' : ` since ${report.since}`;
  if (report.rows.length === 0) {
    return `Every ${noun(1)} on ${report.source}${since} is on ${report.targets.join(', ')}: nothing to backport.\n`;
  }
  const title = `${noun(2).replace(/^./, (c) => c.toUpperCase())} on ${report.source}${since} that some branch lacks (${PRESENT} present  ${MISSING} missing)`;
  const lines = [title, ''];
  lines.push(...table(report), '');
  report.targets.forEach((target, index) => {
    const count = missingOn(report, index).length;
    const remote = report.remoteOnly.includes(target)
      ? ` (only origin/${target} exists: the backport creates ${target} from it)`
      : '';
    lines.push(`${count} ${noun(count)} missing on ${target}${remote}`);
  });
  const [oldest] = report.rows;
  if (oldest) {
    const where = report.targets.filter((_, index) => oldest.cells[index] === 'missing');
    lines.push('', `Next, oldest first: shipwright backport ${shortOf(report, oldest)} ${where.map(toFlag).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON contract: `{source, targets, types, rows: [{sha, shortSha, type, scope, subject, present: {target: boolean}}]}`. */
export function backportJson(report: BackportReport): unknown {
  return {
    source: report.source,
    targets: report.targets,
    remoteOnly: report.remoteOnly,
    since: report.since,
    types: report.types,
    rows: report.rows.map((row) => ({
      sha: row.commit.raw.hash,
      shortSha: shortOf(report, row),
      type: row.type,
      scope: row.commit.scope,
      subject: row.commit.subject ?? row.commit.header,
      // fromEntries makes own properties, so even a branch named __proto__ is a plain key.
      present: Object.fromEntries(report.targets.map((target, index) => [target, row.cells[index] !== 'missing'])),
    })),
  };
}
