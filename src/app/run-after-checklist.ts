// The checklist's `after` items once the release is pushed: each command run (argv, no shell) in
// turn, each confirmation left to a person. A failure never undoes the release: the tag is out.
import { execa } from 'execa';
import { isCommand, type ChecklistItem } from '../core/checklist/checklist.js';
import { startFailureFix, startFailureReason } from '../core/display-text/program-start.js';

type AfterItemResult =
  | { name: string; kind: 'command'; argv: string[]; ok: true }
  | { name: string; kind: 'command'; argv: string[]; ok: false; exitCode: number | null; tail: string }
  | { name: string; kind: 'confirm' };

type AfterEvent =
  { type: 'after-started'; name: string; argv: string[] } | { type: 'after-done'; result: AfterItemResult };

interface AfterOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  onOutput?: (text: string) => void;
  onEvent?: (event: AfterEvent) => void;
}

/** Lines of a failed command's output kept for the report. */
const TAIL_LINES = 15;

/** Runs every command even after one fails (a failed health check still wants the metrics read). */
export async function runAfterChecklist(
  items: readonly ChecklistItem[],
  options: AfterOptions,
): Promise<AfterItemResult[]> {
  const results: AfterItemResult[] = [];
  for (const item of items) {
    if (!isCommand(item)) {
      const result: AfterItemResult = { name: item.name, kind: 'confirm' };
      results.push(result);
      options.onEvent?.({ type: 'after-done', result });
      continue;
    }
    options.onEvent?.({ type: 'after-started', name: item.name, argv: item.run });
    const [program, ...args] = item.run as [string, ...string[]];
    const child = execa(program, args, {
      cwd: options.cwd,
      env: options.env,
      reject: false,
      all: true,
      stdin: 'ignore',
    });
    child.all?.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString()));
    const outcome = await child;
    const notStarted = outcome.failed ? startFailureReason(program, (outcome as { code?: string }).code) : null;
    const result: AfterItemResult = outcome.failed
      ? {
          name: item.name,
          kind: 'command',
          argv: item.run,
          ok: false,
          exitCode: outcome.exitCode ?? null,
          tail: notStarted
            ? `did not start: ${notStarted}\n→ ${startFailureFix(program)}`
            : String(outcome.all || outcome.originalMessage || '')
                .trim()
                .split('\n')
                .slice(-TAIL_LINES)
                .join('\n'),
        }
      : { name: item.name, kind: 'command', argv: item.run, ok: true };
    results.push(result);
    options.onEvent?.({ type: 'after-done', result });
  }
  return results;
}
