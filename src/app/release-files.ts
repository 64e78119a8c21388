// What a release reads from the working tree before planning: the version files as they are now
// and the changelog with the new section merged in. Shared by releases and hotfixes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeChangelog } from '../core/changelog/merge-changelog.js';
import type { VersionFileText } from '../core/release/bump-version-files.js';
import type { VersionFileInput } from '../core/release/plan-release.js';
import type { ReleaseTag } from '../core/tags/release-tag.js';
import type { OpenRepo } from './open-repo.js';

async function readText(root: string, path: string): Promise<VersionFileText | null> {
  const text = await readFile(join(root, path), 'utf8').catch(() => null);
  return text === null ? null : { path, text };
}

/** The configured version files as they are now; a listed file that is absent is skipped with a note. */
export async function readVersionFiles(repo: OpenRepo): Promise<{ files: VersionFileInput[]; missing: string[]; packageLock: VersionFileText | null }> {
  const texts = new Map<string, VersionFileText | null>();
  const files: VersionFileInput[] = [];
  for (const spec of repo.loaded.config.versionFiles) {
    if (!texts.has(spec.path)) texts.set(spec.path, await readText(repo.cwd, spec.path));
    const file = texts.get(spec.path);
    if (file) files.push({ spec, text: file.text });
  }
  const missing = [...texts].filter(([, file]) => file === null).map(([path]) => path);
  const packageLock = files.some(({ spec }) => spec.path === 'package.json') ? await readText(repo.cwd, 'package-lock.json') : null;
  return { files, missing, packageLock };
}

/** `releaseTags`: every release tag of the repository, as ReleaseState.allTags has them. */
export async function changelogFile(repo: OpenRepo, rendered: string, releaseTags: readonly ReleaseTag[]): Promise<{ path: string; existing: string | null; content: string }> {
  const path = repo.loaded.config.changelog.file;
  const existing = await readFile(join(repo.cwd, path), 'utf8').catch(() => null);
  const released = releaseTags.map((candidate) => candidate.version);
  return { path, existing, content: mergeChangelog({ existing, rendered, releasedVersions: released, replaceAll: false }) };
}
