// Every branch name the repository knows, local and remote-tracking (without the remote's name):
// what `init` reads to propose branch prefixes that fit the team's habits.
import { readGit } from './run-git.js';

export async function readBranchNames(cwd: string): Promise<string[]> {
  const out = await readGit(cwd, ['for-each-ref', '--format=%(refname)', 'refs/heads/', 'refs/remotes/']);
  const names = new Set<string>();
  for (const ref of out.split('\n')) {
    if (ref.startsWith('refs/heads/')) names.add(ref.slice('refs/heads/'.length));
    else if (ref.startsWith('refs/remotes/')) {
      // refs/remotes/REMOTE/NAME: remote names have no slash in practice (git's own default is origin).
      const rest = ref.slice('refs/remotes/'.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? '' : rest.slice(slash + 1);
      if (name !== '' && name !== 'HEAD') names.add(name);
    }
  }
  return [...names];
}
