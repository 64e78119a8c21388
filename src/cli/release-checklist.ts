// The checklist on the command line: confirmations asked (or taken from --yes / --confirm) before
// a release writes anything; the after items run once it is pushed, or printed for later.
import type { ReleaseChecklist } from '../app/release-checklist.js';
import { pendingConfirms, confirmItems, isCommand } from '../core/checklist/checklist.js';
import { checkFailed, usageError } from '../core/errors.js';
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';
import type { ParsedArgs } from './command.js';
import { booleanFlag, stringListFlag } from './flags.js';
import type { CliIo } from '../output/io.js';
import { jsonLine } from './print-engine-events.js';
import { confirm } from './prompt.js';

export const CHECKLIST_FLAGS: [string, string][] = [
  ['--confirm NAME', 'answer yes to this checklist confirmation (repeatable; --yes answers them all)'],
];
export const CHECKLIST_OPTIONS = { confirm: { type: 'string', multiple: true } } as const;

/**
 * Every confirmation of the before items answered, before the engine starts: asked on a terminal
 * (default no), else given by --yes or --confirm NAME. A "no" stops the release (exit 1).
 */
export async function answerConfirmations(
  io: CliIo,
  checklist: ReleaseChecklist,
  args: ParsedArgs,
  commandLine: string,
): Promise<void> {
  const { ask, unknown } = pendingConfirms(checklist.before, {
    yes: booleanFlag(args, 'yes'),
    confirmed: stringListFlag(args, 'confirm'),
  });
  if (unknown.length > 0) {
    const known = confirmItems(checklist.before).map((item) => quoteShellWord(item.name));
    throw usageError(
      `--confirm ${quoteShellWord(unknown[0] ?? '')} names no confirmation of the checklist.`,
      known.length > 0
        ? `the checklist asks to confirm: ${known.join(', ')}`
        : 'the checklist has no confirmations (checklist.before in shipwright.config.json)',
    );
  }
  if (ask.length === 0) return;
  if (!io.interactive || booleanFlag(args, 'json')) {
    throw usageError(
      `The release checklist needs a person to confirm ${ask.map((item) => `"${item.name}"`).join(', ')}, but there is no terminal to ask on. Nothing was written.`,
      `${commandLine} ${ask.map((item) => `--confirm ${quoteShellWord(item.name)}`).join(' ')}   (or --yes to confirm every item)`,
    );
  }
  io.stdout(`\nRelease checklist (recorded in the tag as confirmed by ${checklist.confirmedBy}):\n`);
  for (const item of ask) {
    if (!(await confirm(`  ${item.name}: done?`, false))) {
      throw checkFailed(
        `The release stopped: the checklist item "${item.name}" was not confirmed. Nothing was written.`,
        {
          code: 'checklist-declined',
          fix: `do it, then release again (${commandLine})`,
        },
      );
    }
  }
}

/** The after items, run once the release is pushed; 1 when a command failed (the release stays). */
export async function runAfterItems(
  io: CliIo,
  checklist: ReleaseChecklist,
  options: { cwd: string; pushed: boolean; json: boolean; tag: string },
): Promise<number> {
  const { after } = checklist;
  if (after.length === 0) return 0;
  if (!options.pushed) {
    if (options.json) jsonLine(io, { type: 'after-pending', items: after });
    else {
      io.stdout(`\n${options.tag} is not pushed. Once it is, the release checklist asks for:\n`);
      for (const item of after)
        io.stdout(
          isCommand(item) ? `  ${item.name}: ${shellCommand(item.run)}\n` : `  ${item.name}: confirm by hand\n`,
        );
    }
    return 0;
  }
  const { runAfterChecklist } = await import('../app/run-after-checklist.js');
  if (!options.json) io.stdout('\nAfter the release:\n');
  const results = await runAfterChecklist(after, {
    cwd: options.cwd,
    env: io.env,
    onOutput: (text) => io.stderr(text),
    onEvent: (event) => {
      if (options.json) return jsonLine(io, event);
      if (event.type === 'after-started') io.stdout(`  … ${event.name} (${shellCommand(event.argv)})\n`);
      else if (event.result.kind === 'confirm') io.stdout(`  · ${event.result.name}: to do by hand\n`);
      else if (event.result.ok) io.stdout(`  ✓ ${event.result.name}\n`);
      else
        io.stderr(
          `  ✗ ${event.result.name} failed${event.result.exitCode === null ? '' : ` with exit code ${event.result.exitCode}`}\n${event.result.tail ? `${event.result.tail.replace(/^/gm, '    ')}\n` : ''}`,
        );
    },
  });
  const failed = results.filter((result) => result.kind === 'command' && !result.ok);
  if (failed.length === 0) return 0;
  if (!options.json) {
    io.stderr(
      `\n${options.tag} is released and pushed, and stays so; the checklist's after ${failed.length === 1 ? 'item' : 'items'} ${failed.map((result) => `"${result.name}"`).join(', ')} failed.\n`,
    );
    for (const result of failed)
      if (result.kind === 'command') io.stderr(`→ fix it and run it again: ${shellCommand(result.argv)}\n`);
    io.stderr('→ or redeploy the previous release: shipwright rollback\n');
  }
  return 1;
}
