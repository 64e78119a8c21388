// husky 4–8 setups moved to husky 9: husky 4's hooks in package.json / .huskyrc become `.husky/*`
// scripts, `husky install` becomes `husky`, husky itself is bumped. What cannot be moved exactly
// (a config in code or YAML, a custom hooks folder, HUSKY_GIT_STDIN) is refused with the steps.
import semver from 'semver';
import { checkFailed, type ShipwrightError } from '../errors.js';

/** husky 4 read its config from package.json "husky" or one of these (cosmiconfig). */
export const HUSKY4_FILES = [
  '.huskyrc',
  '.huskyrc.json',
  '.huskyrc.js',
  '.huskyrc.cjs',
  'husky.config.js',
  'husky.config.cjs',
  '.huskyrc.yaml',
  '.huskyrc.yml',
];

export interface MovedHook {
  name: string;
  /** husky 4's command as written. */
  command: string;
  /** The same in husky 9 form: one command per line. */
  text: string;
}

export interface HuskyMigration {
  /** husky's major before, when known. */
  from: number | null;
  /** The husky dependency to bump: where it is declared, from which range to which. */
  bump: { field: 'dependencies' | 'devDependencies'; from: string; to: string } | null;
  /** Scripts whose `husky install` becomes `husky`. */
  scripts: { name: string; from: string; to: string }[];
  /** husky 4's config: where it was and its hooks, moved into `.husky/`. */
  v4: { source: string; hooks: MovedHook[] } | null;
}

interface HuskyFacts {
  pkg: Record<string, unknown> | null;
  /** Contents of HUSKY4_FILES and `.husky/*` by path (null when absent). */
  files: Readonly<Record<string, string | null>>;
  /** node_modules/husky's version, when installed. */
  installed: string | null;
  /** The husky range init installs, e.g. ^9.1.7. */
  target: string;
}

