// Why a program the config names (a checklist or preRelease command) did not start, from the
// spawn error's code: "failed" alone leaves the user guessing.
import { quoteShellWord } from './shell-words.js';

/** The reason, or null when the program started (its exit code and output then say why it failed). */
export function startFailureReason(program: string, errorCode: string | undefined): string | null {
  const name = quoteShellWord(program);
  if (errorCode === 'ENOENT') return `program ${name} not found on PATH`;
  if (errorCode === 'EACCES') return `program ${name} cannot be run (permission denied)`;
  return null;
}

/** What fixes a command of the config that could not start. */
export const startFailureFix = (program: string): string =>
  `install ${quoteShellWord(program)} or put its folder on PATH (check with: command -v ${quoteShellWord(program)}), or correct the command in checklist.before / checklist.after / preRelease of the shipwright config`;
