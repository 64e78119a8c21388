// Annotated tags: `git tag -a NAME -F -` on HEAD, the message verbatim from stdin. Engine only.
import { runGit } from './run-git.js';

export async function createAnnotatedTag(cwd: string, name: string, message: string): Promise<void> {
  // --cleanup=verbatim: release notes are Markdown, whose `#` headings git would strip as comments.
  await runGit(cwd, ['tag', '-a', '--cleanup=verbatim', '-F', '-', name, 'HEAD'], { input: message });
}
