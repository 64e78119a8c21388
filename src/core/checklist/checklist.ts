// The release checklist as data: `before` items (a command that must pass, or a person's
// confirmation) become the plan's first steps and a line in the tag message; `after` items run
// once the release is pushed. Pure.
import type { RunCommandStep } from '../plan/plan.js';
import { shellCommand } from '../display-text/shell-words.js';

/** A command (argv, never a shell string) that must exit 0. */
interface ChecklistCommand {
  name: string;
  run: string[];
}

/** Something a person answers (migrations tested, docs updated). */
interface ChecklistConfirm {
  name: string;
  confirm: true;
}

export type ChecklistItem = ChecklistCommand | ChecklistConfirm;

export interface Checklist {
  before: ChecklistItem[];
  after: ChecklistItem[];
}

/** The before items of one release and who answers its confirmations (the git user). */
export interface BeforeChecklist {
  items: ChecklistItem[];
  confirmedBy: string;
}

export const isCommand = (item: ChecklistItem): item is ChecklistCommand => 'run' in item;
export const confirmItems = (items: readonly ChecklistItem[]): ChecklistConfirm[] =>
  items.filter((item): item is ChecklistConfirm => !isCommand(item));

/** The name of the item the old `preRelease` key becomes. */
export const PRE_RELEASE_ITEM = 'preRelease';

const checklistStepDescription = (item: ChecklistCommand): string =>
  `checklist: ${item.name} (${shellCommand(item.run)})`;

/** Each command item as a check step, in order; confirmations are answered before the run starts. */
export function checklistSteps(checklist: BeforeChecklist | null): RunCommandStep[] {
  return (checklist?.items ?? []).filter(isCommand).map((item) => ({
    kind: 'run-command',
    argv: item.run,
    touches: [],
    check: true,
    description: checklistStepDescription(item),
  }));
}

/**
 * `Checklist: tests ✓, migrations tested ✓ (confirmed by Ada Lovelace)` — what the tag records.
 * The tag step comes after every command step, so a tag that exists had them all pass.
 */
export function checklistRecord(checklist: BeforeChecklist | null): string | null {
  if (!checklist || checklist.items.length === 0) return null;
  const names = checklist.items.map((item) =>
    isCommand(item) ? `${item.name} ✓` : `${item.name} ✓ (confirmed by ${checklist.confirmedBy})`,
  );
  return `Checklist: ${names.join(', ')}`;
}

/** A plan note for each confirmation, so the printed plan says what will be asked. */
export const confirmNotes = (checklist: BeforeChecklist | null): string[] =>
  confirmItems(checklist?.items ?? []).map(
    (item) =>
      `checklist: "${item.name}" is confirmed before anything is written (asked on a terminal; --yes or --confirm '${item.name}' without one)`,
  );

interface ConfirmAnswers {
  /** `--yes`: every confirmation answered yes. */
  yes: boolean;
  /** `--confirm NAME`, each given. */
  confirmed: readonly string[];
}

/** The confirmations still to ask, and `--confirm` names that match no confirmation item. */
export function pendingConfirms(
  items: readonly ChecklistItem[],
  answers: ConfirmAnswers,
): { ask: ChecklistConfirm[]; unknown: string[] } {
  const confirms = confirmItems(items);
  const unknown = answers.confirmed.filter((name) => !confirms.some((item) => item.name === name));
  const ask = answers.yes ? [] : confirms.filter((item) => !answers.confirmed.includes(item.name));
  return { ask, unknown };
}
