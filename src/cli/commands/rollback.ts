// `shipwright rollback [TAG]`: redeploy an earlier release tag through the production workflow.
import { runGh } from '../../app/gh-cli.js';
import { openRepo, type OpenRepo } from '../../app/open-repo.js';
import { prepareRevertRollback, prepareRollback, type PreparedRollback } from '../../app/prepare-rollback.js';
import { environmentError, usageError } from '../../core/errors.js';
import { quoteShellWord, shellCommand } from '../../core/display-text/shell-words.js';
import { describeAction, type RedeployAction } from '../../core/rollback/redeploy-action.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, printJson } from '../flags.js';
import { formatRollback, rollbackJson } from '../format-rollback.js';
import type { CliIo } from '../../output/io.js';
import { confirm } from '../prompt.js';
import { runPlan, runPlanJson } from '../run-plan.js';
import { EXIT_CODES } from '../../output/report-error.js';
import { plural } from '../../core/display-text/plural.js';

type GhAction = Extract<RedeployAction, { kind: 'gh' }>;

const ghFailed = (action: GhAction, tagInput: string, exitCode: number) =>
  environmentError(
    `\`${describeAction(action)}\` failed with exit code ${exitCode} (gh's own message is above); nothing was redeployed.`,
    {
      code: 'redeploy-failed',
      fix: `check that ${action.workflow} is on the default branch and has a workflow_dispatch input "${tagInput}" (deploy.workflow and deploy.tagInput in shipwright.config.json), then run the command again`,
    },
  );

async function startWorkflow(
  io: CliIo,
  root: string,
  prepared: PreparedRollback,
  action: GhAction,
  json: boolean,
): Promise<number> {
  // A gh action is only planned when gh was found on PATH and logged in.
  const path = prepared.gh.path as string;
  // In --json mode stdout carries the one JSON object, so gh's output goes to stderr.
  return runGh(path, action.argv.slice(1), {
    cwd: root,
    env: io.env,
    onStdout: json ? io.stderr : io.stdout,
    onStderr: io.stderr,
  });
}

async function runJson(
  io: CliIo,
  root: string,
  prepared: PreparedRollback,
  options: { dryRun: boolean; yes: boolean; commandLine: string; tagInput: string },
): Promise<number> {
  const { action } = prepared.plan;
  if (options.dryRun || action.kind === 'manual') {
    printJson(io.stdout, rollbackJson(prepared, { dryRun: options.dryRun, ran: false, exitCode: null }));
    return 0;
  }
  if (!options.yes)
    throw usageError(
      '--json runs without asking, so starting the deploy needs --yes (or --dry-run to only see the plan).',
      `${options.commandLine} --yes`,
    );
  const exitCode = await startWorkflow(io, root, prepared, action, true);
  printJson(io.stdout, rollbackJson(prepared, { dryRun: false, ran: true, exitCode }));
  if (exitCode === 0) return 0;
  const error = ghFailed(action, options.tagInput, exitCode);
  io.stderr(`shipwright: ${error.message}\n  fix: ${error.fix}\n`);
  return EXIT_CODES.environment;
}

async function confirmed(
  io: CliIo,
  prepared: PreparedRollback,
  options: { yes: boolean; commandLine: string },
): Promise<boolean> {
  if (options.yes) return true;
  if (!io.interactive) {
    throw usageError(
      'Starting the production deploy needs a confirmation, but there is no terminal to ask on.',
      `${options.commandLine} --yes   (or --dry-run to only see the plan)`,
    );
  }
  return confirm(`\nRedeploy ${prepared.plan.target.name} to production now?`, false);
}

interface RevertOptions {
  requested: string | null;
  includePrereleases: boolean;
  json: boolean;
  dryRun: boolean;
  yes: boolean;
  commandLine: string;
}

