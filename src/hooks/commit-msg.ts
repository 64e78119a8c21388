// `shipwright hook commit-msg FILE`: the lint-msg check on the file git passes. A refused message
// is saved with the command that reuses it, so no message is ever lost to a typo.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lintEditedMessage } from '../app/lint-messages.js';
import { loadCommitRulesCached } from '../config/cached-commit-rules.js';
import { usageError } from '../core/errors.js';
import { cleanMessage } from '../core/lint/clean-message.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { readMessageFile } from '../git/read-commit-message-file.js';
import { formatSingleVerdict } from '../output/print-lint-report.js';
import type { HookContext } from './hook-context.js';
import { packageFolder } from './package-folder.js';

export async function commitMsg({ io, locate, args }: HookContext): Promise<number> {
  const file = args[0];
  if (!file)
    throw usageError(
      'The commit-msg hook needs the message file git passes it.',
      'in .husky/commit-msg: shipwright hook commit-msg "$1"',
    );
  const path = resolve(io.cwd, file);
  const repo = await locate();
  const text = await readMessageFile(path, { explicit: true });
  // The rules of the package the hook runs for, found from its folder as commitlint does.
  const folder = packageFolder(io.cwd, repo.root);
  const report = await lintEditedMessage(folder, text, (dir) => loadCommitRulesCached(dir, repo.gitDir));
  const output = formatSingleVerdict(report, io.color);
  if (report.valid) {
    if (output.problems) io.stderr(output.problems);
    return 0;
  }
  // In this worktree's own git dir: the message belongs to the commit being made here. What is
  // saved is what git would have recorded: without its comment lines and, under `git commit -v`,
  // without the diff below the scissors line, so reusing it never commits the diff.
  const saved = join(repo.gitDir, 'shipwright', 'rejected-message');
  const message = cleanMessage(text, { commentChar: report.commentChar });
  // An absolute path: the command works from any directory of the worktree.
  const retry = `git commit -e -F ${quoteShellWord(saved)}`;
  io.stderr(`\n${output.problems}${output.footer}\n`);
  io.stderr(`shipwright: ${output.summary} The commit was not made.\n`);
  if (message.length === 0) {
    // Nothing to keep, and an earlier refused message is worth more than nothing.
    if (existsSync(saved))
      io.stderr(`  Your earlier refused message is still saved; edit and reuse it with:\n    ${retry}\n`);
    return 1;
  }
  await mkdir(join(repo.gitDir, 'shipwright'), { recursive: true });
  await writeFile(saved, `${message}\n`);
  io.stderr(`  Your message is saved in ${saved}; edit and reuse it with:\n    ${retry}\n`);
  return 1;
}
