// `shipwright hotfix start|finish`: branch a hotfix from the production tag; ship it as a patch
// release and bring the fix to the integration branch and every open release branch.
import { openRepo, today, type OpenRepo } from '../../app/open-repo.js';
import { packageOfHotfixBranch, packageView } from '../../app/package-view.js';
import { PACKAGE_OPTION } from '../packages-commands.js';
import { flagWords, shellCommand } from '../../core/display-text/shell-words.js';
import { prepareHotfixFinish, prepareHotfixStart, type PreparedHotfix } from '../../app/prepare-hotfix.js';
import { usageError } from '../../core/errors.js';
import { describePlan } from '../../core/plan/plan.js';
import type { CommandContext, CommandModule } from '../command.js';
import { booleanFlag, stringFlag, stringListFlag, PUSHING_PLAN_OPTIONS } from '../flags.js';
import { openScreen, typedAlone } from '../open-screen.js';
import { stripVersionHeading } from '../../app/release-notes.js';
import { afterPush } from '../after-push.js';
import { answerConfirmations, CHECKLIST_FLAGS, CHECKLIST_OPTIONS } from '../release-checklist.js';
import { runPlan, runPlanJson } from '../run-plan.js';

const finishSummary = (hotfix: PreparedHotfix) => ({
  version: hotfix.version,
  tag: hotfix.tag,
  branch: hotfix.branch,
  maintenance: hotfix.maintenance,
  targets: hotfix.targets,
  skipped: hotfix.skipped,
  remote: hotfix.remote,
  pushed: hotfix.pushed,
});

/**
 * `--package NAME` (or, to finish, a branch named after a package: `hotfix/@acme/core@1.2.1`): the
 * hotfix runs on that package's view, so its tags, CHANGELOG.md and package.json are the ones used.
 */
async function forPackage(repo: OpenRepo, args: CommandContext['args'], action: 'start' | 'finish'): Promise<OpenRepo> {
  const [named, ...more] = stringListFlag(args, 'package');
  if (more.length > 0)
    throw usageError(
      `A hotfix fixes one package; got --package ${[named, ...more].join(', --package ')}.`,
      `shipwright hotfix ${action} --package ${named ?? 'NAME'}`,
    );
  const fromBranch = action === 'finish' ? await packageOfHotfixBranch(repo, repo.state.branch) : null;
  if (named !== undefined && fromBranch !== null && named !== fromBranch)
    throw usageError(
      `${repo.state.branch ?? ''} is a hotfix of ${fromBranch}, not of ${named}.`,
      `shipwright hotfix finish --package ${fromBranch}   (or leave --package out)`,
    );
  const name = named ?? fromBranch;
  if (name === undefined || name === null) return repo;
  return (await packageView(repo, name)).repo;
}

async function start({ io, cwd, args, argv }: CommandContext, words: string[]): Promise<number> {
  if (words.length > 1)
    throw usageError(
      `hotfix start takes one NAME (words joined by '-'); got '${words.join(' ')}'.`,
      'shipwright hotfix start login-crash',
    );
  const from = stringFlag(args, 'from');
  const commandLine = shellCommand(['shipwright', ...argv]);
  const repo = await forPackage(await openRepo(cwd, { refusePendingRun: true }), args, 'start');
  const started = await prepareHotfixStart(repo, {
    ...(from ? { from } : {}),
    ...(words[0] ? { name: words[0] } : {}),
  });
  const dryRun = booleanFlag(args, 'dry-run');
  const yes = booleanFlag(args, 'yes');
  const summary = { branch: started.branch, version: started.version, base: started.base };
  if (booleanFlag(args, 'json'))
    return runPlanJson(io, started.plan, { root: repo.cwd, dryRun, yes, commandLine, summary });
  if (await runPlan(io, started.plan, { root: repo.cwd, yes, dryRun, commandLine })) {
    io.stdout(`\nOn ${started.branch} (from ${started.base}). Commit the fix here, then: shipwright hotfix finish\n`);
  }
  return 0;
}

function finishedLines(hotfix: PreparedHotfix): string {
  const reached = hotfix.targets.filter((target) => !hotfix.skipped.includes(target));
  const lines = [
    `Released ${hotfix.tag}${hotfix.maintenance ? ' (maintenance release)' : ''}${hotfix.pushed ? `, pushed to ${hotfix.remote}` : ' locally (not pushed)'}.`,
  ];
  if (reached.length > 0) lines.push(`The fix is on: ${reached.join(', ')}.`);
  for (const target of hotfix.skipped)
    lines.push(
      `Left for later: ${target} (shipwright backport --list ${flagWords('--to', target)} shows what it lacks).`,
    );
  return lines.join('\n');
}

