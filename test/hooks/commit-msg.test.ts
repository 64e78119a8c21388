// The installed commit-msg hook, end to end: real `git commit` runs .husky/_ → .husky/commit-msg →
// node_modules/.bin/shipwright → dist/hook.js, and the commit exists or not with the exact message.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHookedRepo, type HookedRepo } from '../helpers/hooked-repo.js';

const repos: HookedRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.remove()));
});

async function hookedRepo(options: Parameters<typeof createHookedRepo>[0] = {}): Promise<HookedRepo> {
  const repo = await createHookedRepo(options);
  repos.push(repo);
  return repo;
}

/** GIT_EDITOR running a small node script that rewrites the file git opens, as a person would. */
async function editorEnv(repo: HookedRepo, body: string): Promise<Record<string, string>> {
  const script = join(repo.home, `editor-${Math.random().toString(16).slice(2)}.mjs`);
  await writeFile(
    script,
    `import { readFileSync, writeFileSync } from 'node:fs';\nconst file = process.argv[2];\nconst text = readFileSync(file, 'utf8');\n${body}\n`,
  );
  return { GIT_EDITOR: `node ${script}` };
}

const lastMessage = async (repo: HookedRepo) =>
  (await repo.git(['log', '-1', '--format=%B'])).stdout.replace(/\n+$/, '');
const commitCount = async (repo: HookedRepo) => {
  const result = await repo.git(['rev-list', '--count', 'HEAD']);
  return result.code === 0 ? Number(result.stdout.trim()) : 0;
};
const REJECTED = '.git/shipwright/rejected-message';

