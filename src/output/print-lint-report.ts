// Text for lint verdicts, shared by `shipwright lint-msg` and the commit-msg hook.
import type { LintReport } from '../app/lint-messages.js';
import { DEFAULT_HELP_URL } from '../config/load-commit-rules.js';
import type { MessageVerdict, Problem } from '../core/lint/message-verdict.js';

type Symbol = '✖' | '⚠' | '✔';
const COLORS: Record<Symbol, number> = { '✖': 31, '⚠': 33, '✔': 32 };

export const paintSymbol =
  (color: boolean) =>
  (symbol: Symbol): string =>
    color ? `\x1b[${COLORS[symbol]}m${symbol}\x1b[39m` : symbol;

export const problemLine = (color: boolean, problem: Problem, indent = ''): string =>
  `${indent}${paintSymbol(color)(problem.level === 2 ? '✖' : '⚠')} ${problem.name}: ${problem.message}\n`;

export const rulesLabel = (report: LintReport): string =>
  report.rules.source === 'default'
    ? '@commitlint/config-conventional (no commitlint config here)'
    : 'the commitlint config';

/** Rules about the header (commitlint's header-, type-, scope- and subject- rules, and emptiness). */
const HEADER_RULE = /^(header|type|scope|subject)-|^message-empty$/;

/** Whether a refusal is about the header: else the header lines would blame a header that is fine. */
export const headerFailed = (verdict: Pick<MessageVerdict, 'header' | 'errors'>): boolean =>
  verdict.header === null || verdict.errors.some((problem) => HEADER_RULE.test(problem.name));

/**
 * The header that was refused and a header the rules accept — only when a header rule failed
 * (a body-max-line-length refusal shows just its line) — and the config's help link.
 */
export function lintFooter(report: LintReport, header?: string | null, showHeader = true): string {
  const lines = [''];
  if (showHeader && header) lines.push(`  your header:    ${header}`);
  if (showHeader && report.example) lines.push(`  a valid header: ${report.example}`);
  if (report.rules.helpUrl !== DEFAULT_HELP_URL) lines.push(`  help: ${report.rules.helpUrl}`);
  return `${lines.join('\n')}\n`;
}

interface SingleVerdictText {
  problems: string;
  footer: string;
  /** One sentence: what is wrong. */
  summary: string;
}

export function formatSingleVerdict(report: LintReport, color: boolean): SingleVerdictText {
  const [result] = report.results as [MessageVerdict];
  const problems = [...result.errors, ...result.warnings].map((problem) => problemLine(color, problem)).join('');
  const count = result.errors.length;
  const summary =
    result.header === null
      ? 'The commit message is empty.'
      : `The commit message breaks ${count === 1 ? 'a rule' : `${count} rules`} of ${rulesLabel(report)}.`;
  return { problems, footer: result.valid ? '' : lintFooter(report, result.header, headerFailed(result)), summary };
}
