// `shipwright hook commit-msg FILE`: the lint-msg check on the file git passes. A refused message
// is saved with the command that reuses it, so no message is ever lost to a typo.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { lintEditedMessage } from '../app/lint-messages.js';
import { loadCommitRulesCached } from '../config/cached-commit-rules.js';
import { usageError } from '../core/errors.js';
import { readMessageFile } from '../git/read-commit-message-file.js';
import { formatSingleVerdict } from '../output/print-lint-report.js';
import type { HookContext } from './hook-context.js';

export async function commitMsg({ io, locate, args }: HookContext): Promise<number> {
  const file = args[0];
  if (!file) throw usageError('The commit-msg hook needs the message file git passes it.', 'in .husky/commit-msg: shipwright hook commit-msg "$1"');
  const path = resolve(io.cwd, file);
  const repo = await locate();
  const text = await readMessageFile(path, { explicit: true });
  const report = await lintEditedMessage(repo.root, text, (root) => loadCommitRulesCached(root, repo.gitDir));
  const output = formatSingleVerdict(report, io.color);
  if (report.valid) {
    if (output.problems) io.stderr(output.problems);
    return 0;
  }
  // In this worktree's own git dir: the message belongs to the commit being made here.
  const saved = join(repo.gitDir, 'shipwright', 'rejected-message');
  await mkdir(join(repo.gitDir, 'shipwright'), { recursive: true });
  await writeFile(saved, text);
  const shown = relative(repo.root, saved) || saved;
  io.stderr(`\n${output.problems}${output.footer}\n`);
  io.stderr(`shipwright: ${output.summary} The commit was not made.\n`);
  io.stderr(`  Your message is saved in ${shown}; edit and reuse it with:\n    git commit -e -F ${shown}\n`);
  return 1;
}
