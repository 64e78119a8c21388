// The composer's saved draft against a real repository: a draft whose message HEAD now carries was
// committed (by the composer, `shipwright commit` or a plain `git commit`) and never comes back.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOpenDraft, saveDraft } from '../../src/app/commit-draft.js';
import { emptyDraft } from '../../src/core/commit-composer/compose-message.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

const draft = {
  ...emptyDraft(),
  type: 'fix',
  scope: 'api',
  subject: 'handle empty pages',
  body: 'The last page came back empty.',
  closes: [12],
};

describe('the composer draft', () => {
  it('is offered while unfinished, and deleted once HEAD carries its message', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: start');
    const gitDir = join(repo.dir, '.git');
    await saveDraft(gitDir, draft);
    expect(await loadOpenDraft(gitDir, repo.dir)).toEqual(draft);

    // Committed outside the composer, as git records it (trailing newline and all).
    await repo.commit('fix(api): handle empty pages\n\nThe last page came back empty.\n\nCloses #12\n');
    expect(await loadOpenDraft(gitDir, repo.dir)).toBeNull();
    expect(existsSync(join(gitDir, 'shipwright', 'commit-draft.json'))).toBe(false);
  });

  it('stays when HEAD has another message', async () => {
    repo = await createTempRepo();
    await repo.commit('fix(api): handle empty pages');
    const gitDir = join(repo.dir, '.git');
    await saveDraft(gitDir, draft);
    expect(await loadOpenDraft(gitDir, repo.dir)).toEqual(draft);
  });
});
