// lint-staged tasks generated from the tools a project already uses, one entry per tool (what it
// runs, on which file extensions, whether it rewrites files), so merging into a team's config can
// reason per tool instead of per glob.
import type { ProjectFacts } from './project-facts.js';

const CODE_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'] as const;
const TS_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts'] as const;
const PRETTIER_OTHER_EXTENSIONS = ['json', 'jsonc', 'md', 'mdx', 'yml', 'yaml', 'css', 'scss', 'html'] as const;

const globOf = (extensions: readonly string[]): string =>
  extensions.length === 1 ? `*.${extensions[0] as string}` : `*.{${extensions.join(',')}}`;

export const CODE_GLOB = globOf(CODE_EXTENSIONS);
const TS_GLOB = globOf(TS_EXTENSIONS);

/**
 * The type-check runs once per commit on the whole project with its tsconfig (a per-file `tsc`
 * ignores tsconfig.json), incremental so a warm check costs little.
 */
export const TYPECHECK_COMMAND =
  'tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/shipwright/tsbuildinfo -p .';
/** The JSON form of the type-check: JSON cannot hold lint-staged's once-per-commit function task. */
const TYPECHECK_JSON_COMMAND = 'shipwright hook typecheck';

type LintTool = 'biome' | 'xo' | 'eslint' | 'prettier' | 'typecheck';

export interface ToolTask {
  tool: LintTool;
  command: string;
  extensions: readonly string[];
  /** Rewrites the files it is given: two such tasks must never run on one file at the same time. */
  writes: boolean;
}