/** `--revert`: the reverts land on a new hotfix branch; `hotfix finish` ships them as a patch release. */
async function revert(io: CliIo, repo: OpenRepo, options: RevertOptions): Promise<number> {
  const prepared = await prepareRevertRollback(repo, {
    requested: options.requested,
    includePrereleases: options.includePrereleases,
  });
  const summary = { branch: prepared.branch, target: prepared.target, reverted: prepared.reverted };
  if (options.json)
    return runPlanJson(io, prepared.plan, {
      root: repo.cwd,
      dryRun: options.dryRun,
      yes: options.yes,
      commandLine: options.commandLine,
      summary,
    });
  if (
    await runPlan(io, prepared.plan, {
      root: repo.cwd,
      yes: options.yes,
      dryRun: options.dryRun,
      commandLine: options.commandLine,
    })
  ) {
    io.stdout(
      `\nOn ${prepared.branch}: ${plural(prepared.reverted, 'revert')} bringing the code back to ${prepared.target}. Test it, then ship it: shipwright hotfix finish\n`,
    );
  }
  return 0;
}

export const command: CommandModule = {
  spec: {
    name: 'rollback',
    summary: 'redeploy an earlier release tag through the production workflow (gh), or print the command',
    usage: '[TAG] [--prereleases] [--dry-run] [--yes] [--json]',
    flags: [
      ['TAG', 'the release to redeploy, e.g. v1.3.0 or 1.3.0 (default: the release before the newest)'],
      ['--prereleases', 'count prerelease tags as releases (when production runs them)'],
      ['--dry-run', 'show the releases and the plan; start nothing'],
      ['--yes', 'start the deploy without asking (needed without a terminal)'],
      ['--json', 'print one JSON object: the plan, ran, gh’s exit code'],
      ['--revert', 'instead: start a hotfix from the production tag that reverts what the releases after TAG brought'],
    ],
    examples: [
      'shipwright rollback --dry-run          # list releases; plan going back to the previous one',
      'shipwright rollback v1.3.0 --yes       # gh workflow run deploy-production.yml -f tag=v1.3.0',
      'shipwright rollback --dry-run --json | jq .rolledBack',
      'shipwright rollback v1.3.0 --revert --yes   # hotfix/1.4.1-rollback with the reverts; then: shipwright hotfix finish',
    ],
    options: {
      prereleases: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      json: { type: 'boolean' },
      revert: { type: 'boolean' },
    },
    allowPositionals: true,
  },
  async run({ io, cwd, args, argv }) {
    if (args.positionals.length > 1)
      throw usageError(`rollback takes one TAG; got ${args.positionals.join(' ')}.`, 'e.g. shipwright rollback v1.3.0');
    const dryRun = booleanFlag(args, 'dry-run');
    const yes = booleanFlag(args, 'yes');
    const commandLine = shellCommand(['shipwright', ...argv]);
    const repo = await openRepo(cwd);
    if (booleanFlag(args, 'revert'))
      return revert(io, repo, {
        requested: args.positionals[0] ?? null,
        includePrereleases: booleanFlag(args, 'prereleases'),
        json: booleanFlag(args, 'json'),
        dryRun,
        yes,
        commandLine,
      });
    const { tagInput } = repo.loaded.config.deploy;
    const prepared = await prepareRollback(repo, {
      requested: args.positionals[0] ?? null,
      includePrereleases: booleanFlag(args, 'prereleases'),
      env: io.env,
    });
    if (booleanFlag(args, 'json')) return runJson(io, repo.cwd, prepared, { dryRun, yes, commandLine, tagInput });

    io.stdout(formatRollback(prepared));
    const { plan } = prepared;
    if (dryRun) {
      io.stdout('\nDry run: nothing was started.\n');
      return 0;
    }
    if (plan.action.kind === 'manual') return 0;
    if (!(await confirmed(io, prepared, { yes, commandLine }))) {
      io.stdout(`Nothing was started. To redeploy later: ${describeAction(plan.action)}\n`);
      return 0;
    }
    io.stdout('\n');
    const exitCode = await startWorkflow(io, repo.cwd, prepared, plan.action, false);
    if (exitCode !== 0) throw ghFailed(plan.action, tagInput, exitCode);
    const { workflow } = plan.action;
    io.stdout(
      `\nStarted ${workflow} for ${plan.target.name}. Production runs ${plan.current.name} until that run succeeds.\n` +
        `Watch it: gh run list --workflow ${quoteShellWord(workflow)}   (then gh run watch)\n`,
    );
    return 0;
  },
};
