// `shipwright notify`: a released version's notes posted to an incoming webhook (Slack, Discord).
import { flagWords } from '../core/display-text/shell-words.js';
import { checkFailed, environmentError } from '../core/errors.js';
import { releaseWebhookPayload, type WebhookPayload } from '../core/notify/release-message.js';
import { selectReleaseTags } from '../core/tags/release-tag.js';
import { bodyExcerpt } from '../core/verify/verify-policy.js';
import { readTags } from '../git/read-tags.js';
import { readRepositoryInfo, type OpenRepo } from './open-repo.js';
import { readReleaseNotes } from './release-notes.js';

/** A webhook that does not answer in this time is reported, not waited for. */
const POST_TIMEOUT_MS = 15_000;

/** The payload for `version` (default: the newest release tag), before anything is sent. */
export async function prepareNotification(repo: OpenRepo, requested: string | undefined): Promise<WebhookPayload> {
  const { config } = repo.loaded;
  const newest = selectReleaseTags(await readTags(repo.cwd), config.tagPrefix)[0];
  const wanted = requested ?? newest?.version;
  if (wanted === undefined)
    throw checkFailed('There is no release to announce: no release tag yet.', {
      code: 'no-release',
      fix: 'release first (shipwright release), then run notify',
    });
  const read = await readReleaseNotes(repo, wanted);
  if (read.tag === null) {
    throw checkFailed(
      `${read.version} is not released yet (no tag ${config.tagPrefix}${read.version}): nothing to announce.`,
      {
        code: 'unknown-release',
        fix: `release it first (shipwright release), then: shipwright notify --webhook URL ${flagWords('--version', read.version)}`,
      },
    );
  }
  const name = repo.packageJson?.name;
  const repository = await readRepositoryInfo(repo);
  const project = typeof name === 'string' && name.trim() ? name.trim() : (repository?.repository ?? null);
  return releaseWebhookPayload({
    project,
    version: read.version,
    tag: read.tag,
    previousTag: read.previousTag,
    notes: read.notes,
    repository,
  });
}

/** POSTs the payload. The URL is a secret (it is the webhook's credential): errors name only its host. */
export async function postWebhook(url: URL, payload: WebhookPayload): Promise<number> {
  const retry = `shipwright notify --webhook "$RELEASE_WEBHOOK_URL" ${flagWords('--version', payload.release.version)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'shipwright-notify' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause =
      (error as { name?: string; cause?: { code?: string } }).name === 'TimeoutError'
        ? 'timed out'
        : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    throw environmentError(`The webhook at ${url.host} did not answer (${cause}); the release was not announced.`, {
      code: 'webhook-unreachable',
      fix: `check the webhook URL and the network, then retry: ${retry}`,
    });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const body = bodyExcerpt(text, 200);
    throw environmentError(
      `The webhook at ${url.host} refused the announcement: ${response.status} ${response.statusText}${body ? ` (${body})` : ''}.`,
      {
        code: 'webhook-refused',
        fix: `check that the URL is an incoming webhook (Slack or Discord) that is still active, then retry: ${retry}`,
      },
    );
  }
  return response.status;
}
