// The composer's steps as a user walks them in tmux, shared by the end-to-end tests so each test
// spells out only what it is about (the field it edits, the keys it tries).
import type { Terminal } from './tmux.js';

/** From the type list: j four times in one burst (build → chore → ci → docs → feat), then Enter. */
export async function chooseFeat(t: Terminal): Promise<void> {
  await t.waitFor('❯ build');
  t.type('jjjj');
  await t.waitFor('❯ feat');
  t.press('Enter');
  await t.waitFor('Commit · Scope (optional)');
}

/** From the scope step: no scope, then `subject` typed and shown in the header. */
export async function typeSubject(t: Terminal, subject: string, type = 'feat'): Promise<void> {
  t.press('Enter');
  await t.waitFor('Commit · Subject');
  t.type(subject);
  await t.waitFor(`${type}: ${subject}`);
}

/** From the body step: Tab past it, Enter past the breaking change and the closes field. */
export async function skipToPreview(t: Terminal, onCloses?: () => void): Promise<void> {
  t.press('Tab');
  await t.waitFor('Commit · Breaking change (optional)');
  t.press('Enter');
  await t.waitFor('Commit · Closes issues (optional)');
  onCloses?.();
  t.press('Enter');
  await t.waitFor('Commit · Preview');
}

/** From the preview: Enter commits (through the repository's hooks, hence the long wait). */
export async function commitFromPreview(t: Terminal): Promise<void> {
  t.press('Enter');
  await t.waitFor('✓ Committed.', 30_000);
}
