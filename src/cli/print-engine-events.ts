// Engine events as the terminal shows them (a line per step) or as JSON lines for CI; shared by
// every command that runs a plan (release, hotfix, backport, continue).
import type { EngineEvent } from '../engine/run-steps.js';
import type { CliIo } from '../output/io.js';

export const jsonLine = (io: CliIo, value: unknown): void => io.stdout(`${JSON.stringify(value)}\n`);

/** A step's kind and description only: its content (file text, tag message) is in the plan line. */
function eventJson(event: EngineEvent): unknown {
  return 'step' in event ? { ...event, step: { kind: event.step.kind, description: event.step.description } } : event;
}

export const jsonEventPrinter =
  (io: CliIo) =>
  (event: EngineEvent): void =>
    jsonLine(io, eventJson(event));

export const plainEventPrinter =
  (io: CliIo) =>
  (event: EngineEvent): void => {
    if (event.type === 'step-started' && event.step.kind === 'run-command')
      io.stdout(`  … ${event.step.description}\n`);
    if (event.type === 'step-done')
      io.stdout(`  ✓ ${event.step.description}${event.outcome ? ` (${event.outcome})` : ''}\n`);
    if (event.type === 'step-skipped') io.stdout(`  ✓ ${event.step.description} (${event.reason})\n`);
    if (event.type === 'step-failed') io.stderr(`  ✗ ${event.step.description}\n`);
    if (event.type === 'paused') io.stderr(`  ‖ ${event.step.description}: conflicts\n`);
  };
