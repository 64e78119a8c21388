// `shipwright release [start|finish]`: the trunk release, or gitflow's release branch — bump,
// changelog, commit, merges, annotated tag, atomic push; all or nothing (or paused on a conflict).
import { shellCommand } from '../../core/display-text/shell-words.js';
import { openRepo, today } from '../../app/open-repo.js';
import { prepareRelease, type PreparedRelease, type ReleaseMode } from '../../app/prepare-release.js';
import { usageError } from '../../core/errors.js';
import { describePlan } from '../../core/plan/plan.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, bumpFlag, preidFlag, stringFlag, PUSHING_PLAN_OPTIONS } from '../flags.js';
import { openScreen, typedAlone } from '../open-screen.js';
import semver from 'semver';
import { afterPush } from '../after-push.js';
import { answerConfirmations, CHECKLIST_FLAGS, CHECKLIST_OPTIONS } from '../release-checklist.js';
import { runPlan, runPlanJson } from '../run-plan.js';
import { isMonorepoAt, PACKAGE_FLAG_HELP, PACKAGE_OPTION, runPackagesRelease } from '../packages-commands.js';

const summary = (release: PreparedRelease) => ({
  flow: release.flow,
  version: release.version,
  tag: release.tag,
  branch: release.branch,
  remote: release.remote,
  pushed: release.pushed,
});

function parseMode(positionals: readonly string[]): ReleaseMode {
  const [word, ...extra] = positionals;
  if (extra.length > 0 || (word !== undefined && word !== 'start' && word !== 'finish')) {
    throw usageError(
      `release takes 'start' or 'finish' (gitflow) or nothing; got '${positionals.join(' ')}'.`,
      'shipwright release --help',
    );
  }
  return word ?? 'auto';
}

function doneLine(release: PreparedRelease): string {
  const where = release.pushed ? ` and pushed to ${release.remote}` : ' locally (not pushed)';
  if (release.flow === 'start')
    return `Started ${release.tag} on a new release branch${where}. Stabilise it there, then: shipwright release finish`;
  return `Released ${release.tag}${release.pushed ? `: ${release.flow === 'finish' ? 'branches' : release.branch} and ${release.tag} pushed to ${release.remote}` : ' locally (not pushed)'}.`;
}

