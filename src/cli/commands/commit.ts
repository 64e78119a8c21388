// `shipwright commit`: a Conventional Commit from flags (or the composer on a terminal).
import { shellCommand } from '../../core/display-text/shell-words.js';
import { loadTui } from '../load-tui.js';
import { openRepo } from '../../app/open-repo.js';
import { planCommit } from '../../app/plan-commit.js';
import { checkFailed, usageError } from '../../core/errors.js';
import { emptyDraft, type CommitDraft } from '../../core/commit-composer/compose-message.js';
import type { CommandModule } from '../command.js';
import { drawsScreens } from '../open-screen.js';
import { booleanFlag, stringFlag } from '../flags.js';
import { formatSingleVerdict } from '../../output/print-lint-report.js';
import { runPlan } from '../run-plan.js';

function closesFlag(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => {
    const text = String(item).replace(/^#/, '');
    if (!/^\d+$/.test(text))
      throw usageError(`--closes takes an issue number; got '${String(item)}'.`, 'e.g. --closes 42 --closes 43');
    return Number(text);
  });
}

export const command: CommandModule = {
  spec: {
    name: 'commit',
    summary: 'compose a Conventional Commit (the composer on a terminal, flags in scripts)',
    usage: '[-t TYPE] [-s SCOPE] [-m SUBJECT] [--body TEXT] [--breaking TEXT] [--closes N]… [--yes] [--dry-run]',
    flags: [
      ['-t, --type TYPE', 'feat, fix, docs, … (the commit rules’ type-enum)'],
      ['-s, --scope SCOPE', 'what part it touches, e.g. api'],
      ['-m, --message SUBJECT', 'the subject: imperative, lower case, no period'],
      ['--body TEXT', 'why and how, after a blank line'],
      ['--breaking TEXT', 'marks it breaking (!) with a BREAKING CHANGE footer'],
      ['--closes N', 'a `Closes #N` footer; repeat for several'],
      ['--yes', 'commit without asking (needed without a terminal)'],
      ['--dry-run', 'check and show the message; commit nothing'],
    ],
    examples: [
      'shipwright commit                                   # the composer',
      'shipwright commit -t fix -s auth -m "refresh expired tokens" --closes 42 --yes',
    ],
    options: {
      type: { type: 'string', short: 't' },
      scope: { type: 'string', short: 's' },
      message: { type: 'string', short: 'm' },
      body: { type: 'string' },
      breaking: { type: 'string' },
      closes: { type: 'string', multiple: true },
      yes: { type: 'boolean', short: 'y' },
      'dry-run': { type: 'boolean' },
    },
  },
  async run({ io, cwd, args, argv }) {
    const repo = await openRepo(cwd);
    const type = stringFlag(args, 'type');
    const subject = stringFlag(args, 'message');
    if (!type || !subject) {
      if (drawsScreens(io)) {
        const { openTui } = await loadTui();
        return openTui(repo, { screen: 'commit', color: io.color });
      }
      throw usageError(
        `A commit needs at least a type and a subject (${io.interactive ? 'TERM=dumb cannot draw' : 'there is no terminal for'} the composer).`,
        'shipwright commit -t feat -m "add export" --yes',
      );
    }
    const draft: CommitDraft = {
      ...emptyDraft(),
      type,
      subject,
      scope: stringFlag(args, 'scope') ?? '',
      body: stringFlag(args, 'body') ?? '',
      breaking: stringFlag(args, 'breaking') ?? '',
      closes: closesFlag(args.values.closes),
    };
    const planned = await planCommit(repo, draft);
    if (!planned.report.valid) {
      const text = formatSingleVerdict(planned.report, io.color);
      io.stderr(`${text.problems}${text.footer}`);
      throw checkFailed(text.summary, {
        code: 'invalid-commit-message',
        fix: 'change the flags above and run it again',
      });
    }
    io.stdout(`${planned.message.replace(/^/gm, '  │ ')}\n`);
    const applied = await runPlan(io, planned.plan, {
      root: repo.cwd,
      yes: booleanFlag(args, 'yes'),
      dryRun: booleanFlag(args, 'dry-run'),
      commandLine: shellCommand(['shipwright', ...argv]),
    });
    if (applied) io.stdout('\nCommitted.\n');
    return 0;
  },
};
