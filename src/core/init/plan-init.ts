// Plans `shipwright init` from what the repository already has: adds what is missing, merges
// package.json and JSON lint-staged configs per tool, and leaves every other existing file alone.
// The package may be at the root, in a subfolder (its tools and configs live there, the hooks and
// shipwright.config.json at the root), or absent (Python, Go: global or npx shipwright).
import { ignoreNodeModules } from './ignore-node-modules.js';
import type { Plan } from '../plan/plan.js';
import { describeHuskyPackageChanges, HUSKY4_FILES, planHuskyMigration, type HuskyMigration } from './husky-legacy.js';
import { HUSKY_DIR, planHooks, WORKTREE_HOOK, type Planner } from './plan-hooks.js';
import { shellCommand, quoteShellWord } from '../display-text/shell-words.js';
import { proposeBranchTypes } from './branch-prefixes.js';
import {
  describeLintStagedMerge,
  handEdits,
  hasTasks,
  lintStagedTasks,
  mergeLintStaged,
  tasksAsModule,
  type LintStagedConfig,
  type ToolTask,
} from './lint-staged-tasks.js';
import { detectIndent, mergePackageJson } from './package-json.js';
import {
  HOOK_NAMES,
  inPackage,
  LOCKFILES,
  type InitOptions,
  type InitTemplates,
  type PackageManager,
  type ProjectFacts,
} from './project-facts.js';

export { HUSKY_DIR } from './plan-hooks.js';
const LINT_STAGED_MODULE = 'lint-staged.config.mjs';
const COMMITLINT_CONFIG = 'commitlint.config.ts';
const SHIPWRIGHT_CONFIG = 'shipwright.config.json';

export const COMMITLINT_CONFIG_TEXT = `// Commit message rules, checked by the commit-msg hook (\`shipwright lint-msg\`).
export default {
  extends: ['@commitlint/config-conventional'],
};
`;

const INSTALL_ARGS: Record<ProjectFacts['packageManager'], string[]> = {
  npm: ['npm', 'install', '--no-audit', '--no-fund'],
  pnpm: ['pnpm', 'install'],
  yarn: ['yarn', 'install'],
  bun: ['bun', 'install'],
};

/** Writes `content` to `path` unless the same bytes are there; an existing different file needs --force. */
function planFile(
  planner: Planner,
  facts: ProjectFacts,
  options: InitOptions,
  path: string,
  content: string,
  why: string,
  mode?: number,
): void {
  const existing = facts.files[path] ?? null;
  if (existing === content) return;
  if (existing !== null && !options.force) {
    planner.notes.push(`${path} exists and differs from shipwright's version; left as it is (--force replaces it)`);
    return;
  }
  planner.steps.push({
    kind: 'write-file',
    path,
    content,
    ...(mode === undefined ? {} : { mode }),
    description: `${existing === null ? 'create' : 'replace'} ${path} — ${why}${existing === null ? '' : describeDropped(existing, content)}`,
  });
}

/** --force replaces a file: every line of the user's that shipwright's version lacks is named, so no command goes unsaid. */
function describeDropped(existing: string, content: string): string {
  const kept = new Set(content.split(/\r?\n/).map((line) => line.trim()));
  const dropped = existing
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !kept.has(line));
  if (dropped.length === 0) return '';
  const shown = dropped
    .slice(0, 40)
    .map((line) => `\n       - ${line}   (dropped by --force: not in shipwright's version)`);
  const more = dropped.length > 40 ? `\n       … and ${dropped.length - 40} more lines of yours` : '';
  return ` — line by line:${shown.join('')}${more}`;
}

const GITIGNORE = '.gitignore';

/** Installs into the package's folder without changing directory (the engine runs commands at the root). */
function installArgs(manager: PackageManager, dir: string): string[] {
  if (dir === '') return INSTALL_ARGS[manager];
  if (manager === 'npm') return ['npm', 'install', '--prefix', dir, '--no-audit', '--no-fund'];
  if (manager === 'pnpm') return ['pnpm', '--dir', dir, 'install'];
  if (manager === 'yarn') return ['yarn', '--cwd', dir, 'install'];
  return ['bun', 'install', '--cwd', dir];
}

/** husky runs from the repository root (it refuses `..` in its folder), so a subfolder's prepare goes up first. */
const prepareCommand = (dir: string): string =>
  dir === ''
    ? 'husky'
    : `cd ${dir
        .split('/')
        .map(() => '..')
        .join('/')} && husky`;

