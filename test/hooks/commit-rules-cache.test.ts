// The commit-msg hook's rules cache is keyed on every file the commitlint config was resolved from:
// a project whose commitlint.config.mjs extends a local commitlint.base.mjs (which extends another)
// gets a new verdict as soon as either base changes, through real `git commit`s.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHookedRepo, type HookedRepo } from '../helpers/hooked-repo.js';

const repos: HookedRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

const rules = (types: string[]) =>
  `export default {\n  rules: { 'type-enum': [2, 'always', ${JSON.stringify(types)}], 'type-empty': [2, 'never'] },\n};\n`;

describe('the commit-msg rules cache', () => {
  it('sees a change in a local file the config extends, and in what that file extends', async () => {
    const repo = await createHookedRepo({
      files: {
        'commitlint.config.mjs': "export default { extends: ['./commitlint.base.mjs'] };\n",
        'commitlint.base.mjs':
          "export default { extends: ['./config/types.mjs'], rules: { 'header-max-length': [2, 'always', 72] } };\n",
        'config/types.mjs': rules(['feat', 'fix', 'chore']),
      },
    });
    repos.push(repo);
    await repo.commitNoVerify('chore: start');

    await repo.write('a.txt', 'a\n');
    const wip = await repo.commit('wip: half done');
    expect(wip.code).not.toBe(0);
    expect(wip.stderr).toContain('type-enum');
    const cache = JSON.parse(await readFile(join(repo.dir, '.git', 'shipwright', 'commit-rules.json'), 'utf8')) as {
      sources: Record<string, string>;
    };
    expect(
      Object.keys(cache.sources)
        .map((path) => path.slice(repo.dir.length + 1))
        .sort(),
    ).toEqual(['commitlint.base.mjs', 'config/types.mjs']);

    // Two levels down: the types file now allows wip, and the next commit is judged by it.
    await repo.write('config/types.mjs', rules(['feat', 'fix', 'chore', 'wip']));
    const allowed = await repo.commit('wip: half done');
    expect(allowed.code, allowed.stderr).toBe(0);

    // One level down: the base now limits headers to 20 characters.
    await repo.write(
      'commitlint.base.mjs',
      "export default { extends: ['./config/types.mjs'], rules: { 'header-max-length': [2, 'always', 20] } };\n",
    );
    await repo.write('b.txt', 'b\n');
    const long = await repo.commit('feat: a header over twenty');
    expect(long.code).not.toBe(0);
    expect(long.stderr).toContain('header-max-length');
  });
});
