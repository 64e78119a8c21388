// The pre-commit secret scan through the real hook: each token family refused with file, line and
// the fix; allowlisted false positives (a path glob, an inline shipwright-allow) let through.
// Tokens are assembled at run time so this file itself carries none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHookedRepo, type HookedRepo } from '../helpers/hooked-repo.js';
import { extraFindings, shannonEntropy } from '../../src/core/hooks/secret-scan.js';

const join = (...parts: string[]) => parts.join('');
const TOKENS: [string, string, string][] = [
  [
    'GitHub classic token',
    'config/github.js',
    `export const token = '${join('ghp', '_', 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx')}';\n`,
  ],
  [
    'GitHub fine-grained token',
    'config/pat.txt',
    `${join('github', '_pat_', '11ABCDEFG0Zq3pL9xW2vT7', '_', 'kR4mN8bJ5ch6GfD1sY0aQeUoIiPlKjHgFdSaZxCvBnM1234567890abcdef')}\n`,
  ],
  ['AWS access key ID', 'deploy/.env', `AWS_ACCESS_KEY_ID=${join('AKIA', 'QYLPMN5HHHFPZAM2')}\n`],
  [
    'AWS secret',
    'deploy/aws.ini',
    `aws_secret_access_key = "${join('Xk7Pq2Lm9Rt4Vw8Y', 'z1Bc3Df5Gh6Jk0Np2Qs4Tu7W')}"\n`,
  ],
  [
    'Slack token',
    'bots/slack.json',
    `{ "bot": "${join('xoxb', '-123456789012-1234567890123-', 'abcdefghijklmnopqrstuvwx')}" }\n`,
  ],
  ['npm token', '.npmrc', `//registry.npmjs.org/:_authToken=${join('npm', '_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8')}\n`],
  [
    'private key',
    'keys/id_rsa',
    `${join('-----BEGIN ', 'RSA PRIVATE KEY-----')}\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi1lGjoRj2BvX4Yd8f1hQvYk5pR\nq9W2kLmN3oP4rS5tU6vW7xY8zA9bC0dE1fG2hI3jK4lM5nO6pQ7rS8tU9vW0xY1z\n${join('-----END ', 'RSA PRIVATE KEY-----')}\n`,
  ],
  [
    'generic high-entropy assignment',
    'src/settings.py',
    `STRIPE_SECRET = "${join('q8Zr3Lw9Tx2V', 'n5Bk7Hs4Dm6Pf1Jc0Gy')}"\n`,
  ],
];

describe('pre-commit secret scan (on by default)', () => {
  let repo: HookedRepo;
  beforeAll(async () => {
    repo = await createHookedRepo({ workflow: 'trunk' });
    await repo.write('README.md', '# demo\n');
    await repo.commitNoVerify('chore: start');
  }, 120_000);
  afterAll(async () => {
    await repo?.remove();
  });

  it.each(TOKENS)('refuses a %s, naming the file, the line and the fix', async (_family, path, content) => {
    await repo.write('notes.txt', `a line\n`);
    await repo.write(path, `# settings\n${content}`);
    const result = await repo.commit('feat: add settings');
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`  ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2  `));
    expect(result.stderr).toContain('the commit was not made');
    expect(result.stderr).toContain('fix: take the secret out of the file');
    expect(result.stderr).toContain('`shipwright-allow` comment');
    expect(await repo.read('log', '--oneline')).not.toContain('add settings');
    await repo.read('reset', '-q', 'HEAD');
    await repo.read('clean', '-fdq');
  });

  it('lets through an allowlisted path, an inline shipwright-allow, and ordinary code', async () => {
    await repo.write(
      'shipwright.config.json',
      `${JSON.stringify({ workflow: 'trunk', secretScan: { allow: ['test/fixtures/**'] } })}\n`,
    );
    const [, , github] = TOKENS[0] as [string, string, string];
    await repo.write('test/fixtures/tokens.js', github);
    await repo.write(
      'src/example.js',
      `${github.trimEnd()} // shipwright-allow: documentation example\nexport const longIdentifierNameForTesting = computeSomethingFromTheInput(value);\n`,
    );
    const result = await repo.commit('test: token fixtures');
    expect(result.code, result.stderr).toBe(0);
  });

  it('secretScan.enabled false turns it off', async () => {
    await repo.write(
      'shipwright.config.json',
      `${JSON.stringify({ workflow: 'trunk', secretScan: { enabled: false } })}\n`,
    );
    const [, path, content] = TOKENS[4] as [string, string, string];
    await repo.write(path, content);
    expect((await repo.commit('chore: slack bot')).code).toBe(0);
  });
});

describe('the extra rules', () => {
  it('entropy tells random values from words and ids', () => {
    expect(shannonEntropy('aaaaaaaaaaaaaaaaaaaa')).toBe(0);
    expect(extraFindings([{ file: 'a.ts', line: 1, text: 'const token = getTokenFromEnvironmentVariable;' }])).toEqual(
      [],
    );
    expect(
      extraFindings([{ file: 'a.ts', line: 1, text: `password: "${join('correct-horse-', 'battery-staple')}"` }]),
    ).toEqual([]);
    expect(
      extraFindings([{ file: 'a.ts', line: 1, text: `AWS_ACCESS_KEY_ID=${join('AKIA', 'IOSFODNN7EXAMPLE')}` }]),
    ).toEqual([]);
  });
});

describe('staged checks with per-path ignores', () => {
  let repo: HookedRepo;
  beforeAll(async () => {
    repo = await createHookedRepo({ workflow: 'trunk' });
    await repo.write('README.md', '# demo\n');
    await repo.commitNoVerify('chore: start');
  }, 120_000);
  afterAll(async () => {
    await repo?.remove();
  });

  it('console-log and todo skip CLIs and changelogs by default, and a configured glob replaces the default', async () => {
    await repo.write(
      'shipwright.config.json',
      `${JSON.stringify({ workflow: 'trunk', stagedChecks: ['console-log', 'todo'] })}\n`,
    );
    await repo.write('src/cli/print.js', "console.log('a CLI prints');\n");
    await repo.write('CHANGELOG.md', '## 1.0.0\n\n* remove the TODO list from the README\n');
    expect((await repo.commit('chore: enable checks')).code).toBe(0);

    await repo.write('src/app.js', "console.log('debugging');\n");
    const refused = await repo.commit('feat: app');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("src/app.js:1  console.log left in code: console.log('debugging');");
    await repo.read('reset', '-q', 'HEAD');

    await repo.write(
      'shipwright.config.json',
      `${JSON.stringify({ workflow: 'trunk', stagedChecks: ['console-log', 'todo'], stagedCheckIgnore: { 'console-log': ['src/app.js'] } })}\n`,
    );
    expect((await repo.commit('feat: app')).code).toBe(0);
    await repo.write('src/cli/more.js', "console.log('now checked');\n");
    const cli = await repo.commit('feat: more');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('src/cli/more.js:1  console.log left in code');
  });
});
