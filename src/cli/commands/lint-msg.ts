// `shipwright lint-msg`: one message (the commit-msg hook's check) or every commit of a range.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { basename, relative, resolve } from 'node:path';
import { lintEditedMessage, lintRange, type LintReport } from '../../app/lint-messages.js';
import { checkFailed, usageError } from '../../core/errors.js';
import type { MessageVerdict } from '../../core/lint/message-verdict.js';
import { locateCommitEditMsg, readMessageFile } from '../../git/read-commit-message-file.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, printJson, stringFlag } from '../flags.js';
import type { CliIo } from '../../output/io.js';
import {
  formatSingleVerdict,
  headerFailed,
  lintFooter,
  paintSymbol,
  problemLine,
  rulesLabel,
} from '../../output/print-lint-report.js';

/** Where the message came from, to name the next step after a refusal. */
type Origin = { kind: 'editmsg'; path: string } | { kind: 'file'; path: string } | { kind: 'stdin' };

function nextStep(origin: Origin, empty: boolean): string {
  if (origin.kind === 'editmsg')
    return empty
      ? 'commit again and write a header like the one above'
      : `your text is kept; edit it and commit again: git commit -e -F ${origin.path}`;
  const what = empty ? 'write a header like the one above' : 'fix the problems above';
  if (origin.kind === 'file') return `${what} in ${origin.path}, then check again: shipwright lint-msg ${origin.path}`;
  return `${what} and check the message again`;
}

function printSingle(io: CliIo, report: LintReport, origin: Origin): number {
  const text = formatSingleVerdict(report, io.color);
  io.stdout(text.problems);
  if (report.valid) return 0;
  io.stdout(text.footer);
  const [result] = report.results as [MessageVerdict];
  throw checkFailed(text.summary, { code: 'invalid-commit-message', fix: nextStep(origin, result.header === null) });
}

function printRange(io: CliIo, report: LintReport, range: { from?: string; to?: string }): number {
  const paint = paintSymbol(io.color);
  const span = `${range.from ? `${range.from}..` : ''}${range.to ?? 'HEAD'}`;
  if (report.results.length === 0) {
    io.stdout(`No commits in ${span} to check.\n`);
    return 0;
  }
  for (const result of report.results) {
    io.stdout(`${paint(result.valid ? '✔' : '✖')} ${result.shortHash ?? ''} ${result.header ?? '(empty message)'}\n`);
    for (const problem of [...result.errors, ...result.warnings]) io.stdout(problemLine(io.color, problem, '    '));
  }
  const bad = report.results.filter((result) => !result.valid);
  if (bad.length === 0) {
    io.stdout(
      `${report.results.length === 1 ? 'The commit follows' : `All ${report.results.length} commits follow`} ${rulesLabel(report)}.\n`,
    );
    return 0;
  }
  io.stdout(lintFooter(report, null, bad.some(headerFailed)));
  const shorts = bad.map((result) => result.shortHash ?? '').join(', ');
  const base = range.from ?? `${bad[0]?.shortHash ?? ''}~1`;
  throw checkFailed(
    `${bad.length} of ${report.results.length} commits ${bad.length === 1 ? 'breaks' : 'break'} ${rulesLabel(report)}: ${shorts}.`,
    {
      code: 'invalid-commit-message',
      fix: `reword ${bad.length === 1 ? 'it' : 'them'}: ${shellCommand(['git', 'rebase', '-i', base])}  (change \`pick\` to \`reword\` for ${shorts}), then git push --force-with-lease`,
    },
  );
}

/** Exit 1 without throwing: the verdicts are the output, not an error object. */
function printJsonReport(io: CliIo, report: LintReport): number {
  printJson(io.stdout, {
    valid: report.valid,
    rules: { source: report.rules.source, extends: report.rules.extends, helpUrl: report.rules.helpUrl },
    commentChar: report.commentChar,
    results: report.results,
    example: report.example,
  });
  return report.valid ? 0 : 1;
}

export const command: CommandModule = {
  spec: {
    name: 'lint-msg',
    summary: 'check a commit message, or every commit in a range, against the commit rules',
    usage: '[FILE|-] [--json]\n       shipwright lint-msg --from REF [--to REF] [--json]',
    flags: [
      ['FILE', 'the message file (what git passes the commit-msg hook); - reads stdin; default .git/COMMIT_EDITMSG'],
      ['--from REF', 'check every commit after REF (e.g. the PR base) instead of one message'],
      ['--to REF', 'the last commit of the range (default HEAD)'],
      ['--json', 'print { valid, rules, results: [{ hash, header, valid, errors, warnings }], example }'],
    ],
    examples: [
      'shipwright lint-msg "$1"                          # in .git/hooks/commit-msg',
      'echo "feat(api): add export" | shipwright lint-msg -',
      'shipwright lint-msg --from origin/main --to HEAD  # every commit of a pull request',
    ],
    options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  },
  async run({ io, cwd, args }) {
    const json = booleanFlag(args, 'json');
    const from = stringFlag(args, 'from');
    const to = stringFlag(args, 'to');
    const [file, ...extra] = args.positionals;
    if (extra.length > 0)
      throw usageError(
        `lint-msg checks one message file; got ${args.positionals.length} arguments.`,
        'shipwright lint-msg FILE   (or --from REF --to REF for several commits)',
      );

    if (from !== undefined || to !== undefined) {
      if (file !== undefined)
        throw usageError(
          'Give either a message FILE or --from/--to, not both.',
          'shipwright lint-msg FILE, or shipwright lint-msg --from BASE --to HEAD (BASE: the branch the pull request targets)',
        );
      const range = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
      const report = await lintRange(cwd, range);
      return json ? printJsonReport(io, report) : printRange(io, report, range);
    }

    let origin: Origin;
    let text: string;
    if (file === '-') {
      origin = { kind: 'stdin' };
      text = await io.readStdin();
    } else if (file === undefined) {
      const path = await locateCommitEditMsg(cwd);
      origin = { kind: 'editmsg', path: relative(io.cwd, path) || path };
      text = await readMessageFile(path, { explicit: false });
    } else {
      // Relative to where the user (or git, for a hook: the work tree root) ran us, like any shell path.
      const path = resolve(io.cwd, file);
      origin = basename(path) === 'COMMIT_EDITMSG' ? { kind: 'editmsg', path: file } : { kind: 'file', path: file };
      text = await readMessageFile(path, { explicit: true });
    }
    const report = await lintEditedMessage(cwd, text);
    return json ? printJsonReport(io, report) : printSingle(io, report, origin);
  },
};
