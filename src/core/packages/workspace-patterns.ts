// Which folders are workspace packages: the globs of pnpm-workspace.yaml, package.json
// `workspaces` (npm, yarn: a list or { packages }) or lerna.json `packages`, in that order.
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { environmentError } from '../errors.js';
import type { WorkspaceSource } from './workspace-package.js';

interface WorkspaceFiles {
  packageJson: Record<string, unknown> | null;
  /** Text of pnpm-workspace.yaml, null when absent. */
  pnpmWorkspace: string | null;
  /** Text of lerna.json, null when absent. */
  lernaJson: string | null;
}

interface WorkspacePatterns {
  source: Exclude<WorkspaceSource, 'single'>;
  patterns: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;

function invalid(file: string, detail: string, fix: string): never {
  throw environmentError(`${file} does not list workspace packages: ${detail}.`, { code: 'workspace-invalid', fix });
}

/** The globs, or null for a repository without workspaces (a workspace of one). */
export function readWorkspacePatterns(files: WorkspaceFiles): WorkspacePatterns | null {
  if (files.pnpmWorkspace !== null) {
    let parsed: unknown;
    try {
      parsed = parseYaml(files.pnpmWorkspace);
    } catch (error) {
      invalid(
        'pnpm-workspace.yaml',
        `not valid YAML (${(error as Error).message.split('\n')[0] ?? ''})`,
        'fix pnpm-workspace.yaml, e.g. packages: ["packages/*"]',
      );
    }
    const patterns = isRecord(parsed) ? stringList(parsed.packages) : null;
    // pnpm-workspace.yaml may hold only settings (catalogs, overrides): then the other files decide.
    if (patterns) return { source: 'pnpm-workspace.yaml', patterns };
    if (isRecord(parsed) && parsed.packages !== undefined)
      invalid('pnpm-workspace.yaml', '`packages` is not a list of globs', 'write it as packages: ["packages/*"]');
  }
  const workspaces = files.packageJson?.workspaces;
  if (workspaces !== undefined) {
    const patterns = stringList(workspaces) ?? (isRecord(workspaces) ? stringList(workspaces.packages) : null);
    if (!patterns)
      invalid(
        'package.json',
        '`workspaces` is neither a list of globs nor { "packages": [...] }',
        'write it as "workspaces": ["packages/*"]',
      );
    return { source: 'package.json', patterns };
  }
  if (files.lernaJson !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(files.lernaJson);
    } catch (error) {
      invalid('lerna.json', `not valid JSON (${(error as Error).message})`, 'fix the syntax error in lerna.json');
    }
    // lerna's own default when the key is absent.
    const patterns = isRecord(parsed) && parsed.packages !== undefined ? stringList(parsed.packages) : ['packages/*'];
    if (!patterns) invalid('lerna.json', '`packages` is not a list of globs', 'write it as "packages": ["packages/*"]');
    return { source: 'lerna.json', patterns };
  }
  return null;
}

const normalise = (pattern: string): string => pattern.replace(/^\.\//, '').replace(/\/+$/, '');

/**
 * The folders, among those holding a tracked package.json, that the globs select (`!glob`
 * excludes, as npm, yarn and pnpm read it). Never the root, never inside node_modules.
 */
export function selectPackageDirs(patterns: readonly string[], manifestDirs: readonly string[]): string[] {
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(normalise);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => normalise(pattern.slice(1)));
  const included = include.length > 0 ? picomatch(include, { dot: false }) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return manifestDirs
    .filter((dir) => dir !== '' && !dir.split('/').includes('node_modules') && included(dir) && !excluded(dir))
    .sort();
}
