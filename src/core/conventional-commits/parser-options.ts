// Parser options per changelog preset, taken from the preset packages themselves.
import type { ParserOptions } from 'conventional-commits-parser';
import createConventionalCommitsPreset from 'conventional-changelog-conventionalcommits';
import createAngularPreset from 'conventional-changelog-angular';

import type { ChangelogTypeEntry } from '../changelog/changelog-types.js';
import { hostReferenceOptions, type RepositoryInfo } from '../repository/repository-url.js';
import type { PresetName } from './preset-names.js';

export { PRESET_NAMES, type PresetName } from './preset-names.js';

interface HostReferenceOptions {
  referenceActions?: string[];
  issuePrefixes?: string[];
}

interface PresetParts {
  parser: ParserOptions;
  // The writer options are typed loosely by the preset packages; render-changelog narrows them.
  writer: Record<string, unknown>;
}

/** `types` (config `changelog.types`) is the conventionalcommits preset's own option; angular has none. */
export function loadPreset(name: PresetName, types?: readonly ChangelogTypeEntry[]): PresetParts {
  const preset =
    name === 'angular'
      ? createAngularPreset()
      : createConventionalCommitsPreset(types ? { types: types.map((entry) => ({ ...entry })) } : undefined);
  return { parser: preset.parser as ParserOptions, writer: preset.writer as Record<string, unknown> };
}

/**
 * conventional-changelog fills in the host's reference keywords and issue prefixes when the
 * preset leaves them out; doing the same keeps `closes #12` parsing identical.
 */
function withHostReferences(parser: ParserOptions, host: HostReferenceOptions | undefined): ParserOptions {
  if (!host) return parser;
  return {
    ...parser,
    ...(parser.referenceActions?.length
      ? {}
      : host.referenceActions
        ? { referenceActions: host.referenceActions }
        : {}),
    ...(parser.issuePrefixes?.length ? {} : host.issuePrefixes ? { issuePrefixes: host.issuePrefixes } : {}),
  };
}

/** The preset's parser options for a changelog of this repository (its host's reference keywords). */
export function changelogParserOptions(
  preset: PresetName,
  repository: Pick<RepositoryInfo, 'type'> | null,
): ParserOptions {
  return withHostReferences(loadPreset(preset).parser, repository ? hostReferenceOptions(repository.type) : undefined);
}
