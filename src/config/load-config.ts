// Reads shipwright.config.json or package.json "shipwright" at the repository root.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentError, ShipwrightError } from '../core/errors.js';
import type { LoadedConfig } from '../core/config/config-types.js';
import { CONFIG_FILE } from './default-config.js';
import { ConfigProblems, validateConfig } from './validate-config.js';

async function readJson(path: string): Promise<{ found: boolean; value?: unknown; error?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { found: false };
  }
  try {
    return { found: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { found: true, error: (error as Error).message };
  }
}

export async function readPackageJson(root: string): Promise<Record<string, unknown> | null> {
  const result = await readJson(join(root, 'package.json'));
  if (!result.found) return null;
  if (result.error !== undefined) {
    throw environmentError(`package.json is not valid JSON: ${result.error}`, {
      code: 'package-json-invalid',
      fix: 'fix the syntax error in package.json (npx prettier --check package.json points at it)',
    });
  }
  const value = result.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A config problem is a usage error (exit 2, CLI.md): the user's settings, not git or the machine. */
function invalid(source: string, problems: string[]) {
  return new ShipwrightError(
    'usage',
    `${source} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    {
      code: 'config-invalid',
      fix: `edit ${source}, then check it with: shipwright doctor`,
    },
  );
}

/** Own properties only: a config value never reaches `Object.prototype`. */
function namesProduction(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const branches = Object.hasOwn(input, 'branches') ? (input as Record<string, unknown>).branches : undefined;
  return typeof branches === 'object' && branches !== null && Object.hasOwn(branches, 'production');
}

export async function loadConfig(root: string, packageJson?: Record<string, unknown> | null): Promise<LoadedConfig> {
  const file = await readJson(join(root, CONFIG_FILE));
  try {
    if (file.found) {
      if (file.error !== undefined) throw invalid(CONFIG_FILE, [`not valid JSON: ${file.error}`]);
      return {
        config: validateConfig(file.value),
        source: CONFIG_FILE,
        productionConfigured: namesProduction(file.value),
      };
    }
    const pkg = packageJson === undefined ? await readPackageJson(root) : packageJson;
    if (pkg && 'shipwright' in pkg)
      return {
        config: validateConfig(pkg.shipwright),
        source: 'package.json#shipwright',
        productionConfigured: namesProduction(pkg.shipwright),
      };
    return { config: validateConfig(undefined), source: 'defaults', productionConfigured: false };
  } catch (error) {
    if (error instanceof ConfigProblems)
      throw invalid(file.found ? CONFIG_FILE : 'package.json "shipwright"', error.problems);
    throw error;
  }
}
