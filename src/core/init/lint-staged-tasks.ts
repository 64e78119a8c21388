// lint-staged tasks generated from the tools a project already uses.
import type { ProjectFacts } from './project-facts.js';

export const CODE_GLOB = '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}';
export const PRETTIER_OTHER_GLOB = '*.{json,jsonc,md,mdx,yml,yaml,css,scss,html}';

/**
 * The type-check runs once per commit on the whole project with its tsconfig (a per-file `tsc`
 * ignores tsconfig.json), incremental so a warm check costs little.
 */
export const TYPECHECK_COMMAND =
  'tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/shipwright/tsbuildinfo -p .';

export interface TaskTable {
  /** glob → shell commands, run in order on the staged files of that glob. */
  commands: Record<string, string[]>;
  /** Runs TYPECHECK_COMMAND once, without file names, when code is staged. */
  typecheck: boolean;
}

export function lintStagedTasks(tools: ProjectFacts['tools']): TaskTable {
  const code: string[] = [];
  const commands: Record<string, string[]> = {};
  if (tools.biome) code.push('biome check --write --no-errors-on-unmatched --files-ignore-unknown=true');
  else {
    if (tools.eslint) code.push('eslint --fix');
    if (tools.prettier) code.push('prettier --write --ignore-unknown');
  }
  if (code.length > 0) commands[CODE_GLOB] = code;
  if (tools.prettier && !tools.biome) commands[PRETTIER_OTHER_GLOB] = ['prettier --write --ignore-unknown'];
  return { commands, typecheck: tools.typescript };
}

export const hasTasks = (table: TaskTable): boolean => table.typecheck || Object.keys(table.commands).length > 0;

/** As a JSON object (package.json / .lintstagedrc.json), where only strings fit. */
export function tasksAsJson(table: TaskTable): Record<string, string | string[]> {
  const json: Record<string, string | string[]> = {};
  for (const [glob, commands] of Object.entries(table.commands))
    json[glob] = commands.length === 1 ? (commands[0] as string) : commands;
  // JSON cannot hold the once-per-commit function; `tsc -p .` with file names appended would ignore
  // tsconfig, so the JSON form runs the project check through shipwright instead.
  if (table.typecheck) json['*.{ts,tsx,mts,cts}'] = 'shipwright hook typecheck';
  return json;
}

/** As lint-staged.config.mjs: the type-check is a function task, so it gets no file names. */
export function tasksAsModule(table: TaskTable): string {
  const lines = [
    '// lint-staged tasks written by `shipwright init`; they run on staged files before each commit.',
    'export default {',
  ];
  for (const [glob, commands] of Object.entries(table.commands))
    lines.push(`  '${glob}': ${JSON.stringify(commands)},`);
  if (table.typecheck) {
    lines.push('  // Type-check the whole project once per commit, with tsconfig.json (per-file tsc would ignore it).');
    lines.push(`  '*.{ts,tsx,mts,cts}': () => '${TYPECHECK_COMMAND}',`);
  }
  lines.push('};', '');
  return lines.join('\n');
}
