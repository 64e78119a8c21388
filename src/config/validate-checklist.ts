// Validates `checklist: { before, after }` and folds the older `preRelease` key into `before`.
import { describeValue } from './describe-value.js';
import { PRE_RELEASE_ITEM, type Checklist, type ChecklistItem } from '../core/checklist/checklist.js';

const describe = describeValue;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isArgv = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string' && x.length > 0);

const ITEM_SHAPE = '{ "name": "tests", "run": ["npm", "test"] } or { "name": "migrations tested", "confirm": true }';

function checkItem(path: string, entry: unknown, problems: string[]): ChecklistItem | null {
  if (!isRecord(entry)) {
    problems.push(`${path}: expected ${ITEM_SHAPE}; got ${describe(entry)}`);
    return null;
  }
  const extra = Object.keys(entry).filter((key) => !['name', 'run', 'confirm'].includes(key));
  if (extra.length > 0) problems.push(`${path}.${extra[0]}: unknown setting (known: name, run, confirm)`);
  if (typeof entry.name !== 'string' || entry.name.trim().length === 0 || entry.name.length > 80) {
    problems.push(`${path}.name: expected a short non-empty name such as "tests"; got ${describe(entry.name)}`);
    return null;
  }
  const name = entry.name.trim();
  const hasRun = Object.hasOwn(entry, 'run');
  const hasConfirm = Object.hasOwn(entry, 'confirm');
  if (hasRun === hasConfirm) {
    problems.push(
      `${path}: expected either "run" (a command) or "confirm": true (a person answers), not ${hasRun ? 'both' : 'neither'}; got ${describe(entry)}`,
    );
    return null;
  }
  if (hasRun) {
    if (!isArgv(entry.run)) {
      problems.push(
        `${path}.run: expected a command as a list of arguments such as ["npm", "test"] (never run through a shell); got ${describe(entry.run)}`,
      );
      return null;
    }
    return { name, run: entry.run };
  }
  if (entry.confirm !== true) {
    problems.push(`${path}.confirm: expected true; got ${describe(entry.confirm)}`);
    return null;
  }
  return { name, confirm: true };
}

function checkList(path: string, value: unknown, problems: string[]): ChecklistItem[] {
  if (!Array.isArray(value)) {
    problems.push(`${path}: expected a list of ${ITEM_SHAPE}; got ${describe(value)}`);
    return [];
  }
  const items: ChecklistItem[] = [];
  value.forEach((entry, index) => {
    const item = checkItem(`${path}[${index}]`, entry, problems);
    if (!item) return;
    // --confirm NAME and the tag's record name items: two with one name would be ambiguous.
    if (items.some((other) => other.name === item.name))
      problems.push(`${path}[${index}].name: "${item.name}" is used twice in ${path}; give each item its own name`);
    else items.push(item);
  });
  return items;
}

/** `checklist` as written (null: absent), with `preRelease` (argv or null) as its first `before` item. */
export function checkChecklist(value: unknown, preRelease: string[] | null, problems: string[]): Checklist {
  const checklist: Checklist = { before: [], after: [] };
  if (value !== undefined) {
    if (!isRecord(value))
      problems.push(`checklist: expected { "before": [...], "after": [...] }; got ${describe(value)}`);
    else {
      for (const [key, list] of Object.entries(value)) {
        if (key === 'before' || key === 'after') checklist[key] = checkList(`checklist.${key}`, list, problems);
        else problems.push(`checklist.${key}: unknown setting (known: checklist.before, checklist.after)`);
      }
    }
  }
  if (preRelease) {
    if (checklist.before.some((item) => item.name === PRE_RELEASE_ITEM))
      problems.push(
        `preRelease: checklist.before already has an item named "${PRE_RELEASE_ITEM}"; move the command into checklist.before and drop preRelease`,
      );
    else checklist.before.unshift({ name: PRE_RELEASE_ITEM, run: preRelease });
  }
  return checklist;
}
