// The checklist of one release: the config's before items and who confirms them (the git user, as
// the tag records it), and its after items.
import type { ChecklistItem } from '../core/checklist/checklist.js';
import { readConfigValue } from '../git/read-config.js';
import type { OpenRepo } from './open-repo.js';

export interface ReleaseChecklist {
  before: ChecklistItem[];
  after: ChecklistItem[];
  /** `user.name` (or `user.email`) of git here: whoever answers the confirmations. */
  confirmedBy: string;
}

export async function readReleaseChecklist(repo: OpenRepo): Promise<ReleaseChecklist> {
  const { before, after } = repo.loaded.config.checklist;
  const needsName = before.some((item) => !('run' in item));
  const name = needsName
    ? ((await readConfigValue(repo.cwd, 'user.name')) ?? (await readConfigValue(repo.cwd, 'user.email')))
    : null;
  return { before, after, confirmedBy: name ?? 'unknown (git config user.name is not set)' };
}

/** The before half as plan input: null when there is nothing to check. */
export const beforeInput = (checklist: ReleaseChecklist) =>
  checklist.before.length === 0 ? null : { items: checklist.before, confirmedBy: checklist.confirmedBy };
