// `shipwright backport --list`: which fixes on the source branch each target branch still lacks;
// `shipwright backport SHA... --to BRANCH...`: cherry-pick them there, in private worktrees.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { openRepo } from '../../app/open-repo.js';
import { readBackportMatrix } from '../../app/read-backport-matrix.js';
import { usageError } from '../../core/errors.js';
import { prepareBackport, type PreparedBackport } from '../../app/prepare-backport.js';
import { describePlan } from '../../core/plan/plan.js';
import type { CommandContext, CommandModule } from '../command.js';
import { openScreen, typedAlone } from '../open-screen.js';
import { runPlan, runPlanJson } from '../run-plan.js';
import { booleanFlag, printJson, stringFlag, stringListFlag } from '../flags.js';
import { backportJson, formatBackportMatrix } from '../format-backport.js';

function summaryLines(backport: PreparedBackport): string {
  return backport.results
    .map((result) => {
      const present = result.present.length > 0 ? `, ${result.present.length} already there` : '';
      const where =
        result.resultBranch === result.target ? result.target : `${result.resultBranch} (from ${result.target})`;
      return `${where}: ${result.picked.length} picked${present}.`;
    })
    .join('\n');
}

/** `--package NAME`, once: a package's maintenance lines (`NAME@1.x`). */
function onePackage(args: CommandContext['args']): string | undefined {
  const [name, ...more] = stringListFlag(args, 'package');
  if (more.length > 0)
    throw usageError(
      `backport takes one --package; got ${[name, ...more].join(', ')}.`,
      `shipwright backport --list --package ${name ?? 'NAME'}`,
    );
  return name;
}

/** `backport SHA... --to BRANCH...`: plan, confirm (or --yes), run in private worktrees. */
async function pick({ io, cwd, args, argv }: CommandContext): Promise<number> {
  const commandLine = shellCommand(['shipwright', ...argv]);
  const dryRun = booleanFlag(args, 'dry-run');
  const yes = booleanFlag(args, 'yes');
  if (
    stringFlag(args, 'from') !== undefined ||
    stringFlag(args, 'since') !== undefined ||
    stringListFlag(args, 'type').length > 0
  ) {
    throw usageError(
      '--from, --since and --type belong to --list; to pick, name the commits.',
      'shipwright backport SHA... --to BRANCH   (or shipwright backport --list --from BRANCH)',
    );
  }
  const repo = await openRepo(cwd, { refusePendingRun: true });
  const pkg = onePackage(args);
  const backport = await prepareBackport(repo, {
    commits: args.positionals,
    targets: stringListFlag(args, 'to'),
    ...(pkg !== undefined ? { package: pkg } : {}),
  });
  const summary = { commits: backport.commits.map((commit) => commit.hash), results: backport.results };
  if (booleanFlag(args, 'json'))
    return runPlanJson(io, backport.plan, { root: repo.cwd, dryRun, yes, commandLine, summary });
  if (backport.plan.steps.length === 0) {
    io.stdout(`${describePlan(backport.plan)}\n\nNothing to pick: every commit is already on every target.\n`);
    return 0;
  }
  if (await runPlan(io, backport.plan, { root: repo.cwd, yes, dryRun, commandLine }))
    io.stdout(`\n${summaryLines(backport)}\nNothing was pushed; your working tree was not touched.\n`);
  return 0;
}

export const command: CommandModule = {
  spec: {
    name: 'backport',
    summary: 'cherry-pick fixes onto other branches (never touching your working tree), or --list what is missing',
    usage:
      'SHA... --to BRANCH... [--package NAME] [--dry-run] [--yes] [--json]\n       shipwright backport --list [--from BRANCH] [--to BRANCH]... [--package NAME] [--since TAG] [--type TYPE]... [--json]',
    flags: [
      ['(alone)', 'on a terminal: the matrix screen, where cells are marked and backported'],
      ['--list', 'the matrix: each fix on the source, ✓ where a target has it, · where it is missing'],
      ['--from BRANCH', 'the source of fixes (default: the production branch)'],
      [
        '--to BRANCH',
        'a target branch, local or only on origin (15.x or origin/15.x: the backport creates the local branch); repeat for more (default: the integration branch, release/* and maintenance lines such as 1.x, 1.4.x or v6, local or on origin)',
      ],
      [
        '--package NAME',
        "monorepo: that package's maintenance lines (NAME@1.x or NAME/1.x) are the default targets, --to 1.x names NAME@1.x, and --list shows only the fixes that change its folder",
      ],
      ['--since TAG', 'with --list: only the commits the source made after TAG'],
      ['--type TYPE', 'commit types to list; repeat for more (default: fix, perf, revert)'],
      [
        '--json',
        'print {source, targets, types, rows: [{sha, shortSha, type, scope, subject, present: {BRANCH: true|false}}]}',
      ],
      [
        'SHA...',
        'cherry-pick these commits (-x; a merge against its first parent) onto every --to branch, in a private worktree',
      ],
      ['--dry-run', 'show the plan only: what would be picked where, and what is already there'],
      ['--yes', 'do not ask (needed without a terminal)'],
    ],
    examples: [
      'shipwright backport 1a2b3c4 --to dev --to release/1.4',
      'shipwright backport 1a2b3c4 --to 1.x --dry-run',
      'shipwright backport --list',
      "shipwright backport --list --to 1.x --json | jq -r '.rows[].sha'",
      'shipwright backport --list --from release/2.0 --to 1.x --type fix --type feat',
      'shipwright backport --list --to origin/15.x --since v15.0.0',
      'shipwright backport --list --package @acme/core',
    ],
    options: {
      list: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string', multiple: true },
      since: { type: 'string' },
      type: { type: 'string', multiple: true },
      package: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
    },
    allowPositionals: true,
  },
  async run(context) {
    // Alone on a terminal: the matrix screen, where cells are picked and backported.
    if (typedAlone(context, command.spec)) return openScreen(context, 'backport');
    const { io, cwd, args } = context;
    if (!booleanFlag(args, 'list')) return pick(context);
    if (args.positionals.length > 0) {
      throw usageError(
        `--list takes no commits; got ${args.positionals.join(' ')}.`,
        'run `shipwright backport --list`, with --from / --to to choose the branches',
      );
    }
    const types = stringListFlag(args, 'type').map((type) => type.trim().toLowerCase());
    const badType = types.find((type) => !/^[a-z][a-z0-9-]*$/.test(type));
    if (badType !== undefined)
      throw usageError(
        `--type takes a commit type such as fix or perf; got '${badType}'.`,
        'e.g. shipwright backport --list --type fix --type perf',
      );
    const repo = await openRepo(cwd);
    const report = await readBackportMatrix(repo, {
      from: stringFlag(args, 'from'),
      to: stringListFlag(args, 'to'),
      since: stringFlag(args, 'since'),
      package: onePackage(args),
      ...(types.length > 0 ? { types } : {}),
    });
    if (booleanFlag(args, 'json')) printJson(io.stdout, backportJson(report));
    else io.stdout(formatBackportMatrix(report));
    return 0;
  },
};
