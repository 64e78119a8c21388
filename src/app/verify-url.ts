// Polls a health URL until it answers healthy or the retries run out (`shipwright verify`).
// Node's own fetch: one GET per attempt, each bounded by the policy's timeout.
import { setTimeout as sleep } from 'node:timers/promises';
import { isHealthy, retryWaitSeconds, type VerifyAttempt, type VerifyPolicy } from '../core/verify/verify-policy.js';

/** Enough of a body for the report's excerpt; a health page that streams forever is cut here. */
const MAX_BODY_BYTES = 16 * 1024;

async function readSome(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8');
}

const reason = (error: unknown): string => {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'timed out';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(error);
};

async function attemptOnce(policy: VerifyPolicy, attempt: number): Promise<VerifyAttempt> {
  try {
    const response = await fetch(policy.url, {
      signal: AbortSignal.timeout(policy.timeoutSeconds * 1000),
      headers: { 'user-agent': 'shipwright-verify' },
    });
    const body = await readSome(response);
    return {
      attempt,
      status: response.status,
      statusText: response.statusText,
      error: null,
      body,
      healthy: isHealthy(response.status, policy.expectStatus),
    };
  } catch (error) {
    return { attempt, status: null, statusText: '', error: reason(error), body: '', healthy: false };
  }
}

interface VerifyOutcome {
  healthy: boolean;
  attempts: VerifyAttempt[];
}

/** `onAttempt` hears each attempt and the seconds until the next one (null: none follows). */
export async function verifyUrl(
  policy: VerifyPolicy,
  onAttempt?: (attempt: VerifyAttempt, nextWaitSeconds: number | null) => void,
): Promise<VerifyOutcome> {
  const attempts: VerifyAttempt[] = [];
  for (let n = 0; n <= policy.retries; n++) {
    if (n > 0) await sleep(retryWaitSeconds(policy, n) * 1000);
    const attempt = await attemptOnce(policy, n + 1);
    attempts.push(attempt);
    const last = attempt.healthy || n === policy.retries;
    onAttempt?.(attempt, last ? null : retryWaitSeconds(policy, n + 1));
    if (attempt.healthy) return { healthy: true, attempts };
  }
  return { healthy: false, attempts };
}
