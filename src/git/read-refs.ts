// The facts that name a repository's production branch when no config does: origin/HEAD,
// init.defaultBranch, and which of main / master exist (locally or on origin).
import { runGit } from './run-git.js';

export interface DefaultBranchFacts {
  /** The branch `refs/remotes/origin/HEAD` points at (`master`), or null without one. */
  originHead: string | null;
  /** `init.defaultBranch` from any config scope, or null. */
  initDefault: string | null;
  /** Which of the candidate names exist as a local branch or on origin. */
  existing: string[];
}

const CANDIDATES = ['main', 'master'];

/**
 * Two git processes: `git config` first (its answer is one more name to look for), then one
 * `for-each-ref` that reads origin/HEAD's symref and every candidate's local and origin ref.
 */
export async function readDefaultBranchFacts(cwd: string): Promise<DefaultBranchFacts> {
  const config = await runGit(cwd, ['config', '--get', 'init.defaultBranch'], { okExitCodes: [1] });
  const initDefault = config.exitCode === 0 && config.stdout.trim() ? config.stdout.trim() : null;
  const names = [...new Set([...CANDIDATES, ...(initDefault ? [initDefault] : [])])];
  const refs = names.flatMap((name) => [`refs/heads/${name}`, `refs/remotes/origin/${name}`]);
  const listed = await runGit(cwd, [
    'for-each-ref',
    '--format=%(refname)%00%(symref)',
    '--',
    'refs/remotes/origin/HEAD',
    ...refs,
  ]);
  let originHead: string | null = null;
  const found = new Set<string>();
  for (const line of listed.stdout.split('\n')) {
    const [ref = '', symref = ''] = line.split('\0');
    if (ref === 'refs/remotes/origin/HEAD') {
      originHead = symref.startsWith('refs/remotes/origin/') ? symref.slice('refs/remotes/origin/'.length) : null;
      continue;
    }
    // for-each-ref patterns also match refs below them (refs/heads/main/x): keep exact names only.
    const name = ref.replace(/^refs\/heads\//, '').replace(/^refs\/remotes\/origin\//, '');
    if (refs.includes(ref)) found.add(name);
  }
  return { originHead, initDefault, existing: names.filter((name) => found.has(name)) };
}
