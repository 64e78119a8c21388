// Commit text and repository URLs in CHANGELOG.md stay text under a CommonMark renderer
// (markdown-it): no raw HTML element, no javascript: (or other non-web) link or image.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeMarkdownText } from '../../src/core/changelog/escape-markdown.js';
import { parseRepositoryUrl } from '../../src/core/repository/repository-url.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { HOSTILE_MARKDOWN } from '../helpers/hostile-corpus.js';
import { assertSafeMarkdown } from '../helpers/safe-markdown.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

describe('escapeMarkdownText', () => {
  it.each(HOSTILE_MARKDOWN)('%s renders as text', (text) => {
    assertSafeMarkdown(`* ${escapeMarkdownText(text)}\n`);
  });

  it('keeps what needs no escaping, code spans as they are and safe links', () => {
    expect(escapeMarkdownText('fix: plain subject')).toBe('fix: plain subject');
    expect(escapeMarkdownText('fix: `a <b>` and `` c ` d ``')).toBe('fix: `a <b>` and `` c ` d ``');
    expect(escapeMarkdownText('see [docs](https://example.com/x) and [mail](mailto:a@b.c)')).toBe(
      'see [docs](https://example.com/x) and [mail](mailto:a@b.c)',
    );
    expect(escapeMarkdownText('\\`<img>\\`')).toBe('\\`&lt;img&gt;\\`');
    expect(escapeMarkdownText('a >= b')).toBe('a &gt;= b');
  });
});

describe('repository URLs', () => {
  it.each([
    'https://github.com/acme/<svg onload=alert(1)>.git',
    'git@github.com:acme/app"><svg onload=alert(1)>.git',
    'https://<svg onload=alert(1)>/acme/app',
    'https://github.com/acme/app)[x](javascript:alert(1)',
  ])('%s gives no web base, so no links are built from it', (url) => {
    expect(parseRepositoryUrl(url)).toBeNull();
  });

  it('still reads ordinary remotes', () => {
    expect(parseRepositoryUrl('git@github.com:acme/app.git')?.webBase).toBe('https://github.com/acme/app');
    expect(parseRepositoryUrl('https://gitlab.com/group/sub.group/app.git')?.webBase).toBe(
      'https://gitlab.com/group/sub.group/app',
    );
  });
});

describe('CHANGELOG.md from hostile commits and remotes', () => {
  let repo: TempRepo | undefined;
  afterEach(async () => {
    await repo?.remove();
    repo = undefined;
  });

  it.each([['https://github.com/acme/app.git'], ['https://github.com/acme/<svg onload=alert(1)>.git']])(
    'renders with remote %s to no raw HTML and no unsafe URL',
    async (remote) => {
      repo = await createTempRepo();
      await repo.commit('feat: first', { path: 'package.json', content: '{ "name": "demo", "version": "1.0.0" }\n' });
      await repo.tag('v1.0.0', { message: 'v1.0.0' });
      await repo.git('remote', 'add', 'origin', remote);
      for (const subject of HOSTILE_MARKDOWN) await repo.commit(subject);
      await repo.commit(
        'feat!: breaking\n\nBREAKING CHANGE: <iframe src=x></iframe>\n[ref]: javascript:alert(1)\n\nsee [ref]',
      );
      const result = await runShipwright(['changelog'], { cwd: repo.dir });
      expect(result.code, result.stderr).toBe(0);
      const text = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
      assertSafeMarkdown(text);
      expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    },
  );

  it('the tag message is plain text: >=v22 stays >=v22 there, while CHANGELOG.md escapes it', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first', { path: 'package.json', content: '{ "name": "demo", "version": "1.0.0" }\n' });
    await repo.tag('v1.0.0', { message: 'v1.0.0' });
    await repo.commit('feat: require node >=v22 and <23');
    const result = await runShipwright(['release', '--yes', '--no-push'], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toContain('require node &gt;=v22 and &lt;23');
    const message = await repo.git('tag', '-l', '--format=%(contents)', 'v1.1.0');
    expect(message).toContain('require node >=v22 and <23');
    expect(message).not.toContain('&gt;');
  });
});
