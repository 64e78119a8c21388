// Tags from the refs alone (names, commits, annotated or not) agree with the full read; dates are
// filled in for the few that are shown.
import { afterEach, describe, expect, it } from 'vitest';
import { readTagDates, readTagRefs, readTags } from '../../src/git/read-tags.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

const withoutDates = (tags: { name: string; commit: string; annotated: boolean }[]) =>
  tags.map(({ name, commit, annotated }) => ({ name, commit, annotated })).sort((a, b) => a.name.localeCompare(b.name));

describe('readTagRefs', () => {
  it('gives what the full read gives, but no dates, for loose and packed, annotated and lightweight tags', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: one');
    await repo.tag('v1.0.0', { message: 'annotated' });
    await repo.commit('chore: two');
    await repo.tag('v1.1.0');
    const loose = await readTagRefs(repo.dir);
    expect(withoutDates(loose)).toEqual(withoutDates(await readTags(repo.dir)));
    expect(loose.every((tag) => tag.date === '')).toBe(true);
    await repo.git('pack-refs', '--all');
    expect(withoutDates(await readTagRefs(repo.dir))).toEqual(withoutDates(await readTags(repo.dir)));
  });

  it('peels a tag of a tag down to its commit', async () => {
    repo = await createTempRepo();
    const commit = await repo.commit('chore: one');
    await repo.tag('v1.0.0', { message: 'annotated' });
    await repo.git('tag', '-a', '-m', 'a tag of a tag', 'v1.0.0-outer', 'v1.0.0');
    expect((await readTagRefs(repo.dir)).find((tag) => tag.name === 'v1.0.0-outer')).toMatchObject({
      commit,
      annotated: true,
    });
  });

  it('is empty without tags', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: one');
    expect(await readTagRefs(repo.dir)).toEqual([]);
  });
});

describe('readTagDates', () => {
  it('reads only the named tags, exactly', async () => {
    repo = await createTempRepo();
    await repo.commit('chore: one');
    await repo.tag('v1', { message: 'annotated' });
    await repo.commit('chore: two');
    await repo.tag('v10');
    const full = new Map((await readTags(repo.dir)).map((tag) => [tag.name, tag.date]));
    expect([...(await readTagDates(repo.dir, ['v1']))]).toEqual([['v1', full.get('v1')]]);
    expect([...(await readTagDates(repo.dir, ['v10', 'v1']))].sort()).toEqual([
      ['v1', full.get('v1')],
      ['v10', full.get('v10')],
    ]);
  });
});