export const command: CommandModule = {
  spec: {
    name: 'release',
    summary: 'release: bump, changelog, commit, tag, merges, push — all or nothing',
    usage:
      '[start|finish] [--bump major|minor|patch] [--preid ID] [--release-as X.Y.Z] [--first-release] [--keep-branch] [--confirm NAME]... [--github-release] [--publish] [--dry-run] [--no-push] [--yes] [--json] [--package NAME]...',
    flags: [
      ['start', 'gitflow: cut release/X.Y.Z from the integration branch with the version bumped'],
      ['finish', 'gitflow: changelog on release/X.Y.Z, merge into production, tag, merge back, delete it, push'],
      ['--bump LEVEL', 'force the bump instead of deriving it from the commits'],
      ['--preid ID', 'a prerelease such as 1.4.0-rc.0 (with start: tag the new branch for testing)'],
      ['--release-as VERSION', 'this exact version (above the current release), e.g. 2.0.0 or 2.0.0-beta.1'],
      ['--keep-branch', 'finish: keep the release branch (local and remote)'],
      ['--first-release', 'no release tag yet: tag the version package.json declares (or firstVersion) without a bump'],
      ['--dry-run', 'print the plan; write nothing'],
      ['--no-push', 'commit, merge and tag locally only'],
      ['--yes', 'do not ask (needed without a terminal); confirms every checklist item'],
      ...CHECKLIST_FLAGS,
      [
        '--github-release',
        'after the push: gh release create TAG with the notes (or print the command); config githubRelease',
      ],
      ['--publish', 'after the push: npm publish, a prerelease under its id (rc, beta) else latest; config publish'],
      ['--json', 'JSON lines: the plan, each engine event, then the result'],
      PACKAGE_FLAG_HELP,
    ],
    examples: [
      'shipwright release --dry-run',
      "shipwright release --yes --confirm 'migrations tested'",
      'shipwright release --yes',
      'shipwright release start --preid rc',
      'shipwright release finish --yes --json',
    ],
    allowPositionals: true,
    options: {
      bump: { type: 'string' },
      preid: { type: 'string' },
      'release-as': { type: 'string' },
      'keep-branch': { type: 'boolean' },
      'first-release': { type: 'boolean' },
      ...CHECKLIST_OPTIONS,
      'github-release': { type: 'boolean' },
      publish: { type: 'boolean' },
      ...PUSHING_PLAN_OPTIONS,
      ...PACKAGE_OPTION,
    },
  },
  async run(context) {
    const { io, cwd, args, argv } = context;
    // `shipwright release` alone on a terminal is the wizard (its preflight reports an interrupted
    // run itself); any argument or release flag keeps the plain command.
    // In a monorepo the wizard (one version) does not apply yet: the plain command shows every
    // package's release and the plan, and asks before running it.
    if (typedAlone(context, command.spec) && !(await isMonorepoAt(cwd))) return openScreen(context, 'release');
    const mode = parseMode(args.positionals);
    const bump = bumpFlag(args);
    const preid = preidFlag(args);
    const exactVersion = stringFlag(args, 'release-as');
    const firstRelease = booleanFlag(args, 'first-release');
    if (firstRelease && (bump || exactVersion !== undefined))
      throw usageError(
        '--first-release keeps the version package.json declares, so it does not go with --bump or --release-as.',
        'shipwright release --first-release --yes',
      );
    if (exactVersion !== undefined && (bump || preid))
      throw usageError(
        '--release-as names the whole version, so it does not go with --bump or --preid.',
        'shipwright release --release-as 2.0.0-rc.0',
      );
    const dryRun = booleanFlag(args, 'dry-run');
    const yes = booleanFlag(args, 'yes');
    const commandLine = shellCommand(['shipwright', ...argv]);
    const repo = await openRepo(cwd, { refusePendingRun: true });
    const packages = await runPackagesRelease(context, repo, { mode, bump, preid, exactVersion, firstRelease });
    if (packages !== null) return packages;
    const release = await prepareRelease(repo, {
      mode,
      push: !booleanFlag(args, 'no-push'),
      keepBranch: booleanFlag(args, 'keep-branch'),
      day: today(io.env),
      ...(bump ? { bump } : {}),
      ...(preid ? { preid } : {}),
      ...(exactVersion !== undefined ? { exactVersion } : {}),
      ...(firstRelease ? { firstRelease } : {}),
    });

    const json = booleanFlag(args, 'json');
    const beforeApply = () => answerConfirmations(io, release.checklist, args, commandLine);
    const tagged = release.plan.steps.some((step) => step.kind === 'tag');
    const after = () =>
      afterPush(io, {
        cwd: repo.cwd,
        tag: release.tag,
        version: release.version,
        notes: release.releaseNotes,
        prerelease: semver.prerelease(release.version) !== null,
        pushed: release.pushed,
        json,
        checklist: release.checklist,
        // A release start without a prerelease tag has nothing to host.
        githubRelease: tagged && (booleanFlag(args, 'github-release') || repo.loaded.config.githubRelease),
        publish:
          tagged && (booleanFlag(args, 'publish') || repo.loaded.config.publish)
            ? { private: repo.packageJson?.private === true }
            : null,
      });
    if (json) {
      const code = await runPlanJson(io, release.plan, {
        root: repo.cwd,
        dryRun,
        yes,
        commandLine,
        summary: summary(release),
        beforeApply,
      });
      return dryRun ? code : Math.max(code, await after());
    }
    if (dryRun) {
      const tagMessage = release.tagMessage ? `\n--- tag message ---\n${release.tagMessage}` : '';
      io.stdout(`${describePlan(release.plan)}\n${tagMessage}\nDry run: nothing was written.\n`);
      return 0;
    }
    const applied = await runPlan(io, release.plan, { root: repo.cwd, yes, dryRun: false, commandLine, beforeApply });
    if (!applied) return 0;
    io.stdout(`\n${doneLine(release)}\n`);
    return after();
  },
};
