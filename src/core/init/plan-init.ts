// Plans `shipwright init` from what the repository already has: adds what is missing, merges
// package.json and JSON lint-staged configs, and leaves every other existing file alone.
import { ignoreNodeModules } from './ignore-node-modules.js';
import type { Plan } from '../plan/plan.js';
import { describeHuskyPackageChanges, HUSKY4_FILES, planHuskyMigration } from './husky-legacy.js';
import { hasTasks, lintStagedTasks, tasksAsJson, tasksAsModule } from './lint-staged-tasks.js';
import { mergePackageJson } from './package-json.js';
import { HUSKY_DIR, planHooks, WORKTREE_HOOK, type Planner } from './plan-hooks.js';
import { HOOK_NAMES, LOCKFILES, type InitOptions, type InitTemplates, type ProjectFacts } from './project-facts.js';

export { HUSKY_DIR } from './plan-hooks.js';
export const LINT_STAGED_MODULE = 'lint-staged.config.mjs';
export const COMMITLINT_CONFIG = 'commitlint.config.ts';
export const SHIPWRIGHT_CONFIG = 'shipwright.config.json';

export const COMMITLINT_CONFIG_TEXT = `// Commit message rules, checked by the commit-msg hook (\`shipwright lint-msg\`).
export default {
  extends: ['@commitlint/config-conventional'],
};
`;

const INSTALL_ARGS: Record<ProjectFacts['packageManager'], string[]> = {
  npm: ['npm', 'install', '--no-audit', '--no-fund'],
  pnpm: ['pnpm', 'install'],
  yarn: ['yarn', 'install'],
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
    description: `${existing === null ? 'create' : 'replace'} ${path} — ${why}`,
  });
}

const GITIGNORE = '.gitignore';

export function planInit(facts: ProjectFacts, options: InitOptions, templates: InitTemplates): Plan {
  const planner: Planner = { steps: [], notes: [] };
  const tasks = lintStagedTasks(facts.tools);
  const lintStagedInPackage = facts.lintStagedConfig?.format === 'package.json';
  const pkgObject =
    facts.packageJsonText === null ? null : (JSON.parse(facts.packageJsonText) as Record<string, unknown>);
  const migration = planHuskyMigration({
    pkg: pkgObject,
    files: facts.files,
    installed: facts.huskyInstalled ?? null,
    target: facts.dependencySpecs.husky ?? '^9',
  });

  const pkg = mergePackageJson(
    facts.packageJsonText,
    {
      devDependencies: facts.dependencySpecs,
      prepareHusky: true,
      ...(lintStagedInPackage && hasTasks(tasks) ? { lintStaged: tasksAsJson(tasks) } : {}),
      ...(migration?.bump ? { bump: { husky: { field: migration.bump.field, to: migration.bump.to } } } : {}),
      ...(migration && migration.scripts.length > 0
        ? { scripts: Object.fromEntries(migration.scripts.map((script) => [script.name, script.to])) }
        : {}),
      ...(migration?.v4?.source === 'package.json "husky"' ? { removeKeys: ['husky'] } : {}),
    },
    facts.folderName,
  );
  if (pkg.changed) {
    const added =
      pkg.addedDependencies.length > 0 ? `add ${pkg.addedDependencies.join(', ')} to devDependencies; ` : '';
    planner.steps.push({
      kind: 'write-file',
      path: 'package.json',
      content: pkg.text,
      description: `${facts.packageJsonText === null ? 'create' : 'update'} package.json — ${added}prepare script runs husky${
        migration
          ? ` — husky ${migration.from ?? '4–8'} → 9, line by line:${describeHuskyPackageChanges(migration)
              .map((line) => `\n       ~ ${line}`)
              .join('')}`
          : ''
      }`,
    });
  }
  if (options.install && pkg.addedDependencies.length > 0) {
    planner.steps.push({
      kind: 'run-command',
      argv: INSTALL_ARGS[facts.packageManager],
      touches: ['package.json', LOCKFILES[facts.packageManager]],
      description: `${INSTALL_ARGS[facts.packageManager].join(' ')} — install the new devDependencies`,
    });
  } else if (!options.install && pkg.addedDependencies.length > 0) {
    planner.notes.push(
      `not installing (--no-install): run \`${INSTALL_ARGS[facts.packageManager].join(' ')}\` before the first commit`,
    );
  }

  planHooks(planner, facts, options, templates, migration);

  if (!facts.lintStagedConfig) {
    if (hasTasks(tasks))
      planFile(planner, facts, options, LINT_STAGED_MODULE, tasksAsModule(tasks), 'lint and type-check staged files');
    else planner.notes.push('no ESLint, Prettier, Biome or TypeScript found, so no lint-staged tasks were written');
  } else if (facts.lintStagedConfig.format === 'json' && hasTasks(tasks)) {
    const path = facts.lintStagedConfig.path;
    const current = JSON.parse(facts.files[path] ?? '{}') as Record<string, unknown>;
    const merged = { ...current };
    for (const [glob, task] of Object.entries(tasksAsJson(tasks))) if (!(glob in merged)) merged[glob] = task;
    if (JSON.stringify(merged) !== JSON.stringify(current)) {
      planner.steps.push({
        kind: 'write-file',
        path,
        content: `${JSON.stringify(merged, null, 2)}\n`,
        description: `update ${path} — add tasks for globs it did not cover`,
      });
    }
  } else if (
    facts.lintStagedConfig.format === 'code' &&
    facts.files[facts.lintStagedConfig.path] !== tasksAsModule(tasks)
  ) {
    planner.notes.push(`${facts.lintStagedConfig.path} is code, so shipwright did not edit it`);
  }

  if (facts.commitlintConfig && facts.files[facts.commitlintConfig] !== COMMITLINT_CONFIG_TEXT)
    planner.notes.push(`commit rules come from ${facts.commitlintConfig} (kept)`);
  else if (!facts.commitlintConfig)
    planFile(
      planner,
      facts,
      options,
      COMMITLINT_CONFIG,
      COMMITLINT_CONFIG_TEXT,
      'Conventional Commits rules for the commit-msg hook',
    );

  const gitignore = ignoreNodeModules(facts.files[GITIGNORE] ?? null);
  if (gitignore !== null) {
    planner.steps.push({
      kind: 'write-file',
      path: GITIGNORE,
      content: gitignore,
      description: `${facts.files[GITIGNORE] == null ? 'create' : 'update'} ${GITIGNORE} — ignore node_modules/, where the hooks' tools are installed`,
    });
  }

  const config = `${JSON.stringify({ workflow: options.workflow, stagedChecks: options.stagedChecks }, null, 2)}\n`;
  planFile(planner, facts, options, SHIPWRIGHT_CONFIG, config, `${options.workflow} branch model`);

  if (options.ci === 'github') {
    for (const [path, content] of Object.entries(templates.github))
      planFile(planner, facts, options, path, content, 'GitHub template');
  }
  return { title: 'shipwright init', steps: planner.steps, notes: planner.notes };
}

/** Every path planInit may read or write, so the caller can collect `facts.files`. */
export function initCandidatePaths(templates: InitTemplates): string[] {
  return [
    ...HOOK_NAMES.map((hook) => `${HUSKY_DIR}/${hook}`),
    `${HUSKY_DIR}/prepare-commit-msg`,
    `${HUSKY_DIR}/${WORKTREE_HOOK}`,
    ...HUSKY4_FILES,
    LINT_STAGED_MODULE,
    COMMITLINT_CONFIG,
    SHIPWRIGHT_CONFIG,
    GITIGNORE,
    ...Object.keys(templates.github),
  ];
}
