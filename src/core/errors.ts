// Errors as values: every failure a user can fix carries the command or edit that fixes it.

/** How a failure maps to the exit codes of CLI.md. */
export type ErrorKind =
  | 'check' // 1: the check failed (bad message, preflight refused, conflict waiting)
  | 'usage' // 2: wrong flags or arguments
  | 'environment' // 3: git or environment (repo missing, push rejected, shallow clone)
  | 'internal'; // 70: a bug in shipwright

export interface ShipwrightErrorOptions {
  /** What to run or change to fix it, shown on its own line. */
  fix?: string;
  /** A stable identifier for scripts and JSON output, e.g. `shallow-clone`. */
  code?: string;
  cause?: unknown;
}

export class ShipwrightError extends Error {
  readonly kind: ErrorKind;
  readonly fix: string | undefined;
  readonly code: string;

  constructor(kind: ErrorKind, message: string, options: ShipwrightErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShipwrightError';
    this.kind = kind;
    this.fix = options.fix;
    this.code = options.code ?? kind;
  }
}

export const usageError = (message: string, fix?: string): ShipwrightError =>
  new ShipwrightError('usage', message, { fix, code: 'usage' });

export const checkFailed = (message: string, options: ShipwrightErrorOptions = {}): ShipwrightError =>
  new ShipwrightError('check', message, options);

export const environmentError = (message: string, options: ShipwrightErrorOptions = {}): ShipwrightError =>
  new ShipwrightError('environment', message, options);

export const isShipwrightError = (value: unknown): value is ShipwrightError => value instanceof ShipwrightError;
