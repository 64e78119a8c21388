// The release wizard's monorepo side: the package list (the same plan `shipwright release` makes)
// and the package release prepared as `release --package …` prepares it, in the shape the wizard
// reviews, confirms and runs (one plan, one engine run).
import type { OpenRepo } from './open-repo.js';
import { today } from './open-repo.js';
import { packageRows, type PackageRow, type RowBump } from './package-rows.js';
import type { PreparedPackagesRelease } from './prepare-packages-release.js';
import type { PreparedRelease } from './prepare-release.js';
import type { OnPreflightCheck } from './release-preflight.js';

export interface PackagesChoice {
  /** The packages in the run (`--package` each). */
  packages: string[];
  /** A bump chosen by hand for some of them, over their suggestion. */
  bumps: Record<string, RowBump>;
}

/** Every package with a pending release, or null when the repository is a workspace of one. */
export async function readPackageRows(repo: OpenRepo): Promise<PackageRow[] | null> {
  const { readWorkspace } = await import('./read-workspace.js');
  const workspace = await readWorkspace(repo);
  if (workspace.source === 'single') return null;
  const { readPackagesPlan } = await import('./read-packages-plan.js');
  return packageRows(await readPackagesPlan(repo), repo.loaded.config.bumpRules);
}

/** One release of several packages, as the wizard shows a release: the sections one after another. */
function asPreparedRelease(prepared: PreparedPackagesRelease): PreparedRelease {
  const tags = prepared.tags.map((tag) => tag.name);
  const deciding = new Map(
    prepared.packagesPlan.state.releases.map((release) => [release.pkg.name, release.commits] as const),
  );
  return {
    plan: prepared.plan,
    commitMessage: prepared.commitMessage,
    tagMessage: prepared.tags[0]?.message ?? '',
    flow: 'trunk',
    version: prepared.packagesPlan.versions.packages.map((planned) => `${planned.name} ${planned.version}`).join(', '),
    tag: tags.join(', '),
    packageTags: tags,
    branch: prepared.branch,
    remote: prepared.remote,
    pushed: prepared.pushed,
    changelogSection: prepared.sections
      .map((section) => `# ${section.planned.name}\n\n${section.markdown.replace(/\n+$/, '')}\n`)
      .join('\n'),
    decidingCommits: prepared.sections.flatMap((section) =>
      (deciding.get(section.planned.name) ?? []).map((commit) => commit.header ?? ''),
    ),
    releaseNotes: prepared.tags.map((tag) => tag.message).join('\n\n'),
    checklist: prepared.checklist,
  };
}

export async function preparePackagesChoice(
  repo: OpenRepo,
  choice: PackagesChoice,
  onCheck: OnPreflightCheck,
): Promise<PreparedRelease> {
  const { preparePackagesRelease } = await import('./prepare-packages-release.js');
  const prepared = await preparePackagesRelease(repo, {
    packages: choice.packages,
    bumps: choice.bumps,
    push: true,
    day: today(),
    onCheck,
  });
  return asPreparedRelease(prepared);
}
