// The whole hostile corpus (test/helpers/hostile-corpus.ts) through every command that prints or
// writes commit text, names or config: rendered Markdown holds no raw HTML element or unsafe URL,
// no output holds a control character that came from the input, every exit is 0–3 with a message
// (never 70 or a stack trace), and no injected command runs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER as CONTROL } from '../../src/core/display-text/control-characters.js';
import { HOSTILE_BODY, HOSTILE_CONTROLS, HOSTILE_REMOTES, HOSTILE_SUBJECTS_ALL } from '../helpers/hostile-corpus.js';
import { runShipwright, type CliRun } from '../helpers/run-shipwright.js';
import { assertSafeMarkdown } from '../helpers/safe-markdown.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const CRASH = /internal error|failed unexpectedly|\n\s+at \S|exit code 70/;

/** An exit of 0–3, a message on every failure, no crash, no control character, no injected command. */
function assertWellBehaved(result: CliRun, dir: string, label: string): void {
  const output = result.stdout + result.stderr;
  expect([0, 1, 2, 3], `${label}: ${result.stderr.slice(0, 400)}`).toContain(result.code);
  // A refusal says what and how to fix it (doctor's report is its own message, on stdout).
  if (result.code !== 0)
    expect(label === 'doctor' ? result.stdout + result.stderr : result.stderr, label).toMatch(
      /(shipwright: |✗ ).+[\s\S]*(fix: |→ )\S/,
    );
  expect(output, label).not.toMatch(CRASH);
  expect(output.match(CONTROL) ?? [], label).toEqual([]);
  expect(existsSync(join(dir, 'pwned')), `${label}: an injected command ran`).toBe(false);
}

async function corpusRepo(remote: string): Promise<TempRepo> {
  const repo = await createTempRepo();
  await repo.commit('feat: first', {
    path: 'package.json',
    content: `${JSON.stringify({ name: 'demo', version: '1.0.0', repository: HOSTILE_REMOTES[0] }, null, 2)}\n`,
  });
  await repo.tag('v1.0.0', { message: 'v1.0.0' });
  await repo.git('remote', 'add', 'origin', remote);
  for (const subject of HOSTILE_SUBJECTS_ALL) await repo.commit(subject);
  await repo.commit(HOSTILE_BODY);
  return repo;
}

describe.each(HOSTILE_REMOTES)('a history of hostile commits, remote %s', (remote) => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await corpusRepo(remote);
  }, 120_000);
  afterAll(async () => {
    await repo.remove();
  });
  const run = (...args: string[]) => runShipwright(args, { cwd: repo.dir, env: ENV });

  it.each(
    [
      ['status'],
      ['version'],
      ['doctor'],
      ['backport', '--list'],
      ['lint-msg', '--from', 'v1.0.0', '--to', 'HEAD'],
      ['release', '--dry-run', '--no-push'],
      ['changelog', '--stdout', '--from', 'v1.0.0', '--to', 'HEAD'],
      ['status', '--json'],
      ['release', '--dry-run', '--no-push', '--json'],
    ].map((args) => [args.join(' '), args] as const),
  )('%s behaves', async (command, args) => {
    assertWellBehaved(await run(...args), repo.dir, command);
  });

  it('changelog --stdout renders to safe Markdown', async () => {
    const result = await run('changelog', '--stdout');
    assertWellBehaved(result, repo.dir, 'changelog --stdout');
    expect(result.code).toBe(0);
    assertSafeMarkdown(result.stdout);
    expect(result.stdout).toContain('retitle \\x1b]0;pwned\\x07 the terminal');
  });

  it('lint-msg on each message from stdin', async () => {
    for (const message of [...HOSTILE_SUBJECTS_ALL, HOSTILE_BODY]) {
      const result = await runShipwright(['lint-msg', '-'], { cwd: repo.dir, stdin: `${message}\n` });
      assertWellBehaved(result, repo.dir, `lint-msg: ${message.slice(0, 60)}`);
    }
  });

  it('the release writes safe CHANGELOG.md, a plain tag message, and safe release notes', async () => {
    const released = await run('release', '--yes', '--no-push');
    assertWellBehaved(released, repo.dir, 'release');
    expect(released.code, released.stderr).toBe(0);
    assertSafeMarkdown(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8'));
    const tag = (await repo.git('describe', '--tags', '--abbrev=0')).trim();
    expect(tag).toBe('v2.0.0');
    const message = await repo.git('tag', '-l', '--format=%(contents)', tag);
    expect(message.match(CONTROL) ?? []).toEqual([]);
    for (const args of [
      ['changelog', '--release-notes', '2.0.0'],
      ['changelog', '--release-notes', 'v2.0.0'],
      ['changelog', '--stdout', '--from', 'v1.0.0', '--to', 'v2.0.0'],
      ['changelog', '--stdout', '--to', 'v2.0.0'],
    ]) {
      const notes = await run(...args);
      assertWellBehaved(notes, repo.dir, args.join(' '));
      expect(notes.code, notes.stderr).toBe(0);
      assertSafeMarkdown(notes.stdout);
    }
    assertWellBehaved(await run('status'), repo.dir, 'status after the release');
  }, 60_000);
});

