// `shipwright branch [TYPE] [NAME]`: start a feature/fix/hotfix/release/... branch from its base.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { loadTui } from '../load-tui.js';
import { openRepo } from '../../app/open-repo.js';
import { listBranchTypes, planBranch } from '../../app/plan-branch.js';
import { usageError } from '../../core/errors.js';
import type { CommandModule } from '../command.js';
import { drawsScreens } from '../open-screen.js';
import { booleanFlag, stringFlag } from '../flags.js';
import { runPlan } from '../run-plan.js';

export const command: CommandModule = {
  spec: {
    name: 'branch',
    summary: 'start a feature/fix/hotfix/release branch from the configured base',
    usage: '[TYPE] [NAME…] [--issue N] [--from REF] [--yes] [--dry-run]',
    flags: [
      ['TYPE', 'a branch type from the config: feature, fix, chore, docs, release, hotfix, …'],
      ['NAME', 'words for the name; "Login form" becomes feature/login-form'],
      ['--issue N', 'put the issue number first: feature/42-login-form'],
      ['--from REF', 'start from REF instead of the type’s base'],
      ['--yes', 'create without asking (needed without a terminal)'],
      ['--dry-run', 'show the plan; create nothing'],
    ],
    examples: [
      'shipwright branch                      # wizard on a terminal',
      'shipwright branch feature login form --issue 42 --yes',
      'shipwright branch hotfix 1.4.1 --yes',
    ],
    options: {
      issue: { type: 'string' },
      from: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      'dry-run': { type: 'boolean' },
    },
    allowPositionals: true,
  },
  async run({ io, cwd, args, argv }) {
    const [type, ...words] = args.positionals;
    const repo = await openRepo(cwd);
    if (!type || words.length === 0) {
      if (drawsScreens(io)) {
        const { openTui } = await loadTui();
        return openTui(repo, { screen: 'branch', color: io.color, ...(type ? { branchType: type } : {}) });
      }
      const types = await listBranchTypes(repo);
      throw usageError(
        `Say which kind of branch and its name (${io.interactive ? 'TERM=dumb cannot draw the wizard' : 'there is no terminal to ask on'}).`,
        `shipwright branch TYPE NAME --yes   (types: ${types.map((t) => t.name).join(', ')})`,
      );
    }
    const issueText = stringFlag(args, 'issue');
    if (issueText !== undefined && !/^\d+$/.test(issueText))
      throw usageError(`--issue takes an issue number; got '${issueText}'.`, 'e.g. --issue 42');
    const from = stringFlag(args, 'from');
    const planned = await planBranch(repo, {
      type,
      name: words.join(' '),
      ...(issueText ? { issue: Number(issueText) } : {}),
      ...(from ? { from } : {}),
    });
    for (const warning of planned.warnings) io.stderr(`⚠ ${warning}\n`);
    const applied = await runPlan(io, planned.plan, {
      root: repo.cwd,
      yes: booleanFlag(args, 'yes'),
      dryRun: booleanFlag(args, 'dry-run'),
      commandLine: shellCommand(['shipwright', ...argv]),
    });
    if (applied) io.stdout(`\nOn ${planned.branch} (from ${planned.base}). Commit with: shipwright commit\n`);
    return 0;
  },
};
