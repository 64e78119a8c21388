// The release announcement as an incoming-webhook body both Slack and Discord accept: Slack reads
// `text` (its mrkdwn), Discord reads `content` (Markdown, at most 2,000 characters); each ignores
// the other's keys. `release` carries the facts for any other receiver. Pure.
import type { RepositoryInfo } from '../repository/repository-url.js';

interface ReleaseAnnouncement {
  /** package.json name, else the repository name, else null. */
  project: string | null;
  version: string;
  tag: string;
  previousTag: string | null;
  notes: string;
  repository: RepositoryInfo | null;
}

/** Discord refuses a longer `content`. */
export const DISCORD_LIMIT = 2000;
/** Slack shows at most this much before "show more"; long notes are cut with a link to the rest. */
export const SLACK_LIMIT = 3000;

/** The web page comparing the two tags; null on hosts without one or for a first release. */
export function compareUrl(repository: RepositoryInfo | null, previousTag: string | null, tag: string): string | null {
  if (!repository || !previousTag) return null;
  const range = `${encodeURIComponent(previousTag)}...${encodeURIComponent(tag)}`;
  if (repository.type === 'github') return `${repository.webBase}/compare/${range}`;
  if (repository.type === 'gitlab') return `${repository.webBase}/-/compare/${range}`;
  return null;
}

/** Slack's three control characters (its docs: escape &, <, >); everything else is literal. */
const slackEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Markdown notes as Slack mrkdwn: headings bold, bullets •, `**x**` → `*x*`, links `<url|text>`.
 * Line by line with bounded patterns: commit subjects are user text.
 */
export function toSlackMrkdwn(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      let out = slackEscape(line);
      const heading = /^#{1,6} (.{1,500})$/.exec(out);
      if (heading) return `*${heading[1]}*`;
      out = out.replace(/^(\s{0,8})[*-] /, '$1• ');
      out = out.replace(/\*\*([^*\n]{1,500})\*\*/g, '*$1*');
      out = out.replace(/\[([^\]\n]{1,500})\]\((https?:\/\/[^\s)|]{1,2000})\)/g, '<$2|$1>');
      return out;
    })
    .join('\n');
}

const cut = (text: string, limit: number, more: string): string =>
  text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - more.length - 1)).trimEnd()}\n${more}`;

export interface WebhookPayload {
  text: string;
  content: string;
  /** Discord: never ping @everyone or a role because a commit subject said so. */
  allowed_mentions: { parse: [] };
  release: {
    project: string | null;
    version: string;
    tag: string;
    previousTag: string | null;
    compare: string | null;
    notes: string;
  };
}

export function releaseWebhookPayload(announcement: ReleaseAnnouncement): WebhookPayload {
  const { project, version, tag, previousTag, notes, repository } = announcement;
  const compare = compareUrl(repository, previousTag, tag);
  const name = project ? `${project} ${tag}` : tag;
  const slackTitle = `*${slackEscape(name)} released*${compare ? ` · <${compare}|changes since ${slackEscape(previousTag ?? '')}>` : ''}`;
  const discordTitle = `**${name} released**${compare ? ` · [changes since ${previousTag}](<${compare}>)` : ''}`;
  const more = compare ? `… the full notes: ${compare}` : '…';
  const body = notes.trim();
  return {
    text: cut(`${slackTitle}\n${toSlackMrkdwn(body)}`, SLACK_LIMIT, more),
    content: cut(`${discordTitle}\n${body}`, DISCORD_LIMIT, compare ? `… the full notes: <${compare}>` : '…'),
    allowed_mentions: { parse: [] },
    release: { project, version, tag, previousTag, compare, notes },
  };
}
