// `shipwright notify` against a webhook server the test starts on 127.0.0.1: the JSON posted for
// a real release, a refusal reported without the secret URL, an unreleased version refused.
import { describe, expect, it } from 'vitest';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { serversClosedAfterEach } from '../helpers/http-server.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();
const serve = serversClosedAfterEach();
const ENV = { SOURCE_DATE_EPOCH: '1717200000' };

async function releasedRepo() {
  const entry = await track(createReleaseRepo());
  await entry.repo.commit('chore: repository field', {
    path: 'package.json',
    content: `${JSON.stringify({ name: 'demo', version: '0.1.0', repository: 'github:acme/widget' }, null, 2)}\n`,
  });
  await entry.repo.git('push', '-q');
  const released = await runShipwright(['release', '--yes'], { cwd: entry.repo.dir, env: ENV });
  if (released.code !== 0) throw new Error(released.stderr);
  return entry;
}

describe('shipwright notify', () => {
  it('posts the newest release as JSON Slack and Discord accept: version, tag, notes, compare link', async () => {
    const { repo } = await releasedRepo();
    const hook = await serve(() => ({ status: 200, body: 'ok' }));
    const result = await runShipwright(['notify', '--webhook', `${hook.origin}/services/T000/B000/secret`], {
      cwd: repo.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Announced v0.2.0 on the webhook at ${hook.origin.slice('http://'.length)} (200).\n`);
    expect(hook.requests).toHaveLength(1);
    const [request] = hook.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/services/T000/B000/secret' });
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '');
    expect(body.text.split('\n')[0]).toBe(
      '*demo v0.2.0 released* · <https://github.com/acme/widget/compare/v0.1.0...v0.2.0|changes since v0.1.0>',
    );
    expect(body.text).toContain('*Features*');
    expect(body.text).toContain('• add the widget');
    expect(body.content).toContain('**demo v0.2.0 released**');
    expect(body.content).toContain('### Bug Fixes');
    expect(body.release).toMatchObject({
      project: 'demo',
      version: '0.2.0',
      tag: 'v0.2.0',
      previousTag: 'v0.1.0',
      compare: 'https://github.com/acme/widget/compare/v0.1.0...v0.2.0',
    });
    expect(body.release.notes).toContain('handle empty input');
  });

  it('--version picks an older release; --dry-run prints the payload and posts nothing', async () => {
    const { repo } = await releasedRepo();
    const dry = await runShipwright(['notify', '--version', '0.1.0', '--dry-run'], { cwd: repo.dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout).release).toMatchObject({
      version: '0.1.0',
      tag: 'v0.1.0',
      previousTag: null,
      compare: null,
    });
  });

  it('a refusing webhook: exit 3 naming its host and status, never the secret path, with the retry', async () => {
    const { repo } = await releasedRepo();
    const hook = await serve(() => ({ status: 404, body: 'no_service' }));
    const result = await runShipwright(['notify', '--webhook', `${hook.origin}/services/T000/B000/secret`], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `The webhook at ${hook.origin.slice('http://'.length)} refused the announcement: 404 Not Found (no_service).`,
    );
    expect(result.stderr).toContain('retry: shipwright notify --webhook "$RELEASE_WEBHOOK_URL" --version 0.2.0');
    expect(result.stderr).not.toContain('secret');
  });

  it('an unreleased version or a missing URL is refused before anything is posted', async () => {
    const { repo } = await releasedRepo();
    const hook = await serve(() => ({ status: 200 }));
    const unreleased = await runShipwright(['notify', '--webhook', hook.origin, '--version', '9.9.9'], {
      cwd: repo.dir,
    });
    expect(unreleased.code).toBe(1);
    expect(unreleased.stderr).toContain('There is no release 9.9.9');
    const noUrl = await runShipwright(['notify'], { cwd: repo.dir });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('notify needs the webhook URL to post to.');
    expect(hook.requests).toHaveLength(0);
  });
});
