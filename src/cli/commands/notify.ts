// `shipwright notify --webhook URL [--version X]`: announce a release (version, tag, notes,
// compare link) on a Slack- or Discord-compatible incoming webhook.
import { openRepo } from '../../app/open-repo.js';
import { usageError } from '../../core/errors.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, printJson, stringFlag } from '../flags.js';

function webhookUrl(text: string | undefined): URL {
  const example = 'shipwright notify --webhook "$RELEASE_WEBHOOK_URL"';
  if (text === undefined || text.trim() === '')
    throw usageError('notify needs the webhook URL to post to.', `${example}   (a Slack or Discord incoming webhook)`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError('--webhook is not a URL.', example);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw usageError(`--webhook must be https:// (or http://); got '${url.protocol}'.`, example);
  return url;
}

export const command: CommandModule = {
  spec: {
    name: 'notify',
    summary: 'announce a release and its notes on a Slack or Discord incoming webhook',
    usage: '--webhook URL [--version X.Y.Z] [--dry-run] [--json]',
    flags: [
      ['--webhook URL', 'the incoming webhook (keep it secret: CI passes it from a secret)'],
      ['--version X.Y.Z', 'the release to announce (default: the newest release tag)'],
      ['--dry-run', 'print the JSON that would be posted; send nothing'],
      ['--json', 'one JSON object: version, tag, the webhook’s status and the payload'],
    ],
    examples: [
      'shipwright notify --webhook "$RELEASE_WEBHOOK_URL"',
      'shipwright notify --webhook "$RELEASE_WEBHOOK_URL" --version 1.4.0 --dry-run',
    ],
    options: {
      webhook: { type: 'string' },
      version: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  },
  async run({ io, cwd, args }) {
    const dryRun = booleanFlag(args, 'dry-run');
    const url = dryRun && stringFlag(args, 'webhook') === undefined ? null : webhookUrl(stringFlag(args, 'webhook'));
    const repo = await openRepo(cwd);
    const { prepareNotification, postWebhook } = await import('../../app/notify-release.js');
    const payload = await prepareNotification(repo, stringFlag(args, 'version'));
    const { version, tag } = payload.release;
    if (dryRun || url === null) {
      printJson(io.stdout, payload);
      return 0;
    }
    const status = await postWebhook(url, payload);
    if (booleanFlag(args, 'json')) printJson(io.stdout, { ok: true, version, tag, status, payload });
    else io.stdout(`Announced ${tag} on the webhook at ${url.host} (${status}).\n`);
    return 0;
  },
};
