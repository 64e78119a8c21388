// What a release does once its tag is pushed: the hosted release (gh), then the checklist's after
// items. None of it can undo the release; each failure says what to run again.
import type { ReleaseChecklist } from '../app/release-checklist.js';
import type { CliIo } from '../output/io.js';
import { jsonLine } from './print-engine-events.js';
import { askLine } from './prompt.js';
import { runAfterItems } from './release-checklist.js';

interface AfterPushRequest {
  cwd: string;
  tag: string;
  version: string;
  /** The notes of the release, for the hosted release's body. */
  notes: string;
  prerelease: boolean;
  pushed: boolean;
  json: boolean;
  checklist: ReleaseChecklist;
  githubRelease: boolean;
  /** npm publish of the package at the repository root (null: not asked; `private`: package.json says so). */
  publish: { private: boolean } | null;
}

/** Exit codes: 1 an after item failed, 3 gh failed; the highest wins. */
export async function afterPush(io: CliIo, request: AfterPushRequest): Promise<number> {
  const hosted = request.githubRelease ? await hostedRelease(io, request) : 0;
  const published = request.publish ? await publish(io, request, request.publish) : 0;
  const after = await runAfterItems(io, request.checklist, {
    cwd: request.cwd,
    pushed: request.pushed,
    json: request.json,
    tag: request.tag,
  });
  return Math.max(hosted, published, after);
}

async function hostedRelease(io: CliIo, request: AfterPushRequest): Promise<number> {
  const say = (text: string) => (request.json ? undefined : io.stdout(text));
  if (!request.pushed) {
    const { githubReleaseCommand } = await import('../core/release/hosted-release.js');
    const command = githubReleaseCommand(request.tag, request.version, request.prerelease);
    if (request.json) jsonLine(io, { type: 'github-release', ran: false, reason: 'not-pushed', command });
    say(
      `\nGitHub release: ${request.tag} is not pushed, so it is not created. Once the tag is pushed:\n  ${command}\n`,
    );
    return 0;
  }
  const { createGithubRelease } = await import('../app/github-release.js');
  say(`\nGitHub release ${request.tag}${request.prerelease ? ' (prerelease)' : ''}:\n`);
  const outcome = await createGithubRelease({
    cwd: request.cwd,
    env: io.env,
    tag: request.tag,
    version: request.version,
    notes: request.notes,
    prerelease: request.prerelease,
    // With --json, stdout carries only JSON lines.
    onStdout: request.json ? io.stderr : io.stdout,
    onStderr: io.stderr,
  });
  if (request.json)
    jsonLine(io, {
      type: 'github-release',
      ran: outcome.kind !== 'manual',
      ok: outcome.kind === 'created',
      ...(outcome.kind === 'manual' ? { reason: outcome.reason } : {}),
      ...(outcome.kind === 'failed' ? { exitCode: outcome.exitCode } : {}),
      command: outcome.command,
    });
  if (outcome.kind === 'created') {
    say(`  ✓ created with the release notes\n`);
    return 0;
  }
  if (outcome.kind === 'manual') {
    const why =
      outcome.reason === 'missing'
        ? 'gh (the GitHub CLI) is not installed here (https://cli.github.com)'
        : 'gh is not logged in here (gh auth login, or GH_TOKEN in CI)';
    say(`  · not created: ${why}. Create it with:\n  ${outcome.command}\n`);
    return 0;
  }
  io.stderr(
    `  ✗ gh release create failed with exit code ${outcome.exitCode} (gh's message is above). ${request.tag} is pushed and stays; nothing was rolled back.\n  → retry: ${outcome.command}\n`,
  );
  return 3;
}

async function publish(io: CliIo, request: AfterPushRequest, target: { private: boolean }): Promise<number> {
  const say = (text: string) => (request.json ? undefined : io.stdout(text));
  const { distTagFor, provenanceAvailable, publishRetryCommand } = await import('../core/release/publish-plan.js');
  const retry = publishRetryCommand(request.version, '', provenanceAvailable(io.env));
  if (target.private) {
    if (request.json) jsonLine(io, { type: 'publish', ran: false, reason: 'private' });
    say('\nnpm publish: package.json is "private": true, so nothing is published (remove it to publish).\n');
    return 0;
  }
  if (!request.pushed) {
    if (request.json) jsonLine(io, { type: 'publish', ran: false, reason: 'not-pushed', command: retry });
    say(`\nnpm publish: ${request.tag} is not pushed, so nothing is published. Once the tag is pushed:\n  ${retry}\n`);
    return 0;
  }
  say(`\nnpm publish ${request.version} (dist-tag ${distTagFor(request.version)}):\n`);
  const { publishPackage } = await import('../app/npm-publish.js');
  const outcome = await publishPackage({
    dir: request.cwd,
    version: request.version,
    env: io.env,
    onOutput: (text) => io.stderr(text),
    askOtp:
      io.interactive && !request.json ? () => askLine('npm asks for a one-time password (two-factor auth): ') : null,
  });
  if (request.json)
    jsonLine(io, {
      type: 'publish',
      ran: true,
      ok: outcome.ok,
      distTag: distTagFor(request.version),
      provenance: outcome.provenance,
      ...(outcome.ok ? {} : { exitCode: outcome.exitCode }),
      command: retry,
    });
  if (outcome.ok) {
    say(`  ✓ published under the dist-tag ${outcome.distTag}${outcome.provenance ? ', with provenance' : ''}\n`);
    return 0;
  }
  const why = outcome.needsOtp
    ? 'npm wants a one-time password (two-factor auth)'
    : `npm publish failed${outcome.exitCode === null ? '' : ` with exit code ${outcome.exitCode}`} (npm's message is above)`;
  io.stderr(
    `  ✗ ${why}. ${request.tag} is pushed and stays; nothing was rolled back.\n  → retry: ${retry}${outcome.needsOtp ? ' --otp=CODE' : ''}\n`,
  );
  return 3;
}
