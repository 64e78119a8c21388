// The monorepo side of `version`, `status` and `changelog`: every package with a pending release,
// or the ones named with --package. The commands call in here once a workspace is found.
import { shellCommand } from '../core/display-text/shell-words.js';
import { openRepo, today, type OpenRepo } from '../app/open-repo.js';
import { preparePackagesChangelogUpdate, renderPackageSections } from '../app/package-changelogs.js';
import { readPackagesPlan, type PackagesPlan } from '../app/read-packages-plan.js';
import { selectPackages } from '../app/read-packages-state.js';
import { readWorkspace } from '../app/read-workspace.js';
import type { PresetName } from '../core/conventional-commits/parser-options.js';
import { preparePackagesRelease } from '../app/prepare-packages-release.js';
import type { ReleaseMode } from '../app/release-flow.js';
import { checkFailed, usageError } from '../core/errors.js';
import { answerConfirmations, runAfterItems } from './release-checklist.js';
import { applyPlan, runPlan, runPlanJson } from './run-plan.js';
import { describePlan } from '../core/plan/plan.js';
import type { Bump } from '../core/version/bump-rules.js';
import type { CommandContext } from './command.js';
import { booleanFlag, printJson, stringListFlag } from './flags.js';
import { formatPackages, packagesJson } from './format-packages.js';
import { plural } from '../core/display-text/plural.js';

export { PACKAGE_FLAG_HELP, PACKAGE_OPTION } from './package-flag.js';

/**
 * The plan when the repository is a monorepo, else null (the single-package path goes on); a
 * --package naming something else than the one package is refused either way.
 */
export async function monorepoPlan(
  repo: OpenRepo,
  context: CommandContext,
  options: { bump?: Bump; preid?: string; firstRelease?: boolean } = {},
): Promise<PackagesPlan | null> {
  const names = stringListFlag(context.args, 'package');
  const workspace = await readWorkspace(repo);
  if (workspace.source === 'single') {
    selectPackages(workspace, names);
    return null;
  }
  return readPackagesPlan(repo, { packages: names, ...options });
}

const nothingToRelease = (plan: PackagesPlan) =>
  checkFailed(
    `No package has anything to release: ${plan.state.selected.length === plan.state.releases.length ? 'none of the' : 'none of the named'} ${plural(plan.state.selected.length, 'package')} has a fix, a feature or a breaking change since its last release.`,
    {
      code: 'nothing-to-release',
      fix: 'commit a fix or feature in a package folder, or force one: shipwright version --package NAME --bump patch',
    },
  );

export function printPackagesVersion({ io, args }: CommandContext, plan: PackagesPlan): number {
  if (booleanFlag(args, 'json')) {
    printJson(io.stdout, packagesJson(plan));
    return plan.versions.packages.length > 0 || booleanFlag(args, 'current') ? 0 : 1;
  }
  if (booleanFlag(args, 'current')) {
    for (const release of plan.state.releases.filter((candidate) => plan.state.selected.includes(candidate.pkg.name)))
      io.stdout(`${release.pkg.name} ${release.next.current?.version ?? release.pkg.version ?? 'unreleased'}\n`);
    return 0;
  }
  if (plan.versions.packages.length === 0) throw nothingToRelease(plan);
  // One package named: just its version, as `shipwright version` prints it for a single package
  // (its dependents that would follow are in --json).
  const named = stringListFlag(args, 'package');
  const only = named.length === 1 ? plan.versions.packages.find((planned) => planned.name === named[0]) : undefined;
  if (named.length === 1 && !only) throw nothingToRelease(plan);
  if (only) io.stdout(`${only.version}\n`);
  else for (const planned of plan.versions.packages) io.stdout(`${planned.name} ${planned.version}\n`);
  return 0;
}

export async function writePackagesChangelog(
  context: CommandContext,
  repo: OpenRepo,
  plan: PackagesPlan,
  preset: PresetName | undefined,
): Promise<number> {
  const { io, args, argv } = context;
  if (booleanFlag(args, 'stdout')) {
    const sections = await renderPackageSections(repo, plan, { day: today(io.env), ...(preset ? { preset } : {}) });
    if (sections.length === 0) throw nothingToRelease(plan);
    const single = sections.length === 1 && plan.state.selected.length === 1;
    io.stdout(
      sections
        .map((section) => (single ? section.markdown : `# ${section.planned.name}\n\n${section.markdown}`))
        .join('\n'),
    );
    return 0;
  }
  const update = await preparePackagesChangelogUpdate(repo, plan, {
    day: today(io.env),
    ...(preset ? { preset } : {}),
  });
  if (update.sections.length === 0) {
    io.stdout('Every package changelog is up to date: nothing to release.\n');
    return 0;
  }
  if (update.plan === null) {
    io.stdout('Every package changelog is up to date.\n');
    return 0;
  }
  if (booleanFlag(args, 'dry-run')) {
    io.stdout(
      `${describePlan(update.plan)}\n\n--- would write these sections ---\n${update.sections.map((section) => section.markdown).join('\n')}`,
    );
    return 0;
  }
  await applyPlan(io, update.plan, {
    root: repo.cwd,
    commandLine: shellCommand(['shipwright', ...argv]),
    progress: 'quiet',
  });
  io.stdout(`Updated ${update.paths.join(', ')}.\n`);
  return 0;
}

