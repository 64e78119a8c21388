// Plans `shipwright init` from what the repository already has: adds what is missing, merges
// package.json and JSON lint-staged configs, and leaves every other existing file alone.
import { ignoreNodeModules } from './ignore-node-modules.js';
import type { Plan, PlanStep } from '../plan/plan.js';
import { adoptHook, describeAdoption, type AdoptedHook } from './adopt-hook.js';
import { hasTasks, lintStagedTasks, tasksAsJson, tasksAsModule } from './lint-staged-tasks.js';
import { mergePackageJson } from './package-json.js';
import { HOOK_NAMES, LOCKFILES, type InitOptions, type InitTemplates, type ProjectFacts } from './project-facts.js';

export const HUSKY_DIR = '.husky';
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

interface Planner {
  steps: PlanStep[];
  notes: string[];
}

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

function planHooks(planner: Planner, facts: ProjectFacts, templates: InitTemplates): void {
  for (const hook of HOOK_NAMES) {
    const path = `${HUSKY_DIR}/${hook}`;
    const existing = facts.files[path] ?? null;
    if (existing === null) {
      planner.steps.push({
        kind: 'write-file',
        path,
        content: templates.hooks[hook],
        mode: 0o755,
        description: `create ${path} — runs \`shipwright hook ${hook}\``,
      });
      continue;
    }
    // An existing hook is adopted, never replaced: the commands shipwright runs itself go, the
    // team's other commands stay (with or without --force), and the plan lists every line.
    planAdoption(planner, path, adoptHook(hook, existing, templates.hooks[hook].trim()));
  }
  const prepareMsg = `${HUSKY_DIR}/prepare-commit-msg`;
  const existingPrepare = facts.files[prepareMsg] ?? null;
  if (existingPrepare !== null)
    planAdoption(planner, prepareMsg, adoptHook('prepare-commit-msg', existingPrepare, null));
  if (facts.hooksPath !== `${HUSKY_DIR}/_` || !facts.huskyInternalExists) {
    planner.steps.push({
      kind: 'install-husky',
      dir: HUSKY_DIR,
      description: `run husky: point core.hooksPath at ${HUSKY_DIR}/_ (was ${facts.hooksPath ?? 'unset'})`,
    });
  }
}

function planAdoption(planner: Planner, path: string, adopted: AdoptedHook): void {
  for (const line of adopted.doubled)
    planner.notes.push(
      `${path}: \`${line.trim()}\` also runs what shipwright's hook runs, so it runs twice; take that part out of the line`,
    );
  if (!adopted.changed) return;
  // A hook left with no command would still be run by husky: keep the file, say why it is empty.
  const content =
    adopted.text.trim() === ''
      ? '# shipwright init removed the commands shipwright now runs itself (see `shipwright commit`).\n'
      : adopted.text;
  planner.steps.push({
    kind: 'write-file',
    path,
    content,
    mode: 0o755,
    description: `update ${path} — line by line:${describeAdoption(adopted.changes)}`,
  });
}

const GITIGNORE = '.gitignore';

export function planInit(facts: ProjectFacts, options: InitOptions, templates: InitTemplates): Plan {
  const planner: Planner = { steps: [], notes: [] };
  const tasks = lintStagedTasks(facts.tools);
  const lintStagedInPackage = facts.lintStagedConfig?.format === 'package.json';

  const pkg = mergePackageJson(
    facts.packageJsonText,
    {
      devDependencies: facts.dependencySpecs,
      prepareHusky: true,
      ...(lintStagedInPackage && hasTasks(tasks) ? { lintStaged: tasksAsJson(tasks) } : {}),
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
      description: `${facts.packageJsonText === null ? 'create' : 'update'} package.json — ${added}prepare script runs husky`,
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

  planHooks(planner, facts, templates);

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
    LINT_STAGED_MODULE,
    COMMITLINT_CONFIG,
    SHIPWRIGHT_CONFIG,
    GITIGNORE,
    ...Object.keys(templates.github),
  ];
}
