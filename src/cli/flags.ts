// Shared flag readers: validated values or a usage error that names the flag.
import { PRESET_NAMES, type PresetName } from '../core/conventional-commits/parser-options.js';
import { usageError } from '../core/errors.js';
import { BUMPS, isBump, type Bump } from '../core/version/bump-rules.js';
import type { ParsedArgs } from './command.js';

export const stringFlag = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};

/** A repeatable string flag (`multiple: true`): every value given, in order. */
export const stringListFlag = (args: ParsedArgs, name: string): string[] => {
  const value = args.values[name];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string');
};

/** The options of every command that applies a plan which may push: --dry-run, --no-push, --yes, --json. */
export const PUSHING_PLAN_OPTIONS = {
  'dry-run': { type: 'boolean' },
  'no-push': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  json: { type: 'boolean' },
} as const;

export const booleanFlag = (args: ParsedArgs, name: string): boolean => args.values[name] === true;

export function bumpFlag(args: ParsedArgs): Bump | undefined {
  const value = stringFlag(args, 'bump');
  if (value === undefined) return undefined;
  if (!isBump(value))
    throw usageError(
      `--bump must be one of ${BUMPS.join(', ')}; got '${value}'.`,
      'e.g. shipwright version --bump minor',
    );
  return value;
}

/** A prerelease id is one semver identifier: letters, digits, hyphens. */
export function preidFlag(args: ParsedArgs): string | undefined {
  const value = stringFlag(args, 'preid');
  if (value === undefined) return undefined;
  if (!/^[0-9A-Za-z-]+$/.test(value) || /^\d+$/.test(value)) {
    throw usageError(
      `--preid must be a prerelease name such as rc, beta or alpha; got '${value}'.`,
      'e.g. shipwright version --preid rc',
    );
  }
  return value;
}

export function presetFlag(args: ParsedArgs): PresetName | undefined {
  const value = stringFlag(args, 'preset');
  if (value === undefined) return undefined;
  if (!(PRESET_NAMES as readonly string[]).includes(value)) {
    throw usageError(
      `--preset must be one of ${PRESET_NAMES.join(', ')}; got '${value}'.`,
      'e.g. shipwright changelog --preset angular',
    );
  }
  return value as PresetName;
}

export function countFlag(args: ParsedArgs, name: string, fallback: number): number {
  const value = stringFlag(args, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw usageError(
      `--${name} takes a whole number (0 = all); got '${value}'.`,
      `e.g. shipwright changelog --${name} 0`,
    );
  return Number(value);
}

export const printJson = (write: (text: string) => void, value: unknown): void =>
  write(`${JSON.stringify(value, null, 2)}\n`);
