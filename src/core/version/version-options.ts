// The versions a release may take, side by side: the one the commits suggest, each forced bump,
// a prerelease and a custom one. Each is computed by computeNextVersion, so the wizard's list and
// the release it then makes agree.
import type { Bump } from './bump-rules.js';
import { computeNextVersion, type NextVersion, type NextVersionInput } from './next-version.js';

export type VersionChoice =
  | { kind: 'suggested' }
  | { kind: 'bump'; bump: Bump }
  | { kind: 'prerelease'; preid: string }
  | { kind: 'custom'; version: string };

export interface VersionOption {
  choice: VersionChoice;
  /** null: this choice makes no release (the commits ask for none, so there is nothing to suggest). */
  version: string | null;
}

type VersionBase = Omit<NextVersionInput, 'bump' | 'preid' | 'target' | 'exactVersion'>;

const versionOf = (next: NextVersion): string | null => (next.kind === 'release' ? next.version : null);

/** Suggested, patch, minor, major and a prerelease of the suggested version (custom is typed, so it has none). */
export function listVersionOptions(base: VersionBase, preid: string): VersionOption[] {
  const bumps: Bump[] = ['patch', 'minor', 'major'];
  return [
    { choice: { kind: 'suggested' }, version: versionOf(computeNextVersion(base)) },
    ...bumps.map((bump): VersionOption => ({
      choice: { kind: 'bump', bump },
      version: versionOf(computeNextVersion({ ...base, bump })),
    })),
    { choice: { kind: 'prerelease', preid }, version: versionOf(computeNextVersion({ ...base, preid })) },
  ];
}

/** The request fields a choice stands for (what `shipwright release` takes as flags). */
export function choiceRequest(choice: VersionChoice): { bump?: Bump; preid?: string; exactVersion?: string } {
  if (choice.kind === 'bump') return { bump: choice.bump };
  if (choice.kind === 'prerelease') return { preid: choice.preid };
  if (choice.kind === 'custom') return { exactVersion: choice.version };
  return {};
}
