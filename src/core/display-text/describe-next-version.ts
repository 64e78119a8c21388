// Plain-language explanation of a version decision: what it is and which commit made it so.
// Shared by `shipwright version`, `status` and the TUI home screen.
import { shortHash } from '../conventional-commits/conventional-commit.js';
import type { NextVersion } from '../version/next-version.js';
import { plural } from './plural.js';

export function describeNextVersion(next: NextVersion): string {
  const since = next.current ? `since ${next.current.name}` : 'in the history';
  const { counts, decidedBy } = next.decision;
  const tally = `${counts.breaking} breaking, ${plural(counts.features, 'feature')}, ${plural(counts.fixes, 'fix')}, ${counts.other} other`;
  if (next.kind === 'nothing') return `nothing to release ${since}: ${tally}; no commit asks for a new version`;
  if (next.firstRelease && next.bump !== null)
    return `first release (no release tag yet): ${next.bump} bump from the version the project declares (${tally})`;
  if (next.firstRelease) return `first release (no release tag yet): ${tally}`;
  if (next.forced && next.bump === null) return `${next.version} chosen by hand (${tally} ${since})`;
  if (next.forced) return `${next.bump} bump forced by --bump (${tally} ${since})`;
  const why = decidedBy
    ? `${decidedBy.isBreaking ? 'breaking change' : decidedBy.type} in ${shortHash(decidedBy.raw.hash)} "${decidedBy.header}"`
    : 'no deciding commit';
  return `${next.bump} bump from ${next.base?.name ?? 'the first release'}: ${why} (${tally} ${since})`;
}
