// The health check's rules as data: which answer is healthy, how long to wait before each retry
// (exponential backoff), and what of a response body a report may show. Pure.

export interface VerifyPolicy {
  url: string;
  /** Retries after the first attempt. */
  retries: number;
  /** Seconds before the first retry; each later wait doubles, up to MAX_WAIT_SECONDS. */
  intervalSeconds: number;
  /** Seconds one request may take. */
  timeoutSeconds: number;
  /** null: any 2xx is healthy. */
  expectStatus: number | null;
}

/** Waits stop doubling here (or at the interval itself, when it is longer). */
const MAX_WAIT_SECONDS = 60;

export const DEFAULT_VERIFY = { retries: 10, intervalSeconds: 5, timeoutSeconds: 10 } as const;

/** Seconds to wait before retry `n` (1-based): interval, 2×, 4×, … capped. */
export function retryWaitSeconds(policy: Pick<VerifyPolicy, 'intervalSeconds'>, n: number): number {
  const cap = Math.max(policy.intervalSeconds, MAX_WAIT_SECONDS);
  return Math.min(policy.intervalSeconds * 2 ** (n - 1), cap);
}

export const isHealthy = (status: number, expectStatus: number | null): boolean =>
  expectStatus === null ? status >= 200 && status < 300 : status === expectStatus;

/** The start of a body for a one-screen report: control characters (terminal escapes) removed, bounded. */
export function bodyExcerpt(body: string, limit = 300): string {
  const clean = body
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
}

export interface VerifyAttempt {
  attempt: number;
  /** null: no HTTP answer (refused, timed out, DNS). */
  status: number | null;
  statusText: string;
  /** Why there was no answer. */
  error: string | null;
  body: string;
  healthy: boolean;
}

export const describeAttempt = (attempt: VerifyAttempt): string =>
  attempt.status === null
    ? `no answer (${attempt.error ?? 'unknown error'})`
    : `${attempt.status}${attempt.statusText ? ` ${attempt.statusText}` : ''}`;
