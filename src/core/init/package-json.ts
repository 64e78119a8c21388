// Merges shipwright's needs into package.json text without disturbing anything else in it, and says
// key by key what it added or changed (the plan lists each).

/** Detects the indentation a JSON file uses (tab or N spaces), so rewriting keeps its style. */
export function detectIndent(text: string): string | number {
  const match = /^([ \t]+)"/m.exec(text);
  if (!match) return 2;
  const indent = match[1] as string;
  return indent.includes('\t') ? '\t' : indent.length;
}

interface PackageJsonNeeds {
  devDependencies: Readonly<Record<string, string>>;
  /** The prepare script's command that installs the hooks (`husky`, or `cd ../.. && husky` in a subfolder). */
  prepare: string;
  /** package.json "lint-staged" as it should be, when that is where lint-staged is configured. */
  lintStaged?: Readonly<Record<string, unknown>>;
  /** Ranges to change where they are declared (husky 4–8 → 9). */
  bump?: Readonly<Record<string, { field: 'dependencies' | 'devDependencies'; to: string }>>;
  /** Scripts whose text changes (`husky install` → `husky`). */
  scripts?: Readonly<Record<string, string>>;
  /** Top-level keys to drop (husky 4's "husky", moved into .husky/). */
  removeKeys?: readonly string[];
}

interface PackageJsonMerge {
  text: string;
  changed: boolean;
  addedDependencies: string[];
  /** Every key added or changed, for the plan, e.g. `devDependencies.husky: "^9.1.7"`. */
  changes: string[];
}

const sortKeys = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** Dependencies already in dependencies or devDependencies are left as they are. */
export function mergePackageJson(text: string | null, needs: PackageJsonNeeds, folderName: string): PackageJsonMerge {
  const pkg = (text === null ? { name: folderName, private: true } : JSON.parse(text)) as Record<string, unknown>;
  for (const [name, { field, to }] of Object.entries(needs.bump ?? {}))
    pkg[field] = { ...(pkg[field] as Record<string, unknown>), [name]: to };
  if (needs.scripts && Object.keys(needs.scripts).length > 0)
    pkg.scripts = { ...((pkg.scripts ?? {}) as Record<string, unknown>), ...needs.scripts };
  for (const key of needs.removeKeys ?? []) delete pkg[key];
  const changes: string[] = text === null ? [`name: ${JSON.stringify(folderName)}`, 'private: true'] : [];
  const deps = (pkg.dependencies ?? {}) as Record<string, unknown>;
  const devDeps = { ...((pkg.devDependencies ?? {}) as Record<string, unknown>) };
  const addedDependencies: string[] = [];
  for (const [name, spec] of Object.entries(needs.devDependencies)) {
    if (name in deps || name in devDeps) continue;
    devDeps[name] = spec;
    addedDependencies.push(name);
    changes.push(`devDependencies.${name}: ${JSON.stringify(spec)}`);
  }
  if (addedDependencies.length > 0) pkg.devDependencies = sortKeys(devDeps);

  const scripts = { ...((pkg.scripts ?? {}) as Record<string, unknown>) };
  const prepare = typeof scripts.prepare === 'string' ? scripts.prepare : '';
  if (!/\bhusky\b/.test(prepare)) {
    scripts.prepare = prepare ? `${prepare} && ${needs.prepare}` : needs.prepare;
    pkg.scripts = scripts;
    changes.push(
      `scripts.prepare: ${JSON.stringify(scripts.prepare)}   (${prepare ? `was ${JSON.stringify(prepare)}; ` : ''}installs the hooks on every install)`,
    );
  }
  if (needs.lintStaged) pkg['lint-staged'] = needs.lintStaged;
  const indent = text === null ? 2 : detectIndent(text);
  const next = `${JSON.stringify(pkg, null, indent)}\n`;
  const changed = text === null || JSON.stringify(JSON.parse(text)) !== JSON.stringify(pkg);
  return { text: changed ? next : (text as string), changed, addedDependencies, changes };
}
