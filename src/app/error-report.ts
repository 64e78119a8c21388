// A thrown error as data for a screen: a refusal keeps its message and fix; anything else is a bug
// and says so (the CLI's report-error makes the same split into exit codes).
import { isShipwrightError } from '../core/errors.js';
import type { ErrorReport } from './screen-services.js';

export function errorReport(error: unknown): ErrorReport {
  if (isShipwrightError(error))
    return { message: error.message, code: error.code, ...(error.fix ? { fix: error.fix } : {}) };
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `shipwright failed unexpectedly: ${message}`,
    code: 'internal',
    fix: 'this is a bug in shipwright; please report it with the steps that led here',
  };
}

/** Runs `work`, answering its value or its error as data. */
export async function answer<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: ErrorReport }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: errorReport(error) };
  }
}
