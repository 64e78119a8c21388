// A monorepo release as one Plan: every released package's package.json (version, and the ranges
// on other released packages), its CHANGELOG.md, the npm lockfile, optionally the root changelog;
// one `chore(release)` commit, one annotated tag per package, one atomic push. The steps are the
// engine's usual ones, so the journal, rollback and resume are those of a single release.
import type { BeforeChecklist } from '../checklist/checklist.js';
import { checkFailed } from '../errors.js';
import { detectIndent } from '../init/package-json.js';
import type { Plan } from '../plan/plan.js';
import { bumpJsonPath } from '../release/bump-version-files.js';
import { quoteShellWord } from '../display-text/shell-words.js';
import { startReleaseSteps, tagMessageFor } from '../release/plan-release.js';
import type { DependencyUpdate, PlannedPackage } from './plan-package-versions.js';

interface ReleasedPackageInput {
  planned: PlannedPackage;
  /** The section's notes without heading: the tag message. */
  notes: string;
  changelog: { path: string; existing: string | null; content: string };
}

interface PackagesReleaseInput {
  released: readonly ReleasedPackageInput[];
  updates: readonly DependencyUpdate[];
  /** package.json path and text of every package released or with an updated range, by name. */
  manifests: ReadonlyMap<string, { path: string; text: string }>;
  /** The root package-lock.json (npm workspaces record each package's version there). */
  packageLock: { path: string; text: string } | null;
  rootChangelog: { path: string; existing: string | null; content: string } | null;
  branch: string;
  /** The checklist's before items: its commands run first, before any write; each tag records them. */
  checklist: BeforeChecklist | null;
  push: { remote: string; branchRef: string } | null;
}

export interface PackagesReleasePlan {
  plan: Plan;
  commitMessage: string;
  tags: { name: string; message: string }[];
}

const MAX_HEADER = 100;

/** `chore(release): a@1.1.0, b@2.0.1` when it fits commitlint's 100 characters, else a count; the body lists every tag. */
export function releaseCommitMessage(tags: readonly string[]): string {
  const listed = `chore(release): ${tags.join(', ')}`;
  const header = listed.length <= MAX_HEADER ? listed : `chore(release): ${tags.length} packages`;
  return tags.length > 1 || header !== listed ? `${header}\n\n${tags.map((tag) => `- ${tag}`).join('\n')}\n` : header;
}

function stringifyLike(value: unknown, original: string): string {
  const text = `${JSON.stringify(value, null, detectIndent(original))}${original.endsWith('\n') ? '\n' : ''}`;
  return original.includes('\r\n') ? text.replace(/\n/g, '\r\n') : text;
}

/** npm's lockfile: `packages["<dir>"].version` and the ranges it recorded for each package. */
function updateWorkspaceLock(
  text: string,
  path: string,
  versions: ReadonlyMap<string, string>,
  updates: readonly DependencyUpdate[],
  dirs: ReadonlyMap<string, string>,
): string {
  let lock: { packages?: Record<string, Record<string, unknown>> };
  try {
    lock = JSON.parse(text) as typeof lock;
  } catch (error) {
    throw checkFailed(
      `${path} is not valid JSON (${(error as Error).message}), so the versions in it cannot be updated.`,
      { code: 'version-file-invalid', fix: `regenerate it: npm install, commit, then release` },
    );
  }
  const packages = lock.packages;
  if (!packages || typeof packages !== 'object') return text;
  for (const [name, version] of versions) {
    const entry = packages[dirs.get(name) ?? ''];
    if (entry && typeof entry === 'object' && dirs.get(name)) entry.version = version;
  }
  for (const update of updates) {
    const entry = packages[dirs.get(update.name) ?? ''];
    const field = entry?.[update.field] as Record<string, unknown> | undefined;
    if (dirs.get(update.name) && field && typeof field === 'object' && typeof field[update.dependency] === 'string')
      field[update.dependency] = update.to;
  }
  return stringifyLike(lock, text);
}

