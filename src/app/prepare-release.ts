// Gathers everything a trunk release needs (preflight, version, changelog, notes, version files)
// and turns it into the Plan the engine runs and --dry-run prints.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeChangelog } from '../core/changelog/merge-changelog.js';
import { checkFailed } from '../core/errors.js';
import type { PresetName } from '../core/commits/parser-options.js';
import { planRelease, type ReleasePlan } from '../core/release/plan-release.js';
import type { VersionFileText } from '../core/release/bump-version-files.js';
import { selectReleaseTags } from '../core/tags/release-tag.js';
import type { Bump } from '../core/version/bump-rules.js';
import { readTags } from '../git/read-tags.js';
import { buildChangelog } from './build-changelog.js';
import type { OpenRepo } from './open-repo.js';
import { stripVersionHeading } from './release-notes.js';
import { preflightRepository, preflightTag } from './release-preflight.js';

export interface ReleaseRequest {
  bump?: Bump;
  preid?: string;
  preset?: PresetName;
  push: boolean;
  day: string;
}

export interface PreparedRelease extends ReleasePlan {
  version: string;
  tag: string;
  branch: string;
  remote: string | null;
  pushed: boolean;
}

async function readText(root: string, path: string): Promise<VersionFileText | null> {
  const text = await readFile(join(root, path), 'utf8').catch(() => null);
  return text === null ? null : { path, text };
}

/** The configured version files: JSON only for now; a listed file that is absent is skipped with a note. */
async function readVersionFiles(repo: OpenRepo): Promise<{ files: VersionFileText[]; missing: string[] }> {
  const files: VersionFileText[] = [];
  const missing: string[] = [];
  for (const path of repo.loaded.config.versionFiles) {
    if (!path.endsWith('.json')) {
      throw checkFailed(`versionFiles lists ${path}, but only JSON files with a top-level "version" can be bumped so far.`, {
        code: 'version-file-unsupported',
        fix: `remove ${path} from versionFiles in shipwright.config.json (and bump it by hand)`,
      });
    }
    const file = await readText(repo.cwd, path);
    if (file) files.push(file);
    else missing.push(path);
  }
  return { files, missing };
}

export async function prepareRelease(repo: OpenRepo, request: ReleaseRequest): Promise<PreparedRelease> {
  const preflight = await preflightRepository(repo);
  const result = await buildChangelog(repo, {
    releaseCount: 1,
    day: request.day,
    ...(request.bump ? { bump: request.bump } : {}),
    ...(request.preid ? { preid: request.preid } : {}),
    ...(request.preset ? { preset: request.preset } : {}),
  });
  const { next } = result.state;
  if (next.kind !== 'release' || !result.upcoming) {
    const since = next.current ? ` since ${next.current.name}` : '';
    throw checkFailed(`Nothing to release${since}: no commit is a fix, a feature or a breaking change.`, {
      code: 'nothing-to-release',
      fix: 'commit a fix or feature first, or force a release: shipwright release --bump patch',
    });
  }
  const tag = result.upcoming.currentTag;
  await preflightTag(repo, tag, request.push ? preflight.remote : null);

  const changelogPath = repo.loaded.config.changelog.file;
  const existing = await readFile(join(repo.cwd, changelogPath), 'utf8').catch(() => null);
  const released = selectReleaseTags(await readTags(repo.cwd), repo.loaded.config.tagPrefix).map((candidate) => candidate.version);
  const content = mergeChangelog({ existing, rendered: result.markdown, releasedVersions: released, replaceAll: false });
  const push = request.push && preflight.remote !== null ? { remote: preflight.remote, branchRef: preflight.upstream?.mergeRef ?? `refs/heads/${preflight.branch}` } : null;

  const { files: versionFiles, missing } = await readVersionFiles(repo);
  const planned = planRelease({
    version: next.version,
    tag,
    branch: preflight.branch,
    versionFiles,
    packageLock: versionFiles.some((file) => file.path === 'package.json') ? await readText(repo.cwd, 'package-lock.json') : null,
    preRelease: repo.loaded.config.preRelease,
    changelog: { path: changelogPath, existing, content },
    notes: stripVersionHeading(result.markdown),
    push,
  });
  const notes = [...preflight.notes, ...missing.map((path) => `${path} (versionFiles) does not exist: skipped`), ...(request.push && preflight.remote === null ? ['no remote to push to (add one: git remote add origin URL)'] : []), ...(planned.plan.notes ?? [])];
  return { ...planned, plan: { ...planned.plan, notes }, version: next.version, tag, branch: preflight.branch, remote: preflight.remote, pushed: push !== null };
}
