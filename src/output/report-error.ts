// Prints a failure the way CLI.md promises: what happened, what fixes it, and the exit code.
import { isShipwrightError, type ErrorKind } from '../core/errors.js';
import type { CliIo } from './io.js';

export const EXIT_CODES: Record<ErrorKind, number> = { check: 1, usage: 2, environment: 3, internal: 70 };

export function reportError(error: unknown, io: CliIo, json: boolean): number {
  if (isShipwrightError(error)) {
    io.stderr(`shipwright: ${error.message}\n`);
    if (error.fix) io.stderr(`  fix: ${error.fix}\n`);
    if (json)
      io.stdout(
        `${JSON.stringify({ ok: false, error: { code: error.code, kind: error.kind, message: error.message, fix: error.fix ?? null } })}\n`,
      );
    return EXIT_CODES[error.kind];
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`shipwright: internal error — this is a bug in shipwright, not in your repository.\n${detail}\n`);
  io.stderr('  Please report it with the command you ran and the output above.\n');
  if (json)
    io.stdout(
      `${JSON.stringify({ ok: false, error: { code: 'internal', kind: 'internal', message: String(error), fix: null } })}\n`,
    );
  return EXIT_CODES.internal;
}
