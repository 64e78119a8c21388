// The files a resolved commitlint config came from beyond the root config itself: every config its
// `extends` reached (a local `./commitlint.base.mjs`, and what that one extends in turn), so the
// rules cache is keyed on them too (a change in commitlint.base.mjs changes the verdict).
import { pathToFileURL } from 'node:url';
import type { CommitRules } from './load-commit-rules.js';

/**
 * Walks `extends` again with @commitlint/resolve-extends, the resolver @commitlint/load itself uses,
 * so every file is found exactly as commitlint finds it; its `dynamicImport` hook records each
 * resolved file and imports it as commitlint would. Runs only on a cache miss, after a full load.
 * Null when the walk fails: such rules are loaded every time rather than cached on a partial key.
 */
export async function readCommitRulesSources(root: string, rules: CommitRules): Promise<string[] | null> {
  if (rules.extends.length === 0) return [];
  try {
    const { default: resolveExtends } = await import('@commitlint/resolve-extends');
    const files: string[] = [];
    const record = async (id: string): Promise<unknown> => {
      files.push(id);
      // As resolve-extends' own dynamicImport: JSON through import attributes, modules by URL.
      const imported = (await (id.endsWith('.json')
        ? import(pathToFileURL(id).href, { with: { type: 'json' } })
        : import(pathToFileURL(id).href))) as { default?: unknown };
      return ('default' in imported && imported.default) || imported;
    };
    await resolveExtends({ extends: rules.extends }, {
      prefix: 'commitlint-config',
      cwd: root,
      dynamicImport: record,
    } as Parameters<typeof resolveExtends>[1]);
    return [...new Set(files)];
  } catch {
    return null;
  }
}
