// `shipwright verify --url URL`: the post-deploy health check — polls with backoff until the URL
// answers healthy (exit 0) or the retries run out (exit 1 with the last status and body).
import { checkFailed, usageError } from '../../core/errors.js';
import {
  bodyExcerpt,
  DEFAULT_VERIFY,
  describeAttempt,
  type VerifyAttempt,
  type VerifyPolicy,
} from '../../core/verify/verify-policy.js';
import type { CommandModule, ParsedArgs } from '../command.js';
import { booleanFlag, printJson, stringFlag } from '../flags.js';
import { plural } from '../../core/display-text/plural.js';

function numberFlag(
  args: ParsedArgs,
  name: string,
  fallback: number,
  rule: { integer?: boolean; min: number; max: number; example: string },
): number {
  const text = stringFlag(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  const pattern = rule.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(text) || value < rule.min || value > rule.max) {
    throw usageError(
      `--${name} takes ${rule.integer ? 'a whole number' : 'a number of seconds'} from ${rule.min} to ${rule.max}; got '${text}'.`,
      `e.g. shipwright verify --url URL --${name} ${rule.example}`,
    );
  }
  return value;
}

function readUrl(args: ParsedArgs): string {
  const text = stringFlag(args, 'url');
  if (text === undefined)
    throw usageError('verify needs the URL to check.', 'shipwright verify --url https://app.example.com/health');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--url is not a URL: '${text}'.`, 'shipwright verify --url https://app.example.com/health');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(
      `--url must be http:// or https://; got '${url.protocol}'.`,
      'shipwright verify --url https://app.example.com/health',
    );
  return url.href;
}

function readPolicy(args: ParsedArgs): VerifyPolicy {
  const expect = stringFlag(args, 'expect-status');
  return {
    url: readUrl(args),
    retries: numberFlag(args, 'retries', DEFAULT_VERIFY.retries, { integer: true, min: 0, max: 100, example: '10' }),
    intervalSeconds: numberFlag(args, 'interval', DEFAULT_VERIFY.intervalSeconds, { min: 0, max: 3600, example: '5' }),
    timeoutSeconds: numberFlag(args, 'timeout', DEFAULT_VERIFY.timeoutSeconds, { min: 0.1, max: 600, example: '10' }),
    expectStatus:
      expect === undefined
        ? null
        : numberFlag(args, 'expect-status', 200, { integer: true, min: 100, max: 599, example: '200' }),
  };
}

const attemptJson = (attempt: VerifyAttempt) => ({
  attempt: attempt.attempt,
  status: attempt.status,
  error: attempt.error,
  healthy: attempt.healthy,
});

export const command: CommandModule = {
  spec: {
    name: 'verify',
    summary: 'post-deploy health check: poll a URL with backoff until it answers healthy',
    usage: '--url URL [--retries N] [--interval S] [--timeout S] [--expect-status CODE] [--json]',
    flags: [
      ['--url URL', 'the health endpoint (http:// or https://)'],
      ['--retries N', `attempts after the first (default ${DEFAULT_VERIFY.retries})`],
      [
        '--interval S',
        `seconds before the first retry, doubling after each (up to 60 s; default ${DEFAULT_VERIFY.intervalSeconds})`,
      ],
      ['--timeout S', `seconds one request may take (default ${DEFAULT_VERIFY.timeoutSeconds})`],
      ['--expect-status CODE', 'healthy only on this status (default: any 2xx)'],
      ['--json', 'one JSON object: healthy, every attempt, the last status and body'],
    ],
    examples: [
      'shipwright verify --url https://app.example.com/health',
      'shipwright verify --url http://127.0.0.1:8080/ready --retries 20 --interval 2 --expect-status 204',
    ],
    options: {
      url: { type: 'string' },
      retries: { type: 'string' },
      interval: { type: 'string' },
      timeout: { type: 'string' },
      'expect-status': { type: 'string' },
      json: { type: 'boolean' },
    },
  },
  async run({ io, args }) {
    const policy = readPolicy(args);
    const json = booleanFlag(args, 'json');
    const total = policy.retries + 1;
    const { verifyUrl } = await import('../../app/verify-url.js');
    const outcome = await verifyUrl(policy, (attempt, wait) => {
      if (json) return;
      const mark = attempt.healthy ? '✓' : '✗';
      io.stdout(
        `  ${mark} attempt ${attempt.attempt} of ${total}: ${describeAttempt(attempt)}${wait === null ? '' : ` — next in ${wait} s`}\n`,
      );
    });
    const last = outcome.attempts.at(-1) as VerifyAttempt;
    const wanted = policy.expectStatus === null ? 'a 2xx status' : `status ${policy.expectStatus}`;
    if (json) {
      printJson(io.stdout, {
        url: policy.url,
        healthy: outcome.healthy,
        expected: policy.expectStatus ?? '2xx',
        attempts: outcome.attempts.map(attemptJson),
        last: { status: last.status, error: last.error, body: bodyExcerpt(last.body) },
      });
      return outcome.healthy ? 0 : 1;
    }
    if (outcome.healthy) {
      io.stdout(`${policy.url} is healthy: ${describeAttempt(last)} after ${plural(last.attempt, 'attempt')}.\n`);
      return 0;
    }
    const body = bodyExcerpt(last.body);
    throw checkFailed(
      `${policy.url} is not healthy: it did not answer with ${wanted} in ${plural(total, 'attempt')}; the last was ${describeAttempt(last)}.${body ? `\n  body: ${body}` : ''}`,
      {
        code: 'not-healthy',
        fix: "read the deploy's logs; to put the previous release back: shipwright rollback   (or give it longer: --retries N --interval S)",
      },
    );
  },
};
