// The monorepo use case shared by status, version, changelog and release: every package's state
// and which packages a release would take at what version (groups and dependents applied).
import { packageTagName } from '../core/packages/package-tags.js';
import { planPackageVersions, type PackageVersionsPlan } from '../core/packages/plan-package-versions.js';
import type { Bump } from '../core/version/bump-rules.js';
import { computeNextVersion } from '../core/version/next-version.js';
import type { OpenRepo } from './open-repo.js';
import { readPackagesState, type PackagesState, type PackagesStateOptions } from './read-packages-state.js';

export interface PackagesPlan {
  state: PackagesState;
  versions: PackageVersionsPlan;
}

export async function readPackagesPlan(repo: OpenRepo, options: PackagesStateOptions = {}): Promise<PackagesPlan> {
  const state = await readPackagesState(repo, options);
  const { config } = repo.loaded;
  const byName = new Map(state.releases.map((release) => [release.pkg.name, release]));
  const tagFor = (name: string, version: string) =>
    packageTagName(byName.get(name)?.tagFormats[0] ?? '{name}@{version}', name, version);
  const bumpPackage = (name: string, bump: Bump) => {
    const release = byName.get(name);
    if (!release) throw new Error(`bug: no package ${name}`);
    const next = computeNextVersion({
      commits: release.commits,
      tags: release.tags,
      existingTags: release.allTags,
      rules: config.bumpRules,
      firstVersion: config.firstVersion,
      bump,
      ...(release.pkg.version !== null ? { startVersion: release.pkg.version } : {}),
      ...(options.preid ? { preid: options.preid } : {}),
    });
    const version = next.kind === 'release' ? next.version : (release.pkg.version ?? config.firstVersion);
    return { version, tag: tagFor(name, version) };
  };
  const versions = planPackageVersions({
    releases: state.releases,
    selected: state.selected,
    fixed: config.packages.fixed,
    linked: config.packages.linked,
    dependentBump: config.packages.dependentBump,
    bumpPackage,
    tagFor,
  });
  return { state, versions };
}