function planPackage(
  planner: Planner,
  facts: ProjectFacts,
  options: InitOptions,
  tasks: ToolTask[],
  migration: HuskyMigration | null,
): void {
  const dir = facts.packageDir as string;
  const packagePath = inPackage(dir, 'package.json');
  const lintStagedInPackage = facts.lintStagedConfig?.format === 'package.json';
  const merge =
    lintStagedInPackage && hasTasks(tasks)
      ? mergeLintStaged(
          (JSON.parse(facts.packageJsonText ?? '{}') as Record<string, unknown>)['lint-staged'] as LintStagedConfig,
          tasks,
        )
      : null;
  const pkg = mergePackageJson(
    facts.packageJsonText,
    {
      devDependencies: facts.dependencySpecs,
      prepare: prepareCommand(dir),
      ...(merge && merge.changes.length > 0 ? { lintStaged: merge.config } : {}),
      ...(migration?.bump ? { bump: { husky: { field: migration.bump.field, to: migration.bump.to } } } : {}),
      ...(migration && migration.scripts.length > 0
        ? { scripts: Object.fromEntries(migration.scripts.map((script) => [script.name, script.to])) }
        : {}),
      ...(migration?.v4?.source === 'package.json "husky"' ? { removeKeys: ['husky'] } : {}),
    },
    facts.folderName,
  );
  if (pkg.changed) {
    planner.steps.push({
      kind: 'write-file',
      path: packagePath,
      content: pkg.text,
      description: `${facts.packageJsonText === null ? 'create' : 'update'} ${packagePath} — key by key:${pkg.changes
        .map((change) => `\n       + ${change}`)
        .join('')}${merge ? describeLintStagedMerge(merge, 'lint-staged') : ''}${
        migration
          ? `\n       husky ${migration.from ?? '4–8'} → 9:${describeHuskyPackageChanges(migration)
              .map((line) => `\n       ~ ${line}`)
              .join('')}`
          : ''
      }`,
    });
  }
  // A bumped husky must be installed too: husky 6's `husky install` is gone from prepare.
  const install = installArgs(facts.packageManager, dir);
  const toInstall = pkg.addedDependencies.length > 0 || (pkg.changed && migration?.bump != null);
  if (options.install && toInstall) {
    planner.steps.push({
      kind: 'run-command',
      argv: install,
      touches: [packagePath, inPackage(dir, LOCKFILES[facts.packageManager])],
      description: `${shellCommand(install)} — install the new devDependencies${migration?.bump ? ' and husky 9' : ''}`,
    });
  } else if (!options.install && toInstall) {
    planner.notes.push(`not installing (--no-install): run \`${shellCommand(install)}\` before the first commit`);
  }
}

function planLintStaged(planner: Planner, facts: ProjectFacts, options: InitOptions, tasks: ToolTask[]): void {
  const dir = facts.packageDir as string;
  const config = facts.lintStagedConfig;
  if (!config) {
    if (hasTasks(tasks))
      planFile(
        planner,
        facts,
        options,
        inPackage(dir, LINT_STAGED_MODULE),
        tasksAsModule(tasks),
        'lint and type-check staged files',
      );
    else planner.notes.push('no ESLint, XO, Prettier, Biome or TypeScript found, so no lint-staged tasks were written');
    return;
  }
  if (config.format === 'package.json' || !hasTasks(tasks)) return;
  const text = facts.files[config.path] ?? '';
  if (config.format === 'json') {
    let current: LintStagedConfig;
    try {
      current = JSON.parse(text === '' ? '{}' : text) as LintStagedConfig;
    } catch {
      planner.notes.push(
        `${config.path} is not valid JSON, so shipwright did not edit it; lint-staged cannot read it either`,
      );
      return;
    }
    const merge = mergeLintStaged(current, tasks);
    if (merge.changes.length === 0) return;
    planner.steps.push({
      kind: 'write-file',
      path: config.path,
      content: `${JSON.stringify(merge.config, null, detectIndent(text))}\n`,
      description: `update ${config.path} — per tool, so each staged file gets each tool once:${describeLintStagedMerge(merge)}`,
    });
    return;
  }
  if (text === tasksAsModule(tasks)) return;
  const edits = handEdits(text, tasks);
  // Code can compute its tasks (functions, imports, spreads): rewriting it is never safe, so the
  // plan names what to add and where.
  if (edits.length > 0)
    planner.notes.push(
      `${config.path} is code, so shipwright did not edit it; add by hand to its exported object:${edits.map((edit) => `\n       ${edit}`).join('')}`,
    );
}