/** A JSON object's own fields, or null for anything else (arrays, strings, null). */
const ownRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const HUSKY_INSTALL = /\bhusky install\b(?:\s+(?!&|\||;)(\S+))?/g;
const SIMPLE_AND_LIST = /^[^'"`|;()<>\\]*$/;

function refusal(reason: string, steps: string[]): ShipwrightError {
  return checkFailed(
    `this repository's husky setup cannot be moved to husky 9 exactly: ${reason}. Nothing was written. By hand:\n${steps
      .map((step, index) => `  ${index + 1}. ${step}`)
      .join('\n')}`,
    {
      code: 'husky-not-migratable',
      fix: 'shipwright init --dry-run   (after those steps, to see the rest of the plan)',
    },
  );
}

const MOVE_STEPS = (source: string): string[] => [
  `for each hook in ${source}, write its command into .husky/<hook> (one command per line; HUSKY_GIT_PARAMS becomes "$1" or "$@", HUSKY_GIT_STDIN becomes the hook's own stdin)`,
  `remove ${source === 'package.json "husky"' ? 'the "husky" key from package.json' : source}`,
  'npm install --save-dev husky@9 and set "prepare": "husky" in package.json',
];

function huskyMajor(facts: HuskyFacts): number | null {
  const installed = facts.installed === null ? null : semver.coerce(facts.installed);
  if (installed) return installed.major;
  const spec = declaredSpec(facts.pkg)?.spec;
  if (spec === undefined) return null;
  try {
    return semver.minVersion(spec)?.major ?? null;
  } catch {
    return null;
  }
}

function declaredSpec(pkg: Record<string, unknown> | null) {
  for (const field of ['devDependencies', 'dependencies'] as const) {
    const spec = ownRecord(pkg?.[field])?.husky;
    if (typeof spec === 'string') return { field, spec };
  }
  return null;
}

/** husky 4's command in husky 9 form, or the reason it cannot be converted exactly. */
export function convertHusky4Command(command: string): string[] | string {
  if (command.length > 4000) return 'the command is longer than 4000 characters';
  if (/HUSKY_GIT_STDIN/.test(command)) return 'it reads HUSKY_GIT_STDIN';
  const converted = command
    .trim()
    .replace(/(?:-E|--env)\s+HUSKY_GIT_PARAMS\b/g, '--edit "$1"')
    .replace(/"?\$\{?HUSKY_GIT_PARAMS\}?"?/g, '"$@"');
  if (/HUSKY_/.test(converted)) return `it uses ${/HUSKY_\w*/.exec(converted)?.[0] ?? 'a HUSKY_ variable'}`;
  // `a && b` as two lines is the same under husky 9's `sh -e`: a failure stops the hook with its status.
  if (SIMPLE_AND_LIST.test(converted.replace(/"\$[@1]"/g, '')) && converted.includes('&&') && !/&&\s*$/.test(converted))
    return converted.split('&&').map((part) => part.trim());
  return [converted];
}

function readV4Config(facts: HuskyFacts): HuskyMigration['v4'] {
  const inPackage = ownRecord(facts.pkg?.husky);
  const file = HUSKY4_FILES.find((path) => (facts.files[path] ?? null) !== null);
  if (inPackage && file) {
    throw refusal(`husky 4 is configured twice (package.json "husky" and ${file})`, [
      `keep one of them (husky 4 used package.json "husky"), then`,
      ...MOVE_STEPS('package.json "husky"'),
    ]);
  }
  if (!inPackage && !file) return null;
  const source = file ?? 'package.json "husky"';
  let config: Record<string, unknown> | null = inPackage;
  if (file) {
    if (!/\.huskyrc(\.json)?$/.test(file)) throw refusal(`${file} is code or YAML`, MOVE_STEPS(file));
    try {
      config = ownRecord(JSON.parse(facts.files[file] as string));
    } catch {
      config = null;
    }
    if (config === null) throw refusal(`${file} is not JSON`, MOVE_STEPS(file));
  }
  const hooks = ownRecord(config?.hooks) ?? {};
  const moved: MovedHook[] = [];
  for (const [name, command] of Object.entries(hooks)) {
    if (!/^[a-z-]+$/.test(name))
      throw refusal(`${source} has a hook named ${JSON.stringify(name)}`, MOVE_STEPS(source));
    if (typeof command !== 'string')
      throw refusal(`the ${name} hook in ${source} is not a command string`, MOVE_STEPS(source));
    if ((facts.files[`.husky/${name}`] ?? null) !== null)
      throw refusal(`${name} is both in ${source} and in .husky/${name}`, [
        `merge the ${name} command of ${source} into .husky/${name}`,
        ...MOVE_STEPS(source).slice(1),
      ]);
    const lines = convertHusky4Command(command);
    if (typeof lines === 'string') throw refusal(`the ${name} hook in ${source}: ${lines}`, MOVE_STEPS(source));
    moved.push({ name, command, text: `${lines.join('\n')}\n` });
  }
  return { source, hooks: moved };
}

/** The migration init plans, or null when husky is 9 (or absent) and nothing of husky 4–8 is left. */
export function planHuskyMigration(facts: HuskyFacts): HuskyMigration | null {
  const v4 = readV4Config(facts);
  const major = huskyMajor(facts);
  const declared = declaredSpec(facts.pkg);
  const scripts: HuskyMigration['scripts'] = [];
  for (const [name, script] of Object.entries(ownRecord(facts.pkg?.scripts) ?? {})) {
    if (typeof script !== 'string' || !/\bhusky install\b/.test(script)) continue;
    for (const match of script.matchAll(HUSKY_INSTALL)) {
      const dir = match[1];
      if (dir !== undefined && dir.replace(/^\.\//, '').replace(/\/$/, '') !== '.husky')
        throw refusal(`the "${name}" script installs hooks from ${dir}, and shipwright's hooks live in .husky`, [
          `move the hooks from ${dir}/ to .husky/ (git mv ${dir} .husky), removing the \`. "$(dirname -- "$0")/_/husky.sh"\` line from each`,
          `change "${name}": "${script}" to run \`husky\` (husky 9's install command)`,
          'npm install --save-dev husky@9',
        ]);
    }
    scripts.push({ name, from: script, to: script.replace(HUSKY_INSTALL, 'husky') });
  }
  const bump =
    declared !== null && major !== null && major < 9
      ? { field: declared.field, from: declared.spec, to: facts.target }
      : null;
  if (bump === null && scripts.length === 0 && v4 === null) return null;
  return { from: major, bump, scripts, v4 };
}

/** The package.json lines of a migration, for the plan. */
export function describeHuskyPackageChanges(migration: HuskyMigration): string[] {
  const lines: string[] = [];
  if (migration.bump)
    lines.push(
      `${migration.bump.field}.husky: ${migration.bump.from} → ${migration.bump.to} (husky 9 runs .husky/* itself)`,
    );
  for (const script of migration.scripts)
    lines.push(`scripts.${script.name}: ${script.from} → ${script.to} (\`husky install\` is husky 4–8's command)`);
  if (migration.v4?.source === 'package.json "husky"')
    lines.push(
      `"husky" removed (husky 4's hooks; they move to .husky/${migration.v4.hooks.length === 1 ? (migration.v4.hooks[0] as MovedHook).name : '*'})`,
    );
  return lines;
}