export function planPackagesRelease(input: PackagesReleaseInput): PackagesReleasePlan {
  const { steps, notes, changed, write } = startReleaseSteps(input.checklist);

  const versions = new Map(input.released.map((entry) => [entry.planned.name, entry.planned.version]));
  const dirs = new Map(input.released.map((entry) => [entry.planned.name, entry.planned.dir]));
  for (const [name, manifest] of input.manifests) {
    let text = manifest.text;
    const version = versions.get(name);
    if (version) text = bumpJsonPath({ path: manifest.path, text }, ['version'], version).text;
    const own = input.updates.filter((update) => update.name === name);
    for (const update of own)
      text = bumpJsonPath({ path: manifest.path, text }, [update.field, update.dependency], update.to).text;
    if (text === manifest.text) continue;
    const what = [
      version ? `version ${version}` : null,
      own.length > 0 ? own.map((update) => `${update.dependency} ${update.to}`).join(', ') : null,
    ]
      .filter(Boolean)
      .join('; ');
    write(manifest.path, text, `set ${what} in ${manifest.path}`);
  }
  for (const { planned, changelog } of input.released) {
    if (changelog.content !== changelog.existing)
      write(
        changelog.path,
        changelog.content,
        `${changelog.existing === null ? 'create' : 'update'} ${changelog.path} with ${planned.name} ${planned.version}`,
      );
  }
  if (input.packageLock) {
    for (const update of input.updates)
      if (!dirs.has(update.name))
        dirs.set(update.name, input.manifests.get(update.name)?.path.replace(/\/?package\.json$/, '') ?? '');
    const text = updateWorkspaceLock(input.packageLock.text, input.packageLock.path, versions, input.updates, dirs);
    if (text !== input.packageLock.text)
      write(input.packageLock.path, text, `set the packages' versions in ${input.packageLock.path}`);
  }
  if (input.rootChangelog && input.rootChangelog.content !== input.rootChangelog.existing) {
    write(
      input.rootChangelog.path,
      input.rootChangelog.content,
      `${input.rootChangelog.existing === null ? 'create' : 'update'} ${input.rootChangelog.path} with every package's section`,
    );
  }

  const tagNames = input.released.map((entry) => entry.planned.tag);
  const commitMessage = releaseCommitMessage(tagNames);
  if (changed.length > 0) {
    steps.push({
      kind: 'stage',
      paths: changed,
      description: `stage ${changed.length} file${changed.length === 1 ? '' : 's'}: ${changed.join(', ')}`,
    });
    steps.push({
      kind: 'commit',
      message: commitMessage,
      release: true,
      description: `commit "${commitMessage.split('\n')[0] ?? ''}" on ${input.branch}`,
    });
  } else notes.push(`no file changes: nothing committed on ${input.branch}`);

  const tags = input.released.map((entry) => ({
    name: entry.planned.tag,
    message: tagMessageFor(entry.planned.tag, entry.notes, input.checklist),
  }));
  for (const tag of tags)
    steps.push({
      kind: 'tag',
      name: tag.name,
      message: tag.message,
      description: `create annotated tag ${tag.name} with its release notes`,
    });
  if (input.push) {
    steps.push({
      kind: 'push',
      remote: input.push.remote,
      refspecs: [
        `refs/heads/${input.branch}:${input.push.branchRef}`,
        ...tagNames.map((tag) => `refs/tags/${tag}:refs/tags/${tag}`),
      ],
      description: `push ${input.branch} and ${tagNames.length} tag${tagNames.length === 1 ? '' : 's'} to ${input.push.remote} (atomic: all or nothing)`,
    });
  } else
    notes.push(
      `not pushing: push later with git push --atomic origin ${[input.branch, ...tagNames].map(quoteShellWord).join(' ')}`,
    );
  return {
    plan: { title: `Release ${tagNames.length === 1 ? tagNames[0] : `${tagNames.length} packages`}`, steps, notes },
    commitMessage,
    tags,
  };
}
