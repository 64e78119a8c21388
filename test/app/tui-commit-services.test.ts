// The composer's staging services on real repositories: one file staged or unstaged through the
// engine (a path is a name, never a pattern), a rename unstaged whole, a repository with no commit
// yet, one file's staged diff, and a commit's draft not coming back.
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/app/open-repo.js';
import { createTuiServices } from '../../src/app/tui-services.js';
import { emptyDraft } from '../../src/core/commit-composer/compose-message.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});
const track = async (created: Promise<TempRepo>): Promise<TempRepo> => {
  const repo = await created;
  repos.push(repo);
  return repo;
};
const servicesFor = async (repo: TempRepo) => createTuiServices(await openRepo(repo.dir));
const status = async (repo: TempRepo) => (await repo.git('status', '--porcelain', '--untracked-files=all')).split('\n');

describe('composer staging services', () => {
  it('stages and unstages exactly the file named, a pattern-like name included', async () => {
    const repo = await track(createTempRepo());
    await repo.commit('chore: start', { path: 'a.txt', content: 'one\n' });
    await repo.write('a.txt', 'two\n');
    await repo.write('*.js', 'star\n');
    await repo.write('x.js', 'x\n');
    const services = await servicesFor(repo);

    expect(await services.stagePaths(['*.js'])).toMatchObject({ ok: true });
    expect(await status(repo)).toEqual(['A  *.js', ' M a.txt', '?? x.js']);
    expect(await services.stagePaths(['a.txt'])).toMatchObject({ ok: true });
    expect(await services.unstagePaths(['*.js'])).toMatchObject({ ok: true });
    expect(await status(repo)).toEqual(['M  a.txt', '?? *.js', '?? x.js']);
    // The work tree keeps every change.
    expect(await repo.git('diff', '--cached', '--name-only')).toBe('a.txt');
    expect((await services.readComposerData()).tree.unstaged.map((file) => file.path)).toEqual(['*.js', 'x.js']);
  });

  it("reads one file's staged diff, raw (the screen escapes it)", async () => {
    const repo = await track(createTempRepo());
    await repo.commit('chore: start', { path: 'a.txt', content: 'one\n' });
    await repo.write('a.txt', 'one\n\u001b]0;pwned\u0007\n');
    await repo.write('b.txt', 'other\n');
    await repo.git('add', 'a.txt', 'b.txt');
    const services = await servicesFor(repo);
    const diff = await services.readStagedDiff('a.txt');
    expect(diff).toContain('diff --git a/a.txt b/a.txt');
    expect(diff).toContain('\n+\u001b]0;pwned\u0007\n');
    expect(diff).not.toContain('b.txt');
    expect(await services.readStagedDiff('b.txt')).toContain('+other');
  });

  it('unstages a staged rename whole: source and new path', async () => {
    const repo = await track(createTempRepo());
    await repo.commit('chore: start', { path: 'old.txt', content: 'same\n' });
    await repo.git('mv', 'old.txt', 'new.txt');
    const services = await servicesFor(repo);
    const renamed = (await services.readComposerData()).tree.staged;
    expect(renamed).toEqual([{ path: 'new.txt', from: 'old.txt', index: 'R', worktree: ' ' }]);
    expect(await services.readStagedDiff('new.txt', 'old.txt')).toContain('rename from old.txt');
    expect(await services.unstagePaths(['old.txt', 'new.txt'])).toMatchObject({ ok: true });
    expect(await status(repo)).toEqual([' D old.txt', '?? new.txt']);
  });

  it('unstages a file before the first commit (no HEAD to reset to)', async () => {
    const repo = await track(createTempRepo());
    await repo.write('a.txt', 'one\n');
    const services = await servicesFor(repo);
    expect(await services.stagePaths(['a.txt'])).toMatchObject({ ok: true });
    expect(await status(repo)).toEqual(['A  a.txt']);
    expect(await services.unstagePaths(['a.txt'])).toMatchObject({ ok: true });
    expect(await status(repo)).toEqual(['?? a.txt']);
  });

  it('does not offer a committed draft again, even when the clear after the commit never ran', async () => {
    const repo = await track(createTempRepo());
    await repo.commit('chore: start', { path: 'a.txt', content: 'one\n' });
    await repo.write('a.txt', 'two\n');
    await repo.write('b.txt', 'other\n');
    const services = await servicesFor(repo);
    const draft = { ...emptyDraft(), type: 'fix', subject: 'keep the first line', closes: [7] };
    await services.stagePaths(['a.txt']);
    await services.saveDraft(draft);
    const planned = await services.planCommit(draft);
    expect(await services.runPlan(planned.plan)).toMatchObject({ ok: true });
    expect(await repo.git('log', '-1', '--format=%B')).toBe('fix: keep the first line\n\nCloses #7\n');
    expect(await repo.git('show', '--name-only', '--format=', 'HEAD')).toBe('a.txt');
    expect(await services.loadDraft()).toBeNull();
    expect(await status(repo)).toEqual(['?? b.txt']);
  });
});
