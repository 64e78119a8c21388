// The publish decisions from data: dist-tags, provenance in CI, OTP detection, the retry command.
import { describe, expect, it } from 'vitest';
import {
  asksForOtp,
  distTagFor,
  provenanceAvailable,
  publishArgs,
  publishRetryCommand,
} from '../../../src/core/release/publish-plan.js';

describe('publish plan', () => {
  it('the prerelease id is the dist-tag; stable is latest; a numeric id is next', () => {
    expect(['1.4.0', '1.4.0-rc.2', '2.0.0-beta.0', '1.0.0-alpha', '1.0.0-0'].map(distTagFor)).toEqual([
      'latest',
      'rc',
      'beta',
      'alpha',
      'next',
    ]);
  });

  it('provenance only with an OIDC token from CI', () => {
    expect(
      provenanceAvailable({ GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.test' }),
    ).toBe(true);
    expect(provenanceAvailable({ GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(provenanceAvailable({ GITLAB_CI: 'true', SIGSTORE_ID_TOKEN: 'x' })).toBe(true);
    expect(provenanceAvailable({ CI: 'true' })).toBe(false);
  });

  it('arguments, the OTP retry and the pasteable command', () => {
    expect(publishArgs('1.4.0-rc.1', { provenance: true, otp: '123456' })).toEqual([
      'publish',
      '--tag',
      'rc',
      '--provenance',
      '--otp=123456',
    ]);
    expect(publishRetryCommand('1.4.0', 'packages/my app', false)).toBe(
      "cd 'packages/my app' && npm publish --tag latest",
    );
    expect(
      asksForOtp('npm error code EOTP\nnpm error This operation requires a one-time password from your authenticator.'),
    ).toBe(true);
    expect(asksForOtp('npm error code E403')).toBe(false);
  });
});