export function planInit(facts: ProjectFacts, options: InitOptions, templates: InitTemplates): Plan {
  const planner: Planner = { steps: [], notes: [] };
  const dir = facts.packageDir;
  // No package.json: no node_modules for tools, so no lint-staged tasks, and no package to install.
  const tasks = dir === null ? [] : lintStagedTasks(facts.tools);
  const pkgObject =
    facts.packageJsonText === null ? null : (JSON.parse(facts.packageJsonText) as Record<string, unknown>);
  const migration = planHuskyMigration({
    pkg: pkgObject,
    files: facts.files,
    installed: facts.huskyInstalled ?? null,
    target: facts.dependencySpecs.husky ?? '^9',
  });

  if (dir === null) {
    planner.notes.push(
      facts.otherPackageDirs.length > 0
        ? `no package.json at the root and several below it (${facts.otherPackageDirs.join(', ')}): the hooks run a global shipwright or npx; to run one package's tools instead, run init from its folder (cd ${quoteShellWord(facts.otherPackageDirs[0] as string)} && npx shipwright init)`
        : 'no package.json: the hooks run a global shipwright when one is on PATH, else npx --yes shipwright@' +
            `${facts.dependencySpecs.shipwright ?? 'latest'}; each clone runs \`npx --yes husky\` once to turn them on`,
    );
  } else planPackage(planner, facts, options, tasks, migration);

  planHooks(planner, facts, options, migration);

  if (dir !== null) planLintStaged(planner, facts, options, tasks);

  const commitlintPath = inPackage(dir ?? '', COMMITLINT_CONFIG);
  if (facts.commitlintConfig && facts.files[facts.commitlintConfig] !== COMMITLINT_CONFIG_TEXT)
    planner.notes.push(`commit rules come from ${facts.commitlintConfig} (kept)`);
  else if (!facts.commitlintConfig && dir === null)
    // Its `extends` would need @commitlint/config-conventional installed; shipwright has it built in.
    planner.notes.push(
      'commit rules: @commitlint/config-conventional, built into shipwright (a commitlint config changes them)',
    );
  else if (!facts.commitlintConfig)
    planFile(
      planner,
      facts,
      options,
      commitlintPath,
      COMMITLINT_CONFIG_TEXT,
      'Conventional Commits rules for the commit-msg hook',
    );

  const gitignore = dir === null ? null : ignoreNodeModules(facts.files[GITIGNORE] ?? null);
  if (gitignore !== null) {
    planner.steps.push({
      kind: 'write-file',
      path: GITIGNORE,
      content: gitignore,
      description: `${facts.files[GITIGNORE] == null ? 'create' : 'update'} ${GITIGNORE} — ignore node_modules/, where the hooks' tools are installed`,
    });
  }

  const prefixes = proposeBranchTypes(facts.branchNames, options.defaultBranchTypes);
  const config = `${JSON.stringify(
    {
      workflow: options.workflow,
      stagedChecks: options.stagedChecks,
      ...(prefixes.branchTypes ? { branchTypes: prefixes.branchTypes } : {}),
    },
    null,
    2,
  )}\n`;
  planFile(
    planner,
    facts,
    options,
    SHIPWRIGHT_CONFIG,
    config,
    `${options.workflow} branch model${prefixes.summary ? `; ${prefixes.summary}` : ''}`,
  );
  planner.notes.push(...prefixes.notes);

  if (options.ci === 'github') {
    for (const [path, content] of Object.entries(templates.github))
      planFile(planner, facts, options, path, content, 'GitHub template');
  }
  return { title: 'shipwright init', steps: planner.steps, notes: planner.notes };
}

/** Every path planInit may read or write, so the caller can collect `facts.files`. */
export function initCandidatePaths(templates: InitTemplates, packageDir: string | null): string[] {
  return [
    ...HOOK_NAMES.map((hook) => `${HUSKY_DIR}/${hook}`),
    `${HUSKY_DIR}/prepare-commit-msg`,
    `${HUSKY_DIR}/${WORKTREE_HOOK}`,
    ...HUSKY4_FILES,
    ...(packageDir === null
      ? []
      : [inPackage(packageDir, LINT_STAGED_MODULE), inPackage(packageDir, COMMITLINT_CONFIG)]),
    SHIPWRIGHT_CONFIG,
    GITIGNORE,
    ...Object.keys(templates.github),
  ];
}
