// Validates `changelog.types`: conventional-changelog-conventionalcommits' `types` list, entry by entry.
import { describeValue } from './describe-value.js';
import type { ChangelogTypeEntry } from '../core/changelog/changelog-types.js';

const describe = describeValue;
const KNOWN = ['type', 'scope', 'section', 'hidden'];
const EXAMPLE =
  '[{ "type": "feat", "section": "Features" }, { "type": "docs", "section": "Documentation" }, { "type": "chore", "hidden": true }]';

/** The entries as given, or null (with every problem pushed, naming `changelog.types[i].key`). */
export function checkChangelogTypes(value: unknown, problems: string[]): ChangelogTypeEntry[] | null {
  if (!Array.isArray(value)) {
    problems.push(`changelog.types: expected a list such as ${EXAMPLE}; got ${describe(value)}`);
    return null;
  }
  const before = problems.length;
  const entries: ChangelogTypeEntry[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    const at = `changelog.types[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(
        `${at}: expected { "type": "docs", "section": "Documentation", "hidden": false }; got ${describe(item)}`,
      );
      return;
    }
    const entry = item as Record<string, unknown>;
    for (const key of Object.keys(entry))
      if (!KNOWN.includes(key)) problems.push(`${at}.${key}: unknown setting (known: ${KNOWN.join(', ')})`);
    const { type, scope, section, hidden } = entry;
    // The preset compares the commit's type lower-cased with this one as written.
    if (typeof type !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(type))
      problems.push(`${at}.type: expected a lower-case commit type such as "docs"; got ${describe(type)}`);
    if (scope !== undefined && (typeof scope !== 'string' || scope.length === 0))
      problems.push(`${at}.scope: expected a non-empty string; got ${describe(scope)}`);
    if (section !== undefined && (typeof section !== 'string' || section.trim().length === 0))
      problems.push(`${at}.section: expected a section title such as "Documentation"; got ${describe(section)}`);
    if (hidden !== undefined && typeof hidden !== 'boolean')
      problems.push(`${at}.hidden: expected true or false; got ${describe(hidden)}`);
    if (!hidden && section === undefined)
      problems.push(`${at}.section: expected a section title for a shown type (or "hidden": true); got nothing`);
    const key = `${String(type)}(${String(scope ?? '')})`;
    if (seen.has(key))
      problems.push(
        `${at}: "${String(type)}"${scope ? ` with scope "${String(scope)}"` : ''} is listed twice (the first entry wins; remove one)`,
      );
    seen.add(key);
    entries.push({
      type: String(type),
      ...(typeof scope === 'string' ? { scope } : {}),
      ...(typeof section === 'string' ? { section } : {}),
      ...(typeof hidden === 'boolean' ? { hidden } : {}),
    });
  });
  return problems.length === before ? entries : null;
}