async function finish({ io, cwd, args, argv }: CommandContext): Promise<number> {
  const commandLine = shellCommand(['shipwright', ...argv]);
  const dryRun = booleanFlag(args, 'dry-run');
  const yes = booleanFlag(args, 'yes');
  const repo = await forPackage(await openRepo(cwd, { refusePendingRun: true }), args, 'finish');
  const hotfix = await prepareHotfixFinish(repo, {
    push: !booleanFlag(args, 'no-push'),
    keepBranch: booleanFlag(args, 'keep-branch'),
    skip: stringListFlag(args, 'skip'),
    day: today(io.env),
  });
  const json = booleanFlag(args, 'json');
  const beforeApply = () => answerConfirmations(io, hotfix.checklist, args, commandLine);
  const after = () =>
    afterPush(io, {
      cwd: repo.cwd,
      tag: hotfix.tag,
      version: hotfix.version,
      notes: stripVersionHeading(hotfix.changelogSection),
      prerelease: false,
      pushed: hotfix.pushed,
      json,
      checklist: hotfix.checklist,
      githubRelease: booleanFlag(args, 'github-release') || repo.loaded.config.githubRelease,
      publish:
        booleanFlag(args, 'publish') || repo.loaded.config.publish
          ? { private: repo.packageJson?.private === true }
          : null,
    });
  if (json) {
    const code = await runPlanJson(io, hotfix.plan, {
      root: repo.cwd,
      dryRun,
      yes,
      commandLine,
      summary: finishSummary(hotfix),
      beforeApply,
    });
    return dryRun ? code : Math.max(code, await after());
  }
  if (dryRun) {
    io.stdout(
      `${describePlan(hotfix.plan)}\n\n--- tag message ---\n${hotfix.tagMessage}\nDry run: nothing was written.\n`,
    );
    return 0;
  }
  if (!(await runPlan(io, hotfix.plan, { root: repo.cwd, yes, dryRun: false, commandLine, beforeApply }))) return 0;
  io.stdout(`\n${finishedLines(hotfix)}\n`);
  return after();
}

export const command: CommandModule = {
  spec: {
    name: 'hotfix',
    summary:
      'start a hotfix from the production tag; finish it: patch release, fix brought to the integration branch and release/*',
    usage:
      'start [--package NAME] [--from TAG] [NAME] | finish [--package NAME] [--skip BRANCH]... [--keep-branch] [--confirm NAME]... [--github-release] [--publish] [--dry-run] [--no-push] [--yes] [--json]',
    flags: [
      ['(alone)', 'on a terminal: the hotfix wizard'],
      ['start', 'branch hotfix/X.Y.Z[-NAME] from the newest release tag (or --from TAG)'],
      [
        'finish',
        'release commit + tag on the hotfix line, merge into production, fix to the integration branch and release/*, push',
      ],
      ['--from TAG', 'start: the release to fix (an older one makes a maintenance release)'],
      [
        '--package NAME',
        'monorepo: the package to fix, from its NAME@X.Y.Z tag (branch hotfix/NAME@X.Y.Z+1); finish reads it from the branch',
      ],
      ['--skip BRANCH', 'finish: leave this target for later (repeatable)'],
      ['--keep-branch', 'finish: keep the hotfix branch'],
      ['--dry-run', 'print the plan; write nothing'],
      ['--no-push', 'finish: commit, merge and tag locally only'],
      ['--yes', 'do not ask (needed without a terminal); confirms every checklist item'],
      ...CHECKLIST_FLAGS,
      ['--github-release', 'finish, after the push: gh release create TAG with the notes (or print the command)'],
      ['--publish', 'finish, after the push: npm publish under the latest dist-tag'],
      ['--json', 'JSON lines: the plan, each engine event, then the result'],
    ],
    examples: [
      'shipwright hotfix start login-crash',
      'shipwright hotfix start --from v1.2.0',
      'shipwright hotfix start --package @acme/core login-crash',
      'shipwright hotfix finish --dry-run',
      'shipwright hotfix finish --yes --skip release/1.5.0',
    ],
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      ...PACKAGE_OPTION,
      skip: { type: 'string', multiple: true },
      'keep-branch': { type: 'boolean' },
      ...CHECKLIST_OPTIONS,
      'github-release': { type: 'boolean' },
      publish: { type: 'boolean' },
      ...PUSHING_PLAN_OPTIONS,
    },
  },
  async run(context) {
    // Alone on a terminal: the hotfix wizard (start, or finish on a hotfix branch).
    if (typedAlone(context, command.spec)) return openScreen(context, 'hotfix');
    const [action, ...words] = context.args.positionals;
    if (action === 'start') return start(context, words);
    if (action === 'finish' && words.length === 0) return finish(context);
    throw usageError(
      `hotfix takes 'start' or 'finish'; got '${context.args.positionals.join(' ') || 'nothing'}'.`,
      'shipwright hotfix start [NAME]   or   shipwright hotfix finish',
    );
  },
};
