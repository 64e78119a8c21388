// Renders release sections to Markdown with conventional-changelog-writer and the preset's templates.
import {
  writeChangelogString,
  type Options as WriterOptions,
  type CommitKnownProps,
} from 'conventional-changelog-writer';
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import type { ChangelogTypeEntry } from './changelog-types.js';
import { loadPreset, type PresetName } from '../conventional-commits/parser-options.js';
import { escapeControls } from '../display-text/control-characters.js';
import { hostLinkWords, type RepositoryInfo } from '../repository/repository-url.js';
import { escapeMarkdownText } from './escape-markdown.js';
import type { ReleaseSection } from './release-section.js';
import { usePrecompiledTemplates } from './template-cache.js';

interface RenderOptions {
  preset: PresetName;
  repository: RepositoryInfo | null;
  /** Sections, titles, order and hidden types (config `changelog.types`); the preset's defaults when absent. */
  types?: readonly ChangelogTypeEntry[] | undefined;
}

/** Marks where a release starts in the commit stream fed to the writer; never rendered itself. */
interface SectionBoundary {
  boundary: true;
  version: string;
  committerDate: string;
  currentTag: string;
  previousTag: string | null;
  unreleased: boolean;
  notes: [];
  references: [];
}

type WriterCommit = CommitKnownProps & Record<string, unknown>;

const isBoundary = (value: object): value is SectionBoundary => 'boundary' in value && value.boundary === true;

function toWriterCommit(commit: ConventionalCommit, day: string): WriterCommit {
  const { parsed } = commit;
  const escape = (text: string | null | undefined): string | null | undefined =>
    typeof text === 'string' ? escapeMarkdownText(text) : text;
  // Object.assign, then plain writes: an object spread followed by keys it already holds takes
  // V8's slow path, about 20 times the cost (some 40 ms on a 10k-commit history).
  const writerCommit = Object.assign({}, parsed) as WriterCommit;
  writerCommit.header = escape(parsed.header) ?? null;
  writerCommit.scope = escape(parsed.scope as string | null) ?? null;
  writerCommit.subject = escape(parsed.subject as string | null) ?? null;
  writerCommit.notes = parsed.notes.map((note) => ({ title: note.title, text: escape(note.text) ?? '' }));
  writerCommit.revert = parsed.revert
    ? Object.assign({}, parsed.revert, { header: escape(parsed.revert.header as string | undefined) })
    : null;
  writerCommit.hash = commit.raw.hash;
  writerCommit.gitTags = '';
  writerCommit.committerDate = day;
  return writerCommit;
}

function* feed(sections: readonly ReleaseSection[]): Generator<WriterCommit | SectionBoundary> {
  for (const section of sections) {
    yield {
      boundary: true,
      version: section.version,
      committerDate: section.date,
      currentTag: section.currentTag,
      previousTag: section.previousTag,
      unreleased: section.unreleased,
      notes: [],
      references: [],
    };
    for (const commit of section.commits) yield toWriterCommit(commit, section.date);
  }
}

function repositoryContext(repository: RepositoryInfo | null): Record<string, unknown> {
  // conventional-changelog still writes `///compare/...` and `undefined/.../issues/1` links here.
  if (!repository) return { linkCompare: false };
  return {
    host: repository.host,
    owner: repository.owner,
    repository: repository.repository,
    repoUrl: repository.webBase,
    ...hostLinkWords(repository.type),
  };
}

/**
 * Sections newest first in, Markdown out — the same text `conventional-changelog -p PRESET`
 * writes for those releases. Templates compile once for all sections.
 */
export async function renderChangelog(sections: readonly ReleaseSection[], options: RenderOptions): Promise<string> {
  if (sections.length === 0) return '';
  usePrecompiledTemplates();
  const preset = loadPreset(options.preset, options.types).writer as WriterOptions<WriterCommit>;
  const presetTransform = preset.transform;
  const writerOptions: WriterOptions<WriterCommit> = {
    ...preset,
    doFlush: false,
    generateOn: (commit) => isBoundary(commit),
    transform: async (commit, context, opts) => {
      if (isBoundary(commit)) return null;
      if (!presetTransform) return commit;
      const patch = await presetTransform(commit, context, opts);
      // Without a web host the preset's issue and @user links point nowhere: keep the subject as written.
      return patch && !options.repository ? { ...patch, subject: commit.subject } : patch;
    },
    finalizeContext: (finalContext, _options, _filtered, keyCommit, originalCommits) => {
      const context = finalContext as typeof finalContext & Record<string, unknown>;
      // As conventional-changelog does: a tagged first release compares against its oldest listed
      // commit; an untagged one (no tags at all yet) gets no compare link.
      if (keyCommit && !keyCommit.previousTag && !keyCommit.unreleased) {
        const oldest = originalCommits[originalCommits.length - 1];
        context.previousTag = oldest?.hash ?? undefined;
      }
      if (typeof context.linkCompare !== 'boolean' && context.previousTag && context.currentTag)
        context.linkCompare = true;
      // The writer stringifies every section's whole context for a debug message nobody reads
      // (about 0.2 s on a 10k-commit history); a hidden toJSON makes that free.
      Object.defineProperty(context, 'toJSON', { value: () => '[section context]', enumerable: false });
      return context;
    },
  };
  const context = { ...repositoryContext(options.repository) };
  const markdown = await writeChangelogString(feed(sections) as Iterable<WriterCommit>, context, writerOptions);
  // The writer separates sections with a newline, including before the first one we feed it.
  // The edge where commit text is written (CHANGELOG.md, release notes, the tag message): no control characters.
  return escapeControls(markdown.startsWith('\n') ? markdown.slice(1) : markdown);
}