/** Config an attacker wrote: each loads to a named refusal (or works), never a crash or an injection. */
const HOSTILE_CONFIGS: [string, string][] = [
  ['a __proto__ key', '{ "__proto__": { "workflow": "gitflow" } }'],
  ['constructor and toString keys', '{ "constructor": 1, "branches": { "toString": "x" } }'],
  ['hasOwnProperty in changelog', '{ "changelog": { "hasOwnProperty": true } }'],
  ['control characters in tagPrefix', '{ "tagPrefix": "\\u001b]0;pwned\\u0007v" }'],
  ['control characters in a branch name', '{ "branches": { "production": "main\\u001b[2J" } }'],
  ['a shell-hostile production branch', '{ "branches": { "production": "main$(touch pwned)" } }'],
  [
    'markup in a changelog section',
    '{ "changelog": { "types": [{ "type": "feat", "section": "<script>alert(1)</script>" }] } }',
  ],
  [
    'a catastrophic versionFiles pattern',
    '{ "versionFiles": [{ "path": "V.txt", "pattern": "^version = ((a+)+)$" }] }',
  ],
  ['an alternation that backtracks', '{ "versionFiles": [{ "path": "V.txt", "pattern": "^version = (a|aa)*$" }] }'],
  ['a preRelease that touches pwned (a dry run runs nothing)', '{ "preRelease": ["sh", "-c", "touch pwned"] }'],
  ['not JSON', '{ "workflow": "trunk", }'],
  ['a million nested arrays', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`],
  ['a string for the whole config', '"\\u001b]0;pwned\\u0007"'],
];

describe.each(HOSTILE_CONFIGS)('config: %s', (_, text) => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first', { path: 'package.json', content: '{ "name": "demo", "version": "1.0.0" }\n' });
    await repo.tag('v1.0.0', { message: 'v1.0.0' });
    await repo.write('V.txt', `version = ${'a'.repeat(40)}!\n`);
    await repo.write('shipwright.config.json', text);
    await repo.git('add', '-A');
    await repo.commit(HOSTILE_CONTROLS[0] ?? 'fix: x');
  });
  afterAll(async () => {
    await repo.remove();
  });

  it.each(
    [['status'], ['version'], ['changelog', '--stdout'], ['release', '--dry-run', '--no-push'], ['doctor']].map(
      (args) => [args.join(' '), args] as const,
    ),
  )(
    '%s behaves',
    async (command, args) => {
      const result = await runShipwright(args, { cwd: repo.dir, env: ENV });
      assertWellBehaved(result, repo.dir, command);
      if (args[0] === 'changelog' && result.code === 0) assertSafeMarkdown(result.stdout);
    },
    30_000,
  );
});
