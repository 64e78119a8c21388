// `shipwright hook pre-push`: branch names follow the model, tags are release tags, and protected
// branches are never rewritten. git passes "<local ref> <local sha> <remote ref> <remote sha>" lines.
import { checkBranchName, checkTagName, pushProtectedBranches, type NameVerdict } from '../core/hooks/branch-rules.js';
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';
import { isAncestor } from '../git/read-ancestry.js';
import type { HookContext } from './hook-context.js';

const ZERO = /^0+$/;

interface Refusal {
  ref: string;
  reason: string;
  fix: string;
}

export async function prePush(context: HookContext): Promise<number> {
  const { io } = context;
  const repo = await context.open();
  const config = repo.loaded.config;
  const protectedBranches = pushProtectedBranches(config);
  const refusals: Refusal[] = [];
  const refuse = (ref: string, verdict: NameVerdict) => {
    if (!verdict.ok) refusals.push({ ref, reason: verdict.reason, fix: verdict.fix });
  };

  const lines = (await io.readStdin()).split('\n').filter((line) => line.trim().length > 0);
  for (const line of lines) {
    const [, localSha = '', remoteRef = '', remoteSha = ''] = line.trim().split(/\s+/);
    const deleting = ZERO.test(localSha);
    if (remoteRef.startsWith('refs/tags/')) {
      const tag = remoteRef.slice('refs/tags/'.length);
      const release = checkTagName(tag, config).ok;
      // A published release tag is what production deployed: moving or deleting it rewrites history others rely on.
      if (release && !ZERO.test(remoteSha) && remoteSha !== localSha) {
        refusals.push({
          ref: remoteRef,
          reason: deleting
            ? `${tag} is a published release tag and cannot be deleted on the remote.`
            : `this push would move the published release tag ${tag} on the remote (force).`,
          fix: deleting
            ? 'release a new version instead (shipwright release), or delete it in the hosting service if you really mean to'
            : `release a new version instead (shipwright release); put the local tag back with: git fetch origin ${quoteShellWord(`+refs/tags/${tag}:refs/tags/${tag}`)}`,
        });
        continue;
      }
      if (!deleting) refuse(remoteRef, checkTagName(tag, config));
      continue;
    }
    if (!remoteRef.startsWith('refs/heads/')) continue;
    const branch = remoteRef.slice('refs/heads/'.length);
    if (protectedBranches.includes(branch)) {
      if (deleting) {
        refusals.push({
          ref: remoteRef,
          reason: `${branch} is protected and cannot be deleted on the remote.`,
          fix: 'delete it in the hosting service if you really mean to',
        });
      } else if (!ZERO.test(remoteSha) && !(await isAncestor(repo.cwd, remoteSha, localSha))) {
        refusals.push({
          ref: remoteRef,
          reason: `this push would rewrite ${branch} on the remote (not a fast-forward); ${branch} is protected.`,
          fix: `bring in the remote work instead: ${shellCommand(['git', 'pull', '--rebase', 'origin', branch])}   (then push again)`,
        });
      }
      continue;
    }
    if (!deleting) refuse(remoteRef, checkBranchName(branch, config));
  }
  if (refusals.length === 0) return 0;
  io.stderr(
    `\nshipwright: the push was refused (${refusals.length === 1 ? '1 problem' : `${refusals.length} problems`}); nothing was sent.\n`,
  );
  for (const refusal of refusals) io.stderr(`  ${refusal.ref}: ${refusal.reason}\n    fix: ${refusal.fix}\n`);
  io.stderr('  (skip once with git push --no-verify, or SHIPWRIGHT_SKIP_HOOKS=1)\n');
  return 1;
}
