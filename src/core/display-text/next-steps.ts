// What to do next after a branch is made or a commit is recorded: one line each, naming the TUI key
// and the CLI command, so a person who just finished one step is never left guessing the next.
import { quoteShellWord, shellCommand } from './shell-words.js';

export interface BranchContext {
  /** The branch checked out; null when HEAD is detached. */
  branch: string | null;
  workflow: 'gitflow' | 'trunk';
  production: string;
  integration: string;
  releasePrefix: string;
  hotfixPrefix: string;
  /** The remote the branch tracks; null when it tracks none. */
  upstreamRemote: string | null;
  /** Where a first push goes when there is no upstream: origin, else the only remote; null without one. */
  pushRemote: string | null;
}

/** The line after `git switch -c`: make the change, then commit it with the composer. */
export const AFTER_BRANCH_CREATED =
  'Next: make your change, then commit it: c on the home screen, or shipwright commit.';

function pushCommand(context: BranchContext & { branch: string }): string | null {
  if (context.upstreamRemote) return 'git push';
  if (!context.pushRemote) return null;
  return shellCommand(['git', 'push', '-u', context.pushRemote, context.branch]);
}

/** The line after a commit: push and open a pull request, or release / finish from where it was made. */
export function afterCommit(context: BranchContext): string {
  if (context.branch === null)
    return 'Next: HEAD is detached, so put the commit on a branch: git switch -c NAME (the commit stays).';
  const { branch } = context;
  const push = pushCommand({ ...context, branch });
  const pushed = push ? `push it (${push})` : 'add a remote and push it (git remote add origin URL)';
  if (branch.startsWith(context.hotfixPrefix))
    return `Next: when the fix is complete, finish the hotfix: h on the home screen, or shipwright hotfix finish.`;
  if (branch.startsWith(context.releasePrefix))
    return `Next: when the release branch is ready, finish it: R on the home screen, or shipwright release finish.`;
  if (context.workflow === 'gitflow' && branch === context.integration)
    return `Next: ${pushed}, or cut a release from ${branch}: R on the home screen, or shipwright release start.`;
  if (branch === context.production)
    return context.workflow === 'trunk'
      ? `Next: ${pushed}, or release it: R on the home screen, or shipwright release.`
      : `Next: ${pushed}; releases reach ${branch} through a release branch (shipwright release start on ${context.integration}).`;
  const into = context.workflow === 'gitflow' ? context.integration : context.production;
  return `Next: ${pushed} and open a pull request from ${quoteShellWord(branch)} into ${into}.`;
}

/** Home on a repository without commits: nothing to describe yet, and how to make the first one. */
export const FIRST_COMMIT_STEPS: readonly string[] = [
  'No commits yet: there is nothing to version or release until the first one.',
  'Start here: press c to write the first commit (a stages every file there),',
  `or run: git add -A && git commit -m "chore: initial commit"`,
];
