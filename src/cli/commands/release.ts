// `shipwright release`: the trunk release — bump, changelog, commit, annotated tag, atomic push.
import { openRepo, today } from '../../app/open-repo.js';
import { prepareRelease, type PreparedRelease } from '../../app/prepare-release.js';
import { usageError } from '../../core/errors.js';
import { describePlan } from '../../core/plan/plan.js';
import type { CommandModule } from '../command.js';
import type { CliIo } from '../io.js';
import { booleanFlag, bumpFlag, preidFlag } from '../flags.js';
import { runPlan } from '../run-plan.js';

const jsonLine = (io: CliIo, value: unknown): void => io.stdout(`${JSON.stringify(value)}\n`);

const summary = (release: PreparedRelease) => ({ version: release.version, tag: release.tag, branch: release.branch, remote: release.pushed ? release.remote : null, pushed: release.pushed });

async function runJson(io: CliIo, root: string, release: PreparedRelease, options: { dryRun: boolean; yes: boolean; commandLine: string }): Promise<number> {
  jsonLine(io, { type: 'plan', plan: release.plan, ...summary(release) });
  if (options.dryRun) {
    jsonLine(io, { type: 'result', ok: true, dryRun: true, ...summary(release), pushed: false });
    return 0;
  }
  if (!options.yes) throw usageError('--json runs without asking, so it needs --yes (or --dry-run to only see the plan).', `${options.commandLine} --yes`);
  const { executePlan } = await import('../../engine/execute-plan.js');
  await executePlan(root, release.plan, {
    command: options.commandLine,
    env: io.env,
    onOutput: (text) => io.stderr(text),
    onEvent: (event) => jsonLine(io, 'step' in event ? { ...event, step: { kind: event.step.kind, description: event.step.description } } : event),
  });
  jsonLine(io, { type: 'result', ok: true, dryRun: false, ...summary(release) });
  return 0;
}

export const command: CommandModule = {
  spec: {
    name: 'release',
    summary: 'bump, changelog, commit, annotated tag, push — all or nothing',
    usage: '[--bump major|minor|patch] [--preid ID] [--dry-run] [--no-push] [--yes] [--json]',
    flags: [
      ['--bump LEVEL', 'force the bump instead of deriving it from the commits'],
      ['--preid ID', 'a prerelease such as 1.4.0-rc.0'],
      ['--dry-run', 'print the plan; write nothing'],
      ['--no-push', 'commit and tag locally only'],
      ['--yes', 'do not ask (needed without a terminal)'],
      ['--json', 'JSON lines: the plan, each engine event, then the result'],
    ],
    examples: ['shipwright release --dry-run', 'shipwright release --yes', 'shipwright release --bump minor --preid rc --no-push'],
    options: {
      bump: { type: 'string' },
      preid: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'no-push': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      json: { type: 'boolean' },
    },
  },
  async run({ io, cwd, args, argv }) {
    const bump = bumpFlag(args);
    const preid = preidFlag(args);
    const dryRun = booleanFlag(args, 'dry-run');
    const yes = booleanFlag(args, 'yes');
    const commandLine = ['shipwright', ...argv].join(' ');
    const repo = await openRepo(cwd);
    const release = await prepareRelease(repo, { push: !booleanFlag(args, 'no-push'), day: today(io.env), ...(bump ? { bump } : {}), ...(preid ? { preid } : {}) });

    if (booleanFlag(args, 'json')) return runJson(io, repo.cwd, release, { dryRun, yes, commandLine });
    if (dryRun) {
      io.stdout(`${describePlan(release.plan)}\n\n--- tag message ---\n${release.tagMessage}\nDry run: nothing was written.\n`);
      return 0;
    }
    const applied = await runPlan(io, release.plan, { root: repo.cwd, yes, dryRun: false, commandLine });
    if (applied) {
      io.stdout(`\nReleased ${release.tag}${release.pushed ? `: ${release.branch} and ${release.tag} pushed to ${release.remote}` : ' locally (not pushed)'}.\n`);
    }
    return 0;
  },
};
