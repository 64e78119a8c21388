// The webhook payload from data: Slack's mrkdwn, Discord's limit and mentions, compare links.
import { describe, expect, it } from 'vitest';
import {
  compareUrl,
  DISCORD_LIMIT,
  releaseWebhookPayload,
  SLACK_LIMIT,
  toSlackMrkdwn,
} from '../../../src/core/notify/release-message.js';
import { parseRepositoryUrl } from '../../../src/core/repository/repository-url.js';

const github = parseRepositoryUrl('https://github.com/acme/widget.git');

describe('releaseWebhookPayload', () => {
  it('Slack text, Discord content and the facts, with the compare link', () => {
    const payload = releaseWebhookPayload({
      project: 'widget',
      version: '1.4.0',
      tag: 'v1.4.0',
      previousTag: 'v1.3.0',
      notes: '### Features\n\n* **api:** add export ([abc1234](https://github.com/acme/widget/commit/abc1234))\n',
      repository: github,
    });
    expect(payload.text).toBe(
      '*widget v1.4.0 released* · <https://github.com/acme/widget/compare/v1.3.0...v1.4.0|changes since v1.3.0>\n*Features*\n\n• *api:* add export (<https://github.com/acme/widget/commit/abc1234|abc1234>)',
    );
    expect(payload.content).toBe(
      '**widget v1.4.0 released** · [changes since v1.3.0](<https://github.com/acme/widget/compare/v1.3.0...v1.4.0>)\n### Features\n\n* **api:** add export ([abc1234](https://github.com/acme/widget/commit/abc1234))',
    );
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.release).toEqual({
      project: 'widget',
      version: '1.4.0',
      tag: 'v1.4.0',
      previousTag: 'v1.3.0',
      compare: 'https://github.com/acme/widget/compare/v1.3.0...v1.4.0',
      notes: expect.stringContaining('add export'),
    });
  });

  it('commit text cannot ping or inject Slack markup', () => {
    expect(toSlackMrkdwn('* fix <!channel> & <https://evil.test|click>')).toBe(
      '• fix &lt;!channel&gt; &amp; &lt;https://evil.test|click&gt;',
    );
  });

  it('long notes are cut to each service’s limit with the compare link', () => {
    const notes = `### Bug Fixes\n\n${Array.from({ length: 400 }, (_, i) => `* fix number ${i}`).join('\n')}\n`;
    const payload = releaseWebhookPayload({
      project: null,
      version: '2.0.0',
      tag: 'v2.0.0',
      previousTag: 'v1.9.0',
      notes,
      repository: github,
    });
    expect(payload.content.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    expect(payload.text.length).toBeLessThanOrEqual(SLACK_LIMIT);
    expect(payload.content.endsWith('… the full notes: <https://github.com/acme/widget/compare/v1.9.0...v2.0.0>')).toBe(
      true,
    );
    expect(payload.release.notes).toBe(notes);
  });

  it('compare links: GitHub and GitLab; none for a first release or an unknown host', () => {
    expect(compareUrl(parseRepositoryUrl('git@gitlab.com:group/sub/app.git'), 'v1.0.0', 'v1.1.0')).toBe(
      'https://gitlab.com/group/sub/app/-/compare/v1.0.0...v1.1.0',
    );
    expect(compareUrl(github, null, 'v1.0.0')).toBeNull();
    expect(compareUrl(null, 'v1.0.0', 'v1.1.0')).toBeNull();
    expect(compareUrl(github, 'pkg@1.0.0', 'pkg@1.1.0')).toBe(
      'https://github.com/acme/widget/compare/pkg%401.0.0...pkg%401.1.0',
    );
  });
});
