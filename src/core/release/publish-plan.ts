// `npm publish` after the push, as data: the dist-tag a version goes under, provenance in CI, and
// the command to paste when it has to be retried. Pure.
import semver from 'semver';
import { shellCommand } from '../display-text/shell-words.js';

/** `1.4.0-rc.2` → `rc`, `2.0.0-beta.0` → `beta`; a stable version → `latest`; `1.0.0-0` → `next`. */
export function distTagFor(version: string): string {
  const pre = semver.prerelease(version);
  if (!pre || pre.length === 0) return 'latest';
  const id = pre[0];
  return typeof id === 'string' && /^[A-Za-z][0-9A-Za-z-]*$/.test(id) ? id : 'next';
}

/**
 * npm's provenance needs an OIDC token from the CI provider: GitHub Actions with `id-token: write`
 * (ACTIONS_ID_TOKEN_REQUEST_URL set) or GitLab CI with an `id_tokens` entry named SIGSTORE_ID_TOKEN.
 */
export function provenanceAvailable(env: NodeJS.ProcessEnv): boolean {
  if (env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL)) return true;
  return env.GITLAB_CI === 'true' && Boolean(env.SIGSTORE_ID_TOKEN);
}

export function publishArgs(version: string, options: { provenance: boolean; otp?: string }): string[] {
  return [
    'publish',
    '--tag',
    distTagFor(version),
    ...(options.provenance ? ['--provenance'] : []),
    ...(options.otp ? [`--otp=${options.otp}`] : []),
  ];
}

/** What to run again from the package's folder (`dir` relative to the repository, '' for the root). */
export function publishRetryCommand(version: string, dir: string, provenance: boolean): string {
  const npm = shellCommand(['npm', ...publishArgs(version, { provenance })]);
  return dir === '' ? npm : `cd ${shellCommand([dir])} && ${npm}`;
}

/** npm's words when the account has two-factor auth on for publishing. */
export const asksForOtp = (output: string): boolean => /\bEOTP\b|one-time password/i.test(output);
