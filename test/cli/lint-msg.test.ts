// `shipwright lint-msg` against real repositories, with every verdict checked against the real commitlint CLI.
import { execa } from 'execa';
import { symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { named } from '../helpers/named.js';

const COMMITLINT = resolve('node_modules/.bin/commitlint');
const NODE_MODULES = resolve('node_modules');
/** A file, not the package folder: commitlint's resolver cannot import a bare directory path. */
const CONVENTIONAL = createRequire(import.meta.url).resolve('@commitlint/config-conventional');
const SCISSORS = '------------------------ >8 ------------------------';

/** A repo's own rules: extra type, closed scope list, shorter headers. Loaded from TypeScript, like real projects. */
const CUSTOM_CONFIG = `import type { UserConfig } from '@commitlint/types';

const config: UserConfig = {
  extends: ['@commitlint/config-conventional'],
  rules: {
    'type-enum': [2, 'always', ['feat', 'fix', 'docs', 'chore', 'wip']],
    'scope-enum': [2, 'always', ['api', 'ui']],
    'header-max-length': [2, 'always', 50],
  },
};

export default config;
`;

type Verdict = 'valid' | 'invalid';
type ConfigName = 'default' | 'custom';

interface Case {
  name: string;
  text: string;
  /** core.commentChar of the repository. */
  commentChar?: ';';
  /**
   * Where shipwright deliberately differs from commitlint: it refuses messages that are empty
   * once comments are removed (git would abort them); commitlint skips them as valid.
   */
  refusedAsEmpty?: true;
}

const long = (n: number) => 'x'.repeat(n);

const CASES: Case[] = [
  { name: 'valid header', text: 'feat: add parser\n' },
  { name: 'valid with scope', text: 'feat(api): add export\n' },
  { name: 'valid with body', text: 'fix(ui): handle null\n\nThe list crashed on an empty page.\n' },
  { name: 'invalid type', text: 'foo: bad type\n' },
  { name: 'missing colon', text: 'feat add parser\n' },
  { name: 'no type at all', text: 'WIP\n' },
  { name: 'upper-case type', text: 'FEAT: add parser\n' },
  { name: 'sentence-case subject', text: 'feat: Add parser\n' },
  { name: 'subject full stop', text: 'feat: add parser.\n' },
  { name: 'header of 60 characters', text: `feat: ${long(54)}\n` },
  { name: 'header of 120 characters', text: `feat: ${long(114)}\n` },
  { name: 'body without blank line (a warning)', text: 'feat: add x\nbody straight after the header\n' },
  { name: 'body line too long', text: `fix: y\n\n${long(120)}\n` },
  { name: 'comments only', text: '# Please enter the commit message\n#\n# On branch main\n', refusedAsEmpty: true },
  { name: 'empty', text: '', refusedAsEmpty: true },
  { name: 'blank lines only', text: '\n\n  \n', refusedAsEmpty: true },
  {
    name: 'message with git comment block',
    text: 'feat: add x\n\n# Please enter the commit message\n# On branch main\n',
  },
  { name: 'issue number line is a comment', text: 'feat: add x\n\n#12 is fixed by this\n' },
  { name: 'CRLF valid', text: 'feat: add x\r\n\r\nbody line\r\n' },
  { name: 'CRLF invalid', text: 'Feat: Add X\r\n' },
  { name: 'CRLF body without blank line', text: 'feat: add x\r\nbody\r\n' },
  {
    name: 'scissors with a long diff below',
    text: `feat: add x\n\n# Please enter\n# ${SCISSORS}\n# Do not modify or remove the line above.\ndiff --git a/a b/a\n+${long(150)}\n`,
  },
  { name: 'scissors first: empty', text: `# ${SCISSORS}\ndiff --git a/a b/a\n+x\n`, refusedAsEmpty: true },
  { name: 'comment char ; strips ; lines', text: `feat: add x\n\n; Please enter\n; ${long(150)}\n`, commentChar: ';' },
  { name: 'comment char ; keeps # lines', text: '#12 fix parser\n', commentChar: ';' },
  { name: 'comment char ; scissors', text: `feat: add x\n; ${SCISSORS}\n+${long(150)}\n`, commentChar: ';' },
  { name: 'comment char ; comments only', text: '; Please enter\n;\n', commentChar: ';', refusedAsEmpty: true },
  { name: 'merge branch', text: "Merge branch 'feature/x'\n" },
  { name: 'merge with conflicts comment', text: "Merge branch 'x' into dev\n\n# Conflicts:\n#\tsrc/a.ts\n" },
  { name: 'merge pull request', text: 'Merge pull request #12 from acme/fix\n\nfix things\n' },
  { name: 'revert', text: 'Revert "feat: x"\n\nThis reverts commit 1234567.\n' },
  { name: 'revert after a comment (commitlint ignores by the raw first line)', text: '# c\nRevert "feat: x"\n' },
  { name: 'fixup!', text: 'fixup! feat: x\n' },
  { name: 'squash!', text: 'squash! fix: y\n' },
  { name: 'amend!', text: 'amend! feat: x\n\nnew text\n' },
  { name: 'version number', text: '1.2.3\n' },
  { name: 'unicode subject', text: 'feat: prise en charge des accents é ✓\n' },
  { name: 'CJK subject', text: 'feat: 添加解析器\n' },
  { name: 'emoji in subject', text: 'fix: stop 💥 on empty input\n' },
  { name: 'BREAKING CHANGE footer', text: 'feat: add x\n\nBREAKING CHANGE: the API changed\n' },
  { name: 'BREAKING CHANGE without blank line (a warning)', text: 'feat: add x\n\nbody\nBREAKING CHANGE: y\n' },
  { name: 'feat!', text: 'feat!: drop node 18\n' },
  { name: 'scoped breaking', text: 'feat(api)!: drop v1\n' },
  { name: 'custom type wip', text: 'wip: temp\n' },
  { name: 'scope outside a closed list', text: 'docs(readme): fix typo\n' },
  { name: 'sign-off trailer', text: 'fix: y\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n' },
  { name: 'leading blank lines', text: '\n\nfeat: add x\n' },
];

/** At most `limit` commitlint processes at once: each costs about a second. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function commitlintVerdict(dir: string, args: string[]): Promise<Verdict> {
  const result = await execa(COMMITLINT, args, { cwd: dir, reject: false });
  if (result.exitCode === 0) return 'valid';
  if (result.exitCode === 1) return 'invalid';
  throw new Error(`commitlint exited ${result.exitCode}: ${result.stdout}\n${result.stderr}`);
}

async function shipwrightVerdict(dir: string, args: string[]): Promise<Verdict> {
  const result = await runShipwright(['lint-msg', ...args], { cwd: dir });
  if (result.code !== 0 && result.code !== 1) throw new Error(`lint-msg exited ${result.code}: ${result.stderr}`);
  return result.code === 0 ? 'valid' : 'invalid';
}

const repos: TempRepo[] = [];
afterAll(async () => {
  await Promise.all(repos.map((repo) => repo.remove()));
});

async function newRepo(): Promise<TempRepo> {
  const repo = await createTempRepo({ prefix: 'shipwright-lint-' });
  repos.push(repo);
  return repo;
}

/** Lets a repository outside this project resolve `@commitlint/config-conventional` by name, as an installed project would. */
async function installCustomConfig(repo: TempRepo): Promise<void> {
  await symlink(NODE_MODULES, join(repo.dir, 'node_modules'), 'dir');
  await repo.write('commitlint.config.ts', CUSTOM_CONFIG);
}

describe('shipwright lint-msg FILE: same verdicts as `commitlint --edit FILE`', () => {
  const setups = {} as Record<ConfigName, { repos: Record<'#' | ';', TempRepo>; commitlintArgs: string[] }>;
  const expected = new Map<string, Verdict>();
  const key = (config: ConfigName, index: number) => `${config}:${index}`;

  beforeAll(async () => {
    for (const config of ['default', 'custom'] as const) {
      const hash = await newRepo();
      const semicolon = await newRepo();
      await semicolon.git('config', 'core.commentChar', ';');
      if (config === 'custom') await Promise.all([installCustomConfig(hash), installCustomConfig(semicolon)]);
      // No config in the default repos: shipwright falls back to config-conventional; commitlint is told to.
      setups[config] = {
        repos: { '#': hash, ';': semicolon },
        commitlintArgs: config === 'default' ? ['--extends', CONVENTIONAL] : [],
      };
    }
    const jobs = (['default', 'custom'] as const).flatMap((config) =>
      CASES.map((testCase, index) => ({ config, testCase, index })),
    );
    await mapLimit(jobs, 8, async ({ config, testCase, index }) => {
      const setup = setups[config];
      const repo = setup.repos[testCase.commentChar ?? '#'];
      const file = join(repo.dir, `msg-${index}.txt`);
      await writeFile(file, testCase.text);
      expected.set(key(config, index), await commitlintVerdict(repo.dir, [...setup.commitlintArgs, '--edit', file]));
    });
  }, 300_000);

  for (const config of ['default', 'custom'] as const) {
    describe(`${config} rules`, () => {
      it.each(named(CASES.map((testCase, index) => ({ ...testCase, index }))))(
        '%s',
        async (_name, { index, commentChar, refusedAsEmpty }) => {
          const repo = setups[config].repos[commentChar ?? '#'];
          const ours = await shipwrightVerdict(repo.dir, [join(repo.dir, `msg-${index}.txt`)]);
          const theirs = expected.get(key(config, index));
          if (refusedAsEmpty) {
            expect({ ours, theirs }).toEqual({ ours: 'invalid', theirs: 'valid' });
          } else {
            expect(ours).toBe(theirs);
          }
        },
      );
    });
  }

  it('covers both verdicts under both configs, and the configs disagree somewhere', () => {
    const verdicts = (config: ConfigName) => CASES.map((_, index) => expected.get(key(config, index)));
    for (const config of ['default', 'custom'] as const)
      expect(new Set(verdicts(config))).toEqual(new Set(['valid', 'invalid']));
    const differing = CASES.filter(
      (_, index) => expected.get(key('default', index)) !== expected.get(key('custom', index)),
    );
    expect(differing.map((c) => c.name)).toEqual(
      expect.arrayContaining(['custom type wip', 'scope outside a closed list', 'header of 60 characters']),
    );
  });
});

describe('shipwright lint-msg: the file git writes (.git/COMMIT_EDITMSG)', () => {
  /** A commit-msg hook that refuses everything leaves git's own COMMIT_EDITMSG behind. */
  async function editMsgFromGit(repo: TempRepo, message: string, commentChar?: string): Promise<void> {
    if (commentChar) await repo.git('config', 'core.commentChar', commentChar);
    await repo.write('.git/hooks/commit-msg', '#!/bin/sh\nexit 1\n');
    await execa('chmod', ['+x', join(repo.dir, '.git/hooks/commit-msg')]);
    await repo.write('wide.txt', `${long(150)}\n`);
    await repo.git('add', 'wide.txt');
    await repo.write('message.txt', message);
    const result = await execa('git', ['commit', '-v', '-e', '-F', 'message.txt'], {
      cwd: repo.dir,
      reject: false,
      env: { GIT_EDITOR: 'true' },
    });
    expect(result.exitCode).not.toBe(0);
  }

  it('checks .git/COMMIT_EDITMSG by default, cutting `git commit -v` diffs at the scissors', async () => {
    const repo = await newRepo();
    await editMsgFromGit(repo, 'feat: add wide file\n');
    const text = await execa('cat', ['.git/COMMIT_EDITMSG'], { cwd: repo.dir });
    expect(text.stdout).toContain(`# ${SCISSORS}`);
    const ours = await runShipwright(['lint-msg'], { cwd: repo.dir });
    expect(ours.code).toBe(0);
    expect(await commitlintVerdict(repo.dir, ['--extends', CONVENTIONAL, '--edit'])).toBe('valid');
  });

  it('reads core.commentChar=auto back from the file git wrote (commitlint takes `auto` literally)', async () => {
    const repo = await newRepo();
    // A body line starting with # makes git pick `;` for its comments and scissors.
    await editMsgFromGit(repo, 'fix: parser\n\n#12 was the cause\n', 'auto');
    const text = (await execa('cat', ['.git/COMMIT_EDITMSG'], { cwd: repo.dir })).stdout;
    expect(text).toContain(`; ${SCISSORS}`);
    const ours = await runShipwright(['lint-msg', '--json'], { cwd: repo.dir });
    expect(ours.code).toBe(0);
    expect(JSON.parse(ours.stdout)).toMatchObject({
      valid: true,
      commentChar: ';',
      results: [{ header: 'fix: parser' }],
    });
    // commitlint keeps the ;-comments and the 150-character diff line as body: a false refusal.
    expect(await commitlintVerdict(repo.dir, ['--extends', CONVENTIONAL, '--edit'])).toBe('invalid');
    // Told the character git really used, it agrees with shipwright.
    await repo.git('config', 'core.commentChar', ';');
    expect(await commitlintVerdict(repo.dir, ['--extends', CONVENTIONAL, '--edit'])).toBe('valid');
  });

  it('explains a missing COMMIT_EDITMSG (exit 3) and a missing FILE (exit 2)', async () => {
    const repo = await newRepo();
    const missing = await runShipwright(['lint-msg'], { cwd: repo.dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('lint-msg -');
    const noFile = await runShipwright(['lint-msg', 'nope.txt'], { cwd: repo.dir });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('nope.txt');
  });
});

describe('shipwright lint-msg output', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await newRepo();
  });

  it('lists each problem, a valid header and the next step', async () => {
    const result = await runShipwright(['lint-msg', '-'], { cwd: repo.dir, stdin: 'foo: Bad thing.\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '✖ type-enum: type must be one of [build, chore, ci, docs, feat, fix, perf, refactor, revert, style, test]',
    );
    expect(result.stdout).toContain('✖ subject-full-stop:');
    expect(result.stdout).toContain('your header:    foo: Bad thing.');
    expect(result.stdout).toContain('a valid header: feat(parser): add support for arrays');
    expect(result.stderr).toContain('shipwright: The commit message breaks 3 rules of @commitlint/config-conventional');
    expect(result.stderr).toContain('fix: fix the problems above');
  });

  it('names the hook’s way back for COMMIT_EDITMSG', async () => {
    await repo.write('.git/COMMIT_EDITMSG', 'bad\n');
    const result = await runShipwright(['lint-msg', '.git/COMMIT_EDITMSG'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('git commit -e -F .git/COMMIT_EDITMSG');
  });

  it('a refusal by a body rule alone shows that rule, not the header as if it were wrong', async () => {
    const result = await runShipwright(['lint-msg', '-'], {
      cwd: repo.dir,
      stdin: `feat(parser): accept arrays\n\n${'y'.repeat(120)}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ body-max-line-length:');
    expect(result.stdout).not.toContain('your header:');
    expect(result.stdout).not.toContain('a valid header:');
    expect(result.stderr).toContain('breaks a rule of @commitlint/config-conventional');
  });

  it('refuses an empty message with its own reason', async () => {
    const result = await runShipwright(['lint-msg', '-'], { cwd: repo.dir, stdin: '# nothing but comments\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ message-empty: the message is empty once comments are removed');
    expect(result.stderr).toContain('The commit message is empty.');
    expect(result.stderr).toContain('write a header like the one above');
  });

  it('prints warnings but passes (exit 0); says nothing for a clean message', async () => {
    const warned = await runShipwright(['lint-msg', '-'], { cwd: repo.dir, stdin: 'feat: add x\nbody\n' });
    expect(warned).toMatchObject({ code: 0, stderr: '' });
    expect(warned.stdout).toContain('⚠ body-leading-blank:');
    expect(await runShipwright(['lint-msg', '-'], { cwd: repo.dir, stdin: 'feat: add x\n' })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('gives the verdict as JSON', async () => {
    const result = await runShipwright(['lint-msg', '-', '--json'], { cwd: repo.dir, stdin: 'feat add x\n' });
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      valid: false,
      rules: { source: 'default' },
      commentChar: '#',
      example: 'feat(parser): add support for arrays',
      results: [
        {
          hash: null,
          header: 'feat add x',
          valid: false,
          errors: [
            { level: 2, name: 'subject-empty' },
            { level: 2, name: 'type-empty' },
          ],
        },
      ],
    });
  });

  it('builds the example from the repo’s own types and scopes', async () => {
    const custom = await newRepo();
    await installCustomConfig(custom);
    const result = await runShipwright(['lint-msg', '-'], { cwd: custom.dir, stdin: 'build: x\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a valid header: feat(api): add support for arrays');
    expect(result.stderr).toContain('the commitlint config');
  });

  it('is a usage error (2) to give a FILE and a range, or two files', async () => {
    expect((await runShipwright(['lint-msg', 'a.txt', '--from', 'HEAD'], { cwd: repo.dir })).code).toBe(2);
    expect((await runShipwright(['lint-msg', 'a.txt', 'b.txt'], { cwd: repo.dir })).code).toBe(2);
  });
});

describe('shipwright lint-msg --from --to', () => {
  let repo: TempRepo;
  let base: string;
  let bad: string;
  beforeAll(async () => {
    repo = await newRepo();
    base = await repo.commit('chore: initial commit');
    await repo.commit('feat: add parser');
    await repo.commit('fix(parser): handle empty input');
    bad = await repo.commit('updated stuff');
    await repo.commit('docs: describe the parser');
  });

  it('reports the bad commit by short hash and exits 1, like commitlint', async () => {
    const short = (await repo.git('rev-parse', '--short', bad)).trim();
    const result = await runShipwright(['lint-msg', '--from', base, '--to', 'HEAD'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((line) => /^[✔✖] /.test(line));
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(`✖ ${short} updated stuff`);
    expect(result.stdout).toContain('    ✖ type-empty: type may not be empty');
    expect(result.stderr).toContain('1 of 4 commits breaks');
    expect(result.stderr).toContain(`git rebase -i ${base}`);
    expect(await commitlintVerdict(repo.dir, ['--extends', CONVENTIONAL, '--from', base, '--to', 'HEAD'])).toBe(
      'invalid',
    );
  });

  it('lists one result per commit, oldest first, in JSON', async () => {
    const result = await runShipwright(['lint-msg', '--from', base, '--to', 'HEAD', '--json'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as {
      valid: boolean;
      commentChar: unknown;
      results: { hash: string; shortHash: string; header: string; valid: boolean }[];
    };
    expect(parsed.valid).toBe(false);
    expect(parsed.commentChar).toBeNull();
    expect(parsed.results.map((r) => [r.header, r.valid])).toEqual([
      ['feat: add parser', true],
      ['fix(parser): handle empty input', true],
      ['updated stuff', false],
      ['docs: describe the parser', true],
    ]);
    expect(parsed.results[2]?.hash).toBe(bad);
    expect(bad.startsWith(parsed.results[2]?.shortHash ?? '-')).toBe(true);
  });

  it('passes a clean range (exit 0) and agrees with commitlint', async () => {
    const result = await runShipwright(['lint-msg', '--from', base, '--to', `${bad}~1`], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All 2 commits follow');
    expect(await commitlintVerdict(repo.dir, ['--extends', CONVENTIONAL, '--from', base, '--to', `${bad}~1`])).toBe(
      'valid',
    );
  });

  it('says so when the range is empty', async () => {
    const result = await runShipwright(['lint-msg', '--from', 'HEAD', '--to', 'HEAD'], { cwd: repo.dir });
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('No commits in HEAD..HEAD');
  });

  it('names an unknown ref (exit 3) and never passes a ref to git as an option', async () => {
    const unknown = await runShipwright(['lint-msg', '--from', 'no-such-branch'], { cwd: repo.dir });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("--from: git does not know the revision 'no-such-branch'");
    const sneaky = await runShipwright(['lint-msg', '--from', base, '--to=--output=pwned.txt'], { cwd: repo.dir });
    expect(sneaky.code).toBe(3);
    await expect(execa('test', ['-e', join(repo.dir, 'pwned.txt')])).rejects.toThrow();
  });
});
