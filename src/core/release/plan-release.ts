// The trunk release as a Plan: bump version files, update the changelog, commit, annotated tag,
// atomic push of branch and tag. Pure: every file's text is read before and passed in.
import { markdownEscapesToText } from '../changelog/escape-markdown.js';
import { escapeControls } from '../display-text/control-characters.js';
import { shellCommand } from '../display-text/shell-words.js';
import { checklistRecord, checklistSteps, confirmNotes, type BeforeChecklist } from '../checklist/checklist.js';
import type { Plan, PlanStep, PushStep } from '../plan/plan.js';
import { bumpPackageLock, bumpVersionFile, type VersionFileBump, type VersionFileText } from './bump-version-files.js';
import type { VersionFileSpec } from './version-file-spec.js';

/** A configured version file and its text as it is now. */
export interface VersionFileInput {
  spec: VersionFileSpec;
  text: string;
}

export interface VersionCommitInput {
  version: string;
  /** e.g. `v1.4.0`. */
  tag: string;
  /** The branch the commit lands on. */
  branch: string;
  /** The configured version files that exist; several specs may name one file. */
  versionFiles: VersionFileInput[];
  /** Follows package.json when that is a version file. */
  packageLock: VersionFileText | null;
  /** The checklist's before items: its commands run first, before any write; the tag records them. */
  checklist: BeforeChecklist | null;
  /** null: the changelog is not written (a release branch is cut; the changelog comes when it finishes). */
  changelog: { path: string; existing: string | null; content: string } | null;
  /** Default `chore(release): TAG`. */
  commitMessage?: string;
}

export interface ReleasePlanInput extends VersionCommitInput {
  changelog: { path: string; existing: string | null; content: string };
  /** The annotated tag's message: the release notes without their heading. */
  notes: string;
  /** null: no push (--no-push, or no remote to push to). */
  push: { remote: string; branchRef: string } | null;
}

export interface ReleasePlan {
  plan: Plan;
  commitMessage: string;
  tagMessage: string;
}

interface VersionCommit {
  steps: PlanStep[];
  notes: string[];
  commitMessage: string;
}

/** Every spec's bump applied in turn to its file's text, so a file named twice is written once. Throws before any step exists. */
function editVersionFiles(
  input: VersionCommitInput,
  notes: string[],
): Map<string, { before: string; text: string; places: number }> {
  const edits = new Map<string, { before: string; text: string; places: number }>();
  const edit = (path: string, before: string, bump: (file: VersionFileText) => VersionFileBump) => {
    const entry = edits.get(path) ?? { before, text: before, places: 0 };
    const result = bump({ path, text: entry.text });
    edits.set(path, { ...entry, text: result.text, places: entry.places + result.places });
    notes.push(...result.notes);
  };
  for (const file of input.versionFiles)
    edit(file.spec.path, file.text, (current) => bumpVersionFile(file.spec, current, input.version));
  const lock = input.packageLock;
  if (lock)
    edit(lock.path, lock.text, (current) => ({ text: bumpPackageLock(current, input.version), places: 1, notes: [] }));
  return edits;
}

/** The start of every release commit's steps: the checklist's commands, then writes, each path kept for the stage step. */
export function startReleaseSteps(checklist: BeforeChecklist | null) {
  const steps: PlanStep[] = [...checklistSteps(checklist)];
  const notes: string[] = confirmNotes(checklist);
  const changed: string[] = [];
  const write = (path: string, content: string, description: string) => {
    steps.push({ kind: 'write-file', path, content, description });
    changed.push(path);
  };
  return { steps, notes, changed, write };
}

/** The checklist's commands, the version files and changelog written, staged and committed (no commit when nothing changed). */
export function planVersionCommit(input: VersionCommitInput): VersionCommit {
  const { steps, notes, changed, write } = startReleaseSteps(input.checklist);

  for (const [path, edit] of editVersionFiles(input, notes)) {
    const places = edit.places > 1 ? ` (${edit.places} places)` : '';
    if (edit.text !== edit.before) write(path, edit.text, `set version ${input.version} in ${path}${places}`);
  }
  const { changelog } = input;
  if (changelog && changelog.content !== changelog.existing) {
    write(
      changelog.path,
      changelog.content,
      `${changelog.existing === null ? 'create' : 'update'} ${changelog.path} with ${input.version}`,
    );
  }

  const commitMessage = input.commitMessage ?? `chore(release): ${input.tag}`;
  if (changed.length > 0) {
    steps.push({ kind: 'stage', paths: changed, description: `stage ${changed.join(', ')}` });
    steps.push({
      kind: 'commit',
      message: commitMessage,
      release: true,
      description: `commit "${commitMessage}" on ${input.branch}`,
    });
  } else {
    notes.push(`no file changes: nothing committed on ${input.branch}`);
  }
  return { steps, notes, commitMessage };
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (names: readonly string[]): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The one atomic push that ends a gitflow release or a hotfix: the branches it moved, the tag, and
 * the finished branch deleted on the remote (null: kept, or not there).
 */
export function planFinishPush(
  remote: string,
  branches: readonly string[],
  tag: string,
  deleted: string | null,
): PushStep {
  const refspecs = [
    ...branches.map((branch) => `refs/heads/${branch}:refs/heads/${branch}`),
    `refs/tags/${tag}:refs/tags/${tag}`,
  ];
  if (deleted) refspecs.push(`:refs/heads/${deleted}`);
  return {
    kind: 'push',
    remote,
    refspecs,
    description: `push ${listed([...branches, tag])}${deleted ? `, delete ${deleted}` : ''} on ${remote} (atomic: all or nothing)`,
  };
}

/** The notes (git refuses an annotated tag with an empty message), then what the checklist checked. */
export function tagMessageFor(tag: string, notes: string, checklist: BeforeChecklist | null = null): string {
  // Written into git as it is: commit text in the notes never carries control characters.
  // Plain text, not Markdown: the HTML and link escapes of the notes are undone (`>=v22` stays `>=v22`).
  const body = escapeControls(markdownEscapesToText(notes.trim().length > 0 ? notes : `Release ${tag}\n`));
  const record = checklistRecord(checklist);
  return record === null ? body : `${body.trimEnd()}\n\n${record}\n`;
}

export function planRelease(input: ReleasePlanInput): ReleasePlan {
  const { steps, notes, commitMessage } = planVersionCommit(input);
  const tagMessage = tagMessageFor(input.tag, input.notes, input.checklist);
  steps.push({
    kind: 'tag',
    name: input.tag,
    message: tagMessage,
    description: `create annotated tag ${input.tag} with the release notes`,
  });

  if (input.push) {
    steps.push({
      kind: 'push',
      remote: input.push.remote,
      refspecs: [`refs/heads/${input.branch}:${input.push.branchRef}`, `refs/tags/${input.tag}:refs/tags/${input.tag}`],
      description: `push ${input.branch} and ${input.tag} to ${input.push.remote} (atomic: both or neither)`,
    });
  } else {
    notes.push(
      `not pushing: push later with ${shellCommand(['git', 'push', '--atomic', 'origin', input.branch, input.tag])}`,
    );
  }
  return { plan: { title: `Release ${input.tag}`, steps, notes }, commitMessage, tagMessage };
}
