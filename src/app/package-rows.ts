// The package list the TUI shows, from the plan `shipwright release` makes: one row per package
// with a pending release, with the commit headers that decide its bump.
import { bumpOf } from '../core/version/bump-rules.js';
import type { PackagesPlan } from './read-packages-plan.js';

export type RowBump = 'patch' | 'minor' | 'major';

export interface PackageRow {
  name: string;
  current: string | null;
  version: string;
  /** What the commits (or a dependency, a group) suggest; null for a first release. */
  bump: RowBump | null;
  /** commits, dependency, fixed, linked */
  reason: string;
  because: string;
  /** The headers of the commits that ask for a release, newest first. */
  deciding: string[];
}

export function packageRows(plan: PackagesPlan, rules: Parameters<typeof bumpOf>[1]): PackageRow[] {
  const byName = new Map(plan.state.releases.map((release) => [release.pkg.name, release]));
  return plan.versions.packages.map((planned) => ({
    name: planned.name,
    current: planned.current,
    version: planned.version,
    bump: planned.bump,
    reason: planned.reason,
    because: planned.because,
    deciding: (byName.get(planned.name)?.commits ?? [])
      .filter((commit) => bumpOf(commit, rules) !== null)
      .map((commit) => commit.header ?? ''),
  }));
}
