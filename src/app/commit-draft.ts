// The composer's draft under .git/shipwright/, so Ctrl-C never loses a half-written message.
// Per worktree (RepoState.gitDir, not commonDir): a draft describes the changes staged in one
// working tree, and a commit composed in another worktree must neither restore nor clear it.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeMessage, emptyDraft, type CommitDraft } from '../core/commit-composer/compose-message.js';
import { cleanMessage } from '../core/lint/clean-message.js';
import { readHeadMessage } from '../git/read-log.js';

const draftPath = (gitDir: string): string => join(gitDir, 'shipwright', 'commit-draft.json');

async function loadDraft(gitDir: string): Promise<CommitDraft | null> {
  const text = await readFile(draftPath(gitDir), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<CommitDraft>;
    const draft = {
      ...emptyDraft(),
      ...value,
      closes: Array.isArray(value.closes) ? value.closes.filter((n) => typeof n === 'number') : [],
    };
    return draft.type || draft.subject || draft.body ? draft : null;
  } catch {
    return null;
  }
}

/**
 * A draft whose message is HEAD's was committed — by the composer, `shipwright commit` or a plain
 * `git commit` after Ctrl-C — and is deleted rather than offered again as unfinished.
 */
export async function loadOpenDraft(gitDir: string, cwd: string): Promise<CommitDraft | null> {
  const draft = await loadDraft(gitDir);
  if (draft === null) return null;
  const head = await readHeadMessage(cwd);
  if (
    head === null ||
    cleanMessage(head, { commentChar: null }) !== cleanMessage(composeMessage(draft), { commentChar: null })
  )
    return draft;
  await clearDraft(gitDir);
  return null;
}

export async function saveDraft(gitDir: string, draft: CommitDraft): Promise<void> {
  await mkdir(join(gitDir, 'shipwright'), { recursive: true });
  await writeFile(draftPath(gitDir), `${JSON.stringify(draft, null, 2)}\n`);
}

export const clearDraft = (gitDir: string): Promise<void> => rm(draftPath(gitDir), { force: true });