/** Is the repository at `cwd` a workspace of several packages? (false when it cannot be opened: the caller reports that.) */
export async function isMonorepoAt(cwd: string): Promise<boolean> {
  const repo = await openRepo(cwd).catch(() => null);
  if (!repo) return false;
  const workspace = await readWorkspace(repo).catch(() => null);
  return workspace !== null && workspace.source !== 'single';
}

interface ReleaseFlags {
  mode: ReleaseMode;
  bump: Bump | undefined;
  preid: string | undefined;
  exactVersion: string | undefined;
  firstRelease: boolean;
}

/** `shipwright release` in a monorepo (null: not one, the single-package release goes on). */
export async function runPackagesRelease(
  context: CommandContext,
  repo: OpenRepo,
  flags: ReleaseFlags,
): Promise<number | null> {
  const { io, args, argv } = context;
  const names = stringListFlag(args, 'package');
  const workspace = await readWorkspace(repo);
  if (workspace.source === 'single') {
    selectPackages(workspace, names);
    return null;
  }
  if (flags.mode !== 'auto')
    throw usageError(
      `A monorepo is released package by package from the branch you are on; release ${flags.mode} (gitflow's release branch) is not supported for packages yet.`,
      'shipwright release --package NAME --dry-run',
    );
  if (flags.exactVersion !== undefined)
    throw usageError(
      '--release-as names one version, and a monorepo release has one per package.',
      'shipwright release --package NAME --bump major   (or --preid rc)',
    );
  const prepared = await preparePackagesRelease(repo, {
    packages: names,
    push: !booleanFlag(args, 'no-push'),
    day: today(io.env),
    ...(flags.bump ? { bump: flags.bump } : {}),
    ...(flags.preid ? { preid: flags.preid } : {}),
    ...(flags.firstRelease ? { firstRelease: true } : {}),
  });
  const dryRun = booleanFlag(args, 'dry-run');
  const yes = booleanFlag(args, 'yes');
  const commandLine = shellCommand(['shipwright', ...argv]);
  const tags = prepared.tags.map((tag) => tag.name);
  const summary = {
    flow: 'packages',
    packages: packagesJson(prepared.packagesPlan).packages,
    tags,
    branch: prepared.branch,
    remote: prepared.remote,
    pushed: prepared.pushed,
  };
  const json = booleanFlag(args, 'json');
  // The same checklist as a single release: confirmations before the first write, after items once pushed.
  const beforeApply = () => answerConfirmations(io, prepared.checklist, args, commandLine);
  const after = () =>
    runAfterItems(io, prepared.checklist, { cwd: repo.cwd, pushed: prepared.pushed, json, tag: tags.join(', ') });
  if (json) {
    const code = await runPlanJson(io, prepared.plan, {
      root: repo.cwd,
      dryRun,
      yes,
      commandLine,
      summary,
      beforeApply,
    });
    return dryRun ? code : Math.max(code, await after());
  }
  io.stdout(formatPackages(prepared.packagesPlan));
  if (dryRun) {
    const messages = prepared.tags.map((tag) => `--- tag ${tag.name} ---\n${tag.message}`).join('\n');
    io.stdout(`\n${describePlan(prepared.plan)}\n\n${messages}\nDry run: nothing was written.\n`);
    return 0;
  }
  const applied = await runPlan(io, prepared.plan, { root: repo.cwd, yes, dryRun: false, commandLine, beforeApply });
  if (!applied) return 0;
  io.stdout(
    `\nReleased ${tags.join(', ')}${prepared.pushed ? `: ${prepared.branch} and ${tags.length === 1 ? 'its tag' : `${tags.length} tags`} pushed to ${prepared.remote}` : ' locally (not pushed)'}.\n`,
  );
  return after();
}

/** The status report with its "Unreleased … Next version" block (the root as one package) swapped for the packages. */
export function replaceRootVersion(status: string, packages: string): string {
  const lines = status.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Unreleased on '));
  const end = lines.findIndex((line) => line.startsWith('Next version  '));
  if (start < 0 || end < start) return `${status}\n${packages}`;
  return [...lines.slice(0, start), ...packages.replace(/\n$/, '').split('\n'), ...lines.slice(end + 1)].join('\n');
}

export { formatPackages, packagesJson };
