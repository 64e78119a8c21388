// Which commit types get a changelog section: conventional-changelog-conventionalcommits' own
// `types` option, passed to the preset as it is (its writer decides sections, titles, order).
import { DEFAULT_COMMIT_TYPES } from 'conventional-changelog-conventionalcommits';

/** One entry of the preset's `types`: a type (optionally only with a scope), its section title, hidden or shown. */
export interface ChangelogTypeEntry {
  type: string;
  scope?: string;
  section?: string;
  hidden?: boolean;
}

/** The preset's defaults (features, fixes, performance, reverts shown; docs, chore, refactor … hidden). */
export const defaultChangelogTypes = (): ChangelogTypeEntry[] => DEFAULT_COMMIT_TYPES.map((entry) => ({ ...entry }));
