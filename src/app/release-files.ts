// What a release reads from the working tree before planning: the version files as they are now
// (the changelog is app/update-changelog.ts). Shared by releases and hotfixes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VersionFileText } from '../core/release/bump-version-files.js';
import type { VersionFileInput } from '../core/release/plan-release.js';
import { assertPatternFinishes } from './bounded-pattern.js';
import type { OpenRepo } from './open-repo.js';

async function readText(root: string, path: string): Promise<VersionFileText | null> {
  const text = await readFile(join(root, path), 'utf8').catch(() => null);
  return text === null ? null : { path, text };
}

/**
 * The configured version files as they are now; a listed file that is absent is skipped with a
 * note, a pattern that does not finish on its file in time is refused (bounded-pattern.ts).
 */
export async function readVersionFiles(
  repo: OpenRepo,
): Promise<{ files: VersionFileInput[]; missing: string[]; packageLock: VersionFileText | null }> {
  const texts = new Map<string, VersionFileText | null>();
  const files: VersionFileInput[] = [];
  for (const spec of repo.loaded.config.versionFiles) {
    if (!texts.has(spec.path)) texts.set(spec.path, await readText(repo.cwd, spec.path));
    const file = texts.get(spec.path);
    if (file) files.push({ spec, text: file.text });
  }
  // The bumps run while the plan is built, on the main thread: each user pattern proves first that it ends.
  await Promise.all(
    files.map(({ spec, text }) =>
      spec.kind === 'regex' ? assertPatternFinishes(spec.path, spec.pattern, text) : undefined,
    ),
  );
  const missing = [...texts].filter(([, file]) => file === null).map(([path]) => path);
  const packageLock = files.some(({ spec }) => spec.path === 'package.json')
    ? await readText(repo.cwd, 'package-lock.json')
    : null;
  return { files, missing, packageLock };
}
