// Plain and JSON views of a monorepo's pending releases, shared by status, version and changelog.
import type { PackagesPlan } from '../app/read-packages-plan.js';
import { describeNextVersion } from '../core/display-text/describe-next-version.js';

/** One object per package with a pending release, for `--json`. */
export function packagesJson(plan: PackagesPlan) {
  const byName = new Map(plan.state.releases.map((release) => [release.pkg.name, release]));
  return {
    workspace: plan.state.workspace.source,
    packages: plan.versions.packages.map((planned) => {
      const release = byName.get(planned.name);
      return {
        name: planned.name,
        dir: planned.dir,
        current: planned.current,
        currentTag: release?.next.current?.name ?? null,
        version: planned.version,
        tag: planned.tag,
        bump: planned.bump,
        reason: planned.reason,
        because: planned.because,
        commits: release?.next.decision.counts ?? null,
      };
    }),
    unchanged: plan.state.releases
      .filter((release) => !plan.versions.packages.some((planned) => planned.name === release.pkg.name))
      .map((release) => ({ name: release.pkg.name, current: release.next.current?.version ?? release.pkg.version })),
    dependencyUpdates: plan.versions.updates,
    cycles: plan.versions.cycles,
    notes: [...plan.state.workspace.notes, ...plan.versions.notes],
  };
}

/** `name  current → next  (why)` per package, then what else the plan reports. */
export function formatPackages(plan: PackagesPlan): string {
  const lines: string[] = [];
  const width = Math.max(0, ...plan.versions.packages.map((planned) => planned.name.length));
  const byName = new Map(plan.state.releases.map((release) => [release.pkg.name, release]));
  if (plan.versions.packages.length === 0) lines.push(`Packages (${plan.state.releases.length}): nothing to release`);
  else
    lines.push(`Packages with a pending release (${plan.versions.packages.length} of ${plan.state.releases.length})`);
  for (const planned of plan.versions.packages) {
    const release = byName.get(planned.name);
    const why = planned.reason === 'commits' && release ? describeNextVersion(release.next) : planned.because;
    lines.push(`  ${planned.name.padEnd(width)}  ${planned.current ?? 'new'} → ${planned.version}  ${why}`);
  }
  for (const cycle of plan.versions.cycles) lines.push(`  dependency cycle: ${cycle.join(' → ')}`);
  for (const note of [...plan.state.workspace.notes, ...plan.versions.notes]) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}
