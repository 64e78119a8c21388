// `shipwright init`: hooks, commit rules, lint-staged tasks, branch model and CI templates.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { openRepo } from '../../app/open-repo.js';
import { prepareInit, readInitWorkflow } from '../../app/prepare-init.js';
import { usageError } from '../../core/errors.js';
import { describeBranchModel } from '../../core/display-text/status-words.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, stringFlag } from '../flags.js';
import { choose } from '../prompt.js';
import { runPlan } from '../run-plan.js';

export const command: CommandModule = {
  spec: {
    name: 'init',
    summary: 'set up hooks, commit rules, lint-staged tasks, the branch model and CI templates',
    usage: '[--yes] [--dry-run] [--ci github] [--no-install] [--workflow gitflow|trunk] [--force]',
    flags: [
      ['--yes', 'apply without asking (needed without a terminal)'],
      ['--dry-run', 'show the plan; write nothing'],
      ['--ci github', 'also write GitHub Actions workflows and PR/issue templates'],
      ['--no-install', 'do not run the package manager (run it yourself before committing)'],
      [
        '--workflow NAME',
        'gitflow (feature → integration → release → production branch) or trunk (feature → production branch)',
      ],
      [
        '--force',
        'replace existing files that differ from shipwright’s versions; hooks are still adopted line by line, and uncommitted core.hooksPath hooks it drops are listed in the plan',
      ],
    ],
    examples: ['shipwright init', 'shipwright init --yes --ci github', 'shipwright init --dry-run'],
    options: {
      yes: { type: 'boolean', short: 'y' },
      'dry-run': { type: 'boolean' },
      ci: { type: 'string' },
      'no-install': { type: 'boolean' },
      workflow: { type: 'string' },
      force: { type: 'boolean' },
    },
  },
  async run({ io, cwd, args, argv }) {
    const ci = stringFlag(args, 'ci');
    if (ci !== undefined && ci !== 'github')
      throw usageError(`--ci supports only github for now; got '${ci}'.`, 'shipwright init --ci github');
    const workflowFlag = stringFlag(args, 'workflow');
    if (workflowFlag !== undefined && workflowFlag !== 'gitflow' && workflowFlag !== 'trunk') {
      throw usageError(
        `--workflow must be gitflow or trunk; got '${workflowFlag}'.`,
        'shipwright init --workflow trunk',
      );
    }
    const yes = booleanFlag(args, 'yes');
    const dryRun = booleanFlag(args, 'dry-run');
    const repo = await openRepo(cwd);

    const suggested = await readInitWorkflow(repo, workflowFlag);
    let workflow = suggested.workflow;
    if (!suggested.chosen && io.interactive && !yes && !dryRun) {
      const { branches } = repo.loaded.config;
      io.stdout(
        `Branch model: ${describeBranchModel('gitflow', branches)}; ${describeBranchModel('trunk', branches)}.\n`,
      );
      workflow = await choose('Which branch model does this repository use?', ['gitflow', 'trunk'] as const, workflow);
    }
    const { plan, packageDir } = await prepareInit(repo, {
      workflow,
      ci: ci === 'github' ? 'github' : null,
      install: !booleanFlag(args, 'no-install'),
      force: booleanFlag(args, 'force'),
      cwd,
    });

    if (plan.steps.length === 0 && !dryRun) {
      io.stdout(
        `${plan.notes?.length ? `${plan.notes.map((n) => `· ${n}`).join('\n')}\n` : ''}shipwright is already set up here: nothing to do.\n`,
      );
      return 0;
    }
    const applied = await runPlan(io, plan, {
      root: repo.cwd,
      yes,
      dryRun,
      commandLine: shellCommand(['shipwright', ...argv]),
    });
    if (applied) {
      const turnOn =
        packageDir === null
          ? ' Each clone turns the hooks on once with `npx --yes husky` (no package.json runs it on install).'
          : '';
      io.stdout(
        `\nDone. Every commit now checks its message and staged files; \`shipwright doctor\` verifies the setup.${turnOn}\n`,
      );
    }
    return 0;
  },
};
