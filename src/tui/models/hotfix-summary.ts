// What the hotfix wizard says when it is done, as `shipwright hotfix start|finish` says it.
import type { PreparedHotfix, PreparedHotfixStart } from '../../app/prepare-hotfix.js';
import type { SkippedTarget } from '../../app/hotfix-backport-services.js';

export const startedLines = (started: PreparedHotfixStart): string[] => [
  `On ${started.branch} (from ${started.base}).`,
  'Commit the fix here (c on the home screen), then open Hotfix again (h) to finish it.',
];

/** `skippedByRun`: targets left for later at a conflict (continue --skip), besides those skipped before the run. */
export function finishedLines(hotfix: PreparedHotfix, skippedByRun: readonly SkippedTarget[]): string[] {
  const later = new Set([...hotfix.skipped, ...skippedByRun.map((entry) => entry.target)]);
  const reached = hotfix.targets.filter((target) => !later.has(target));
  const lines = [
    `Released ${hotfix.tag}${hotfix.maintenance ? ' (maintenance release)' : ''}${hotfix.pushed ? `, pushed to ${hotfix.remote}` : ' locally (not pushed)'}.`,
  ];
  if (reached.length > 0) lines.push(`The fix is on: ${reached.join(', ')}.`);
  for (const target of hotfix.skipped)
    lines.push(`Left for later: ${target} (the backport screen, p on home, shows what it lacks).`);
  for (const { target, command } of skippedByRun)
    lines.push(`Left for later at its conflict: ${target}. Bring the fix there with: ${command}`);
  return lines;
}

/** One line on where a finish leads: a maintenance release of an older line, or the current one. */
export const maintenanceLine = (hotfix: PreparedHotfix): string =>
  hotfix.maintenance
    ? `a maintenance release: a newer version is out, so ${hotfix.tag} is not the newest release`
    : `${hotfix.tag} becomes the newest release (production)`;
