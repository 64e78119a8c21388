// One line of `shipwright doctor`: passed, failed (with the fix) or a warning.
import semver from 'semver';

export type CheckStatus = 'ok' | 'fail' | 'warn';

export interface DoctorCheck {
  id: string;
  status: CheckStatus;
  /** What was checked and what was found. */
  summary: string;
  /** The command or edit that fixes it (fail and warn only). */
  fix?: string;
}

export const ok = (id: string, summary: string): DoctorCheck => ({ id, status: 'ok', summary });
export const fail = (id: string, summary: string, fix: string): DoctorCheck => ({ id, status: 'fail', summary, fix });
export const warn = (id: string, summary: string, fix: string): DoctorCheck => ({ id, status: 'warn', summary, fix });

export function checkVersionAtLeast(id: string, tool: string, found: string, minimum: string, fix: string): DoctorCheck {
  const clean = semver.coerce(found)?.version;
  if (clean && semver.gte(clean, minimum)) return ok(id, `${tool} ${found}`);
  return fail(id, `${tool} ${found} is older than ${minimum}`, fix);
}

/** A hook script must be executable and use LF line endings, or `sh` fails on `\r`. */
export function checkHookFile(path: string, content: string | null, executable: boolean): DoctorCheck {
  const id = `hook-file:${path}`;
  if (content === null) return fail(id, `${path} is missing`, 'shipwright init');
  if (content.includes('\r')) return fail(id, `${path} has CRLF line endings; sh cannot run it`, `convert it to LF (e.g. sed -i 's/\\r$//' ${path}) and add ".husky/* text eol=lf" to .gitattributes`);
  // husky runs .husky/NAME with `sh`, so it works without the bit; other hook runners need it.
  if (!executable) return warn(id, `${path} is not executable (husky runs it anyway; other tools may not)`, `chmod +x ${path} && git update-index --chmod=+x ${path}`);
  return ok(id, `${path} is executable with LF endings`);
}