/** What each tool is called in a command, to see that a team's config already runs it. */
const TOOL_MENTION: Record<LintTool, RegExp> = {
  biome: /(?:^|[\s/'"`(])(?:@biomejs\/)?biome(?:$|[\s'"`)])/,
  xo: /(?:^|[\s/'"`(])xo(?:$|[\s'"`)])/,
  eslint: /(?:^|[\s/'"`(])eslint(?:$|[\s'"`)])/,
  prettier: /(?:^|[\s/'"`(])prettier(?:$|[\s'"`)])/,
  typecheck: /(?:^|[\s/'"`(])(?:tsc|vue-tsc|tsc-files)(?:$|[\s'"`)])|shipwright hook typecheck/,
};

/** Whether `text` (a command, or a whole config file's source) runs `tool`. Bounded: long texts are cut. */
const mentionsTool = (text: string, tool: LintTool): boolean => TOOL_MENTION[tool].test(text.slice(0, 200_000));

export function lintStagedTasks(tools: ProjectFacts['tools']): ToolTask[] {
  const tasks: ToolTask[] = [];
  if (tools.biome)
    tasks.push({
      tool: 'biome',
      command: 'biome check --write --no-errors-on-unmatched --files-ignore-unknown=true',
      extensions: CODE_EXTENSIONS,
      writes: true,
    });
  else if (tools.xo) tasks.push({ tool: 'xo', command: 'xo --fix', extensions: CODE_EXTENSIONS, writes: true });
  else if (tools.eslint)
    tasks.push({ tool: 'eslint', command: 'eslint --fix', extensions: CODE_EXTENSIONS, writes: true });
  if (tools.prettier && !tools.biome)
    tasks.push({
      tool: 'prettier',
      command: 'prettier --write --ignore-unknown',
      extensions: [...CODE_EXTENSIONS, ...PRETTIER_OTHER_EXTENSIONS],
      writes: true,
    });
  if (tools.typescript)
    tasks.push({ tool: 'typecheck', command: TYPECHECK_JSON_COMMAND, extensions: TS_EXTENSIONS, writes: false });
  return tasks;
}

export const hasTasks = (tasks: readonly ToolTask[]): boolean => tasks.length > 0;

export type LintStagedConfig = Record<string, unknown>;

/** The file extensions a simple glob (`*.ts`, `**\/*.{js,ts}`, `src/**\/*.tsx`) matches; null for any other glob. */
export function globExtensions(glob: string): string[] | null {
  if (glob.length > 300) return null;
  const match = /^(?:[\w.-]+\/)*(?:\*\*\/)?\*\.(?:([\w-]+)|\{([\w-]+(?:,[\w-]+)*)\})$/.exec(glob);
  if (!match) return null;
  return match[1] !== undefined ? [match[1]] : (match[2] as string).split(',');
}

const commandsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];

interface KeyChange {
  glob: string;
  action: 'added' | 'appended';
  /** The glob's tasks after the change. */
  value: string | string[];
  tool: LintTool;
}

interface LintStagedMerge {
  config: LintStagedConfig;
  changes: KeyChange[];
  /** Tools the config already runs: left as the team configured them. */
  kept: LintTool[];
}

/**
 * Adds each tool the config does not run yet, so that every staged file gets each tool once:
 * a tool already mentioned anywhere is left as configured (its globs are the team's choice); a new
 * file-rewriting tool is appended to the existing globs that cover its extensions (lint-staged runs
 * the tasks of one glob in order, but different globs at the same time, so a second glob would
 * rewrite the same file concurrently), and gets one new glob for the extensions nothing covers.
 */
export function mergeLintStaged(existing: LintStagedConfig, tasks: readonly ToolTask[]): LintStagedMerge {
  const config: LintStagedConfig = { ...existing };
  const changes: KeyChange[] = [];
  const kept: LintTool[] = [];
  const record = (glob: string, action: KeyChange['action'], tool: LintTool) => {
    const value = config[glob] as string | string[];
    const previous = changes.findIndex((change) => change.glob === glob);
    const change = { glob, action, value, tool };
    if (previous !== -1) changes[previous] = { ...change, action: changes[previous]?.action ?? action };
    else changes.push(change);
  };
  for (const task of tasks) {
    const runs = Object.values(existing).some((value) =>
      typeof value === 'function'
        ? mentionsTool(String(value), task.tool)
        : commandsOf(value).some((command) => mentionsTool(command, task.tool)),
    );
    if (runs) {
      kept.push(task.tool);
      continue;
    }
    const uncovered = new Set(task.extensions);
    if (task.writes) {
      // Widest glob first, and never two globs that share an extension: each file gets the tool once.
      const candidates = Object.entries(config)
        .flatMap(([glob, value]) => {
          const extensions = globExtensions(glob);
          if (extensions === null || commandsOf(value).length === 0 || typeof value === 'function') return [];
          const overlap = extensions.filter((extension) => task.extensions.includes(extension));
          return overlap.length === 0 ? [] : [{ glob, overlap }];
        })
        .sort((a, b) => b.overlap.length - a.overlap.length);
      for (const { glob, overlap } of candidates) {
        if (overlap.some((extension) => !uncovered.has(extension))) continue;
        for (const extension of overlap) uncovered.delete(extension);
        config[glob] = [...commandsOf(config[glob]), task.command];
        record(glob, 'appended', task.tool);
      }
    }
    if (uncovered.size === 0) continue;
    const glob = globOf(task.extensions.filter((extension) => uncovered.has(extension)));
    const current = config[glob];
    if (current === undefined) {
      config[glob] = task.command;
      record(glob, 'added', task.tool);
    } else if (typeof current !== 'function' && !commandsOf(current).includes(task.command)) {
      config[glob] = [...commandsOf(current), task.command];
      record(glob, 'appended', task.tool);
    }
  }
  return { config, changes, kept };
}

const TOOL_WORDS: Record<LintTool, string> = {
  biome: 'Biome',
  xo: 'XO',
  eslint: 'ESLint',
  prettier: 'Prettier',
  typecheck: 'the type-check',
};

/** The plan's key-by-key view of a merge (`inKey`: the package.json key the config sits under). */
export function describeLintStagedMerge(merge: LintStagedMerge, inKey = ''): string {
  const key = (glob: string) => (inKey === '' ? JSON.stringify(glob) : `${inKey}[${JSON.stringify(glob)}]`);
  const lines = merge.changes.map(
    (change) =>
      `\n       + ${key(change.glob)}: ${JSON.stringify(change.value)}   (${change.action === 'added' ? 'added' : 'changed'}: ${TOOL_WORDS[change.tool]} ${change.action === 'added' ? 'on the files no glob covered' : 'appended, so it runs after the tasks already there, never at the same time on one file'})`,
  );
  for (const tool of merge.kept)
    lines.push(`\n       = ${TOOL_WORDS[tool]}   (kept: your config already runs it, on the globs you chose)`);
  return lines.join('');
}

/** Which tools a code config (JS, TS, YAML: never edited) runs, read from its source text. */
const toolsInSource = (source: string, tasks: readonly ToolTask[]): LintTool[] =>
  tasks.filter((task) => mentionsTool(source, task.tool)).map((task) => task.tool);

/** What to add by hand to a config shipwright does not edit: the entries a merge would have added. */
export function handEdits(source: string, tasks: readonly ToolTask[]): string[] {
  const present = new Set(toolsInSource(source, tasks));
  return tasks
    .filter((task) => !present.has(task.tool))
    .map((task) =>
      task.tool === 'typecheck'
        ? `'${TS_GLOB}': () => '${TYPECHECK_COMMAND}',   // once per commit, with tsconfig.json`
        : `'${globOf(task.extensions)}': ['${task.command}'],   // or append '${task.command}' to your globs for these files`,
    );
}

/** As lint-staged.config.mjs: the type-check is a function task, so it gets no file names. */
export function tasksAsModule(tasks: readonly ToolTask[]): string {
  const lines = [
    '// lint-staged tasks written by `shipwright init`; they run on staged files before each commit.',
    'export default {',
  ];
  const json = mergeLintStaged(
    {},
    tasks.filter((task) => task.tool !== 'typecheck'),
  ).config;
  for (const [glob, commands] of Object.entries(json))
    lines.push(`  '${glob}': ${JSON.stringify(Array.isArray(commands) ? commands : [commands])},`);
  if (tasks.some((task) => task.tool === 'typecheck')) {
    lines.push('  // Type-check the whole project once per commit, with tsconfig.json (per-file tsc would ignore it).');
    lines.push(`  '${TS_GLOB}': () => '${TYPECHECK_COMMAND}',`);
  }
  lines.push('};', '');
  return lines.join('\n');
}
