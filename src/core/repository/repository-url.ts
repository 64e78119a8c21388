// Normalizes a git remote or package.json `repository` to the web base used for changelog links.
import { ownValue } from '../own-property.js';

type HostType = 'github' | 'gitlab' | 'bitbucket' | 'other';

export interface RepositoryInfo {
  type: HostType;
  /** e.g. `https://github.com` */
  host: string;
  /** e.g. `acme`, or `group/subgroup` on GitLab. */
  owner: string;
  repository: string;
  /** e.g. `https://github.com/acme/app` */
  webBase: string;
}

const SHORTCUT_HOSTS: Record<string, string> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  bitbucket: 'bitbucket.org',
};

function hostType(domain: string): HostType {
  if (domain.includes('github')) return 'github';
  if (domain.includes('gitlab')) return 'gitlab';
  if (domain.includes('bitbucket')) return 'bitbucket';
  return 'other';
}

function build(domain: string, path: string): RepositoryInfo | null {
  const cleanDomain = domain
    .replace(/^www\./, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
  const segments = path
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter((segment) => segment.length > 0);
  if (cleanDomain.length === 0 || segments.length < 2) return null;
  // Links are built from these: a host or path with anything but URL-safe characters (a remote or
  // package.json `repository` holding `<svg onload=…>`, quotes, brackets) gives no links at all.
  if (
    !/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(cleanDomain) ||
    !segments.every((segment) => /^[A-Za-z0-9._~-]+$/.test(segment))
  )
    return null;
  const repository = segments[segments.length - 1] as string;
  const owner = segments.slice(0, -1).join('/');
  const host = `https://${cleanDomain}`;
  return { type: hostType(cleanDomain), host, owner, repository, webBase: `${host}/${owner}/${repository}` };
}

/**
 * Accepts https, git+https, ssh://, scp-like (`git@host:owner/repo.git`) and npm shortcuts
 * (`github:owner/repo`, `owner/repo`). Local paths and file:// URLs have no web page: null.
 */
export function parseRepositoryUrl(input: string | null | undefined): RepositoryInfo | null {
  const url = input?.trim();
  if (!url) return null;
  if (url.startsWith('file:') || url.startsWith('/') || url.startsWith('.') || /^[a-zA-Z]:[\\/]/.test(url)) return null;

  const withScheme = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/]+)\/(.+)$/i.exec(url);
  if (withScheme) return build(withScheme[1] as string, withScheme[2] as string);

  const scpLike = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(url);
  if (scpLike) {
    const [, prefix, path] = scpLike as unknown as [string, string, string];
    const shortcut = ownValue(SHORTCUT_HOSTS, prefix);
    if (shortcut) return build(shortcut, path);
    if (prefix.includes('.') || url.includes('@')) return build(prefix, path);
    return null;
  }

  if (/^[\w.-]+\/[\w.-]+$/.test(url)) return build('github.com', url);
  return null;
}

/** package.json `repository` may be a string or `{ type, url }`. */
export function repositoryFieldUrl(field: unknown): string | null {
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'url' in field && typeof field.url === 'string') return field.url;
  return null;
}

/** The path words conventional-changelog uses per host for commit and issue links. */
export function hostLinkWords(type: HostType): { commit: string; issue: string } {
  return type === 'bitbucket' ? { commit: 'commits', issue: 'issue' } : { commit: 'commit', issue: 'issues' };
}

/** Reference keywords and issue prefixes conventional-changelog applies per host. */
export function hostReferenceOptions(
  type: HostType,
): { referenceActions: string[]; issuePrefixes: string[] } | undefined {
  switch (type) {
    case 'github':
      return {
        referenceActions: ['close', 'closes', 'closed', 'fix', 'fixes', 'fixed', 'resolve', 'resolves', 'resolved'],
        issuePrefixes: ['#', 'gh-'],
      };
    case 'gitlab':
      return {
        referenceActions: ['close', 'closes', 'closed', 'closing', 'fix', 'fixes', 'fixed', 'fixing'],
        issuePrefixes: ['#'],
      };
    case 'bitbucket':
      return {
        referenceActions: [
          'close',
          'closes',
          'closed',
          'closing',
          'fix',
          'fixes',
          'fixed',
          'fixing',
          'resolve',
          'resolves',
          'resolved',
          'resolving',
        ],
        issuePrefixes: ['#'],
      };
    default:
      return undefined;
  }
}