describe('commit-msg hook', () => {
  it('commits a valid message exactly as written', async () => {
    const repo = await hookedRepo();
    const result = await repo.commit('feat(parser): accept arrays');
    expect(result.code, result.stderr).toBe(0);
    expect(await lastMessage(repo)).toBe('feat(parser): accept arrays');
  });

  it('refuses an invalid message, names every problem and a valid header, and saves the message for reuse', async () => {
    const repo = await hookedRepo();
    await repo.commitNoVerify('chore: start');
    const head = await repo.read('rev-parse', 'HEAD');
    await repo.write('a.txt', 'a\n');

    const result = await repo.commit('Feat: Added stuff.');
    expect(result.code).not.toBe(0);
    expect(await repo.read('rev-parse', 'HEAD')).toBe(head);
    for (const rule of ['type-case', 'type-enum', 'subject-case', 'subject-full-stop'])
      expect(result.stderr).toMatch(new RegExp(`^✖ ${rule}: `, 'm'));
    expect(result.stderr).toContain('breaks 4 rules');
    expect(result.stderr).toContain('  your header:    Feat: Added stuff.');
    expect(result.stderr).toMatch(/^ {2}a valid header: [a-z]+(\([a-z]+\))?: [a-z].*$/m);
    expect(result.stderr).toContain('The commit was not made.');
    // An absolute path: the command works from any directory of the repository.
    expect(result.stderr).toContain(`    git commit -e -F ${join(repo.dir, REJECTED)}\n`);
    const saved = await readFile(join(repo.dir, REJECTED), 'utf8');
    expect(saved).toBe('Feat: Added stuff.\n');
    // The staged work is still staged.
    expect((await repo.git(['diff', '--cached', '--name-only'])).stdout).toBe('a.txt\n');

    // The printed command works, typed in a subdirectory: edit the saved message and commit.
    const command = /git commit -e -F (\S+)/.exec(result.stderr)?.[1];
    expect(command).toBe(join(repo.dir, REJECTED));
    await repo.write('src/deep/keep.txt', 'x\n');
    const env = await editorEnv(repo, `writeFileSync(file, text.replace('Feat: Added stuff.', 'feat: add stuff'));`);
    const retry = await repo.git(['-C', 'src/deep', 'commit', '-e', '-F', command as string], { env });
    expect(retry.code, retry.stderr).toBe(0);
    expect(await lastMessage(repo)).toBe('feat: add stuff');
  });

  it("git commit -v refused: the saved message has neither git's comments nor the diff, and reusing it commits only the message", async () => {
    const repo = await hookedRepo();
    await repo.commitNoVerify('chore: start');
    await repo.write('long.txt', 'a changed line\n');
    await repo.read('add', 'long.txt');
    const env = await editorEnv(
      repo,
      `if (!text.includes('>8')) process.exit(3);\nwriteFileSync(file, 'Add a long line\\n\\nWhy it matters.\\n' + text);`,
    );
    const refused = await repo.git(['commit', '-v'], { env });
    expect(refused.code).not.toBe(0);
    const saved = await readFile(join(repo.dir, REJECTED), 'utf8');
    expect(saved).toBe('Add a long line\n\nWhy it matters.\n');

    const fixed = await editorEnv(
      repo,
      `writeFileSync(file, text.replace('Add a long line', 'feat: add a long line'));`,
    );
    const retry = await repo.git(['commit', '-e', '-F', join(repo.dir, REJECTED)], { env: fixed });
    expect(retry.code, retry.stderr).toBe(0);
    expect(await lastMessage(repo)).toBe('feat: add a long line\n\nWhy it matters.');
  });

  it('an empty refusal keeps the message saved by the refusal before it', async () => {
    const repo = await hookedRepo();
    await repo.commitNoVerify('chore: start');
    await repo.write('a.txt', 'a\n');
    await repo.read('add', 'a.txt');
    expect((await repo.git(['commit', '-m', 'Wrote the parser.\n\nA long explanation.'])).code).not.toBe(0);
    const empty = await editorEnv(repo, `writeFileSync(file, '# changed my mind\\n');`);
    const refused = await repo.git(['commit', '-e', '-m', 'placeholder'], { env: empty });
    expect(refused.stderr).toContain('The commit message is empty.');
    expect(refused.stderr).toContain('Your earlier refused message is still saved');
    expect(await readFile(join(repo.dir, REJECTED), 'utf8')).toBe('Wrote the parser.\n\nA long explanation.\n');
  });

  it('refuses a message that is only comments, saying it is empty', async () => {
    const repo = await hookedRepo();
    await repo.commitNoVerify('chore: start');
    await repo.write('a.txt', 'a\n');
    await repo.read('add', 'a.txt');
    const env = await editorEnv(repo, `writeFileSync(file, '# just thinking\\n#\\n');`);
    const result = await repo.git(['commit', '-e', '-m', 'placeholder'], { env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('shipwright: The commit message is empty. The commit was not made.');
    expect(await commitCount(repo)).toBe(1);
  });

  it('refuses an empty message even when git would allow it (--allow-empty-message)', async () => {
    const repo = await hookedRepo();
    await repo.commitNoVerify('chore: start');
    const result = await repo.git(['commit', '--allow-empty', '--allow-empty-message', '-m', '']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('The commit message is empty.');
    expect(await commitCount(repo)).toBe(1);
  });

  it('git commit -v: a valid header above the scissors commits, the diff below is ignored', async () => {
    const repo = await hookedRepo();
    await repo.commitNoVerify('chore: start');
    // A diff line far over body-max-line-length: only ignored if the scissors line is honoured.
    await repo.write('long.txt', `${'x'.repeat(160)}\nBREAKING CHANGE: not really\n`);
    await repo.read('add', 'long.txt');
    const env = await editorEnv(
      repo,
      `if (!text.includes('>8')) process.exit(3);\nwriteFileSync(file, 'feat: add a long line\\n' + text);`,
    );
    const result = await repo.git(['commit', '-v'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(await lastMessage(repo)).toBe('feat: add a long line');
  });

  it('accepts a valid CRLF message and refuses an invalid one without a stray \\r in the output', async () => {
    // An editor that saves CRLF (git only cleans the message after the hook has seen it).
    const repo = await hookedRepo();
    const crlf = await editorEnv(
      repo,
      `writeFileSync(file, 'feat: support crlf\\r\\n\\r\\nBody line.\\r\\n' + text.replace(/\\n/g, '\\r\\n'));`,
    );
    const ok = await repo.git(['commit', '--allow-empty', '-e', '-m', ''], { env: crlf });
    expect(ok.code, ok.stderr).toBe(0);
    expect(await lastMessage(repo)).toBe('feat: support crlf\n\nBody line.');

    const bad = await editorEnv(repo, `writeFileSync(file, 'Feat: Add X\\r\\n');`);
    const refused = await repo.git(['commit', '--allow-empty', '-e', '-m', ''], { env: bad });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('your header:    Feat: Add X\n');
    expect(refused.stderr).not.toContain('\r');
    expect(await readFile(join(repo.dir, REJECTED), 'utf8')).toBe('Feat: Add X\n');
    expect(await commitCount(repo)).toBe(1);
  });

  it('honours a custom core.commentChar', async () => {
    const repo = await hookedRepo();
    await repo.commitNoVerify('chore: start');
    await repo.read('config', 'core.commentChar', ';');
    // A `;` line longer than body-max-line-length: fine only if `;` is treated as the comment char.
    const env = await editorEnv(
      repo,
      `if (!text.includes('\\n; ')) process.exit(3);\nwriteFileSync(file, text.replace('placeholder', 'fix: keep semicolon comments\\n; ${'y'.repeat(150)}'));`,
    );
    const ok = await repo.git(['commit', '--allow-empty', '-e', '-m', 'placeholder'], { env });
    expect(ok.code, ok.stderr).toBe(0);
    // git wrote its template comments with `;`; the hook stripped the same lines git did.
    expect(await lastMessage(repo)).toBe('fix: keep semicolon comments');

    const onlyComments = await editorEnv(repo, `writeFileSync(file, '; nothing to say\\n;\\n');`);
    const refused = await repo.git(['commit', '--allow-empty', '-e', '-m', 'placeholder'], { env: onlyComments });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('The commit message is empty.');

    // With `;` as the comment char, a `#` line is message text, so it is the (invalid) header.
    const hashHeader = await repo.git(['commit', '--allow-empty', '-m', '#12 fix parser']);
    expect(hashHeader.code).not.toBe(0);
    expect(hashHeader.stderr).toContain('your header:    #12 fix parser');
    expect(await commitCount(repo)).toBe(2);
  });
});

describe('the first commit of a new repository (no HEAD yet)', () => {
  for (const workflow of ['trunk', 'gitflow'] as const) {
    it(`${workflow}: a valid first commit is made, an invalid one refused`, async () => {
      const repo = await hookedRepo({ workflow });
      const refused = await repo.commit('initial commit');
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('The commit was not made.');
      expect((await repo.git(['rev-parse', '-q', '--verify', 'HEAD'])).code).not.toBe(0);
      expect((await repo.git(['diff', '--cached', '--name-only'])).stdout).toContain('package.json');

      const made = await repo.commit('chore: initial commit');
      expect(made.code, made.stderr).toBe(0);
      expect(await commitCount(repo)).toBe(1);
      expect(await lastMessage(repo)).toBe('chore: initial commit');
      expect((await repo.git(['status', '--porcelain'])).stdout).toBe('');
    });
  }

  it('runs lint-staged on the first commit: a failing task refuses it and leaves the files as they were', async () => {
    const repo = await hookedRepo();
    await repo.write(
      'check.mjs',
      "import { readFileSync } from 'node:fs';\nfor (const f of process.argv.slice(2)) if (readFileSync(f, 'utf8').includes('BAD')) { console.error(`BAD in ${f}`); process.exit(1); }\n",
    );
    await repo.write('.lintstagedrc.json', `${JSON.stringify({ '*.txt': 'node check.mjs' })}\n`);
    await repo.write('a.txt', 'BAD line\n');
    await repo.read('add', '-A');
    const before = await repo.snapshot();
    const refused = await repo.git(['commit', '-m', 'feat: first']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('a lint-staged task failed');
    expect(await repo.snapshot()).toEqual(before);

    await repo.write('a.txt', 'good line\n');
    const made = await repo.commit('feat: first');
    expect(made.code, made.stderr).toBe(0);
    expect(await repo.read('show', 'HEAD:a.txt')).toBe('good line');
  });
});
