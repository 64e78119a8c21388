// Refs: one ref's value or several, whether refs exist, listing refs and branches, ref and branch
// names git accepts, and the facts that name a repository's default branch.
import { readGit, runGit } from './run-git.js';

/** `refs/heads/dev` exists locally? */
export async function refExists(cwd: string, ref: string): Promise<boolean> {
  const result = await runGit(cwd, ['show-ref', '--verify', '--quiet', ref], { okExitCodes: [1] });
  return result.exitCode === 0;
}

/** Whether any of these full ref names exists, in one `git show-ref` (it matches whole trailing components). */
export async function anyRefExists(cwd: string, refs: readonly string[]): Promise<boolean> {
  const result = await runGit(cwd, ['show-ref', '--', ...refs], { okExitCodes: [1] });
  return result.stdout.split('\n').some((line) => refs.includes(line.split(' ')[1] ?? ''));
}

/** Resolves a revision to a full commit hash. */
export async function resolveCommit(cwd: string, revision: string): Promise<string> {
  const result = await runGit(cwd, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]);
  return result.stdout.trim();
}

interface DefaultBranchFacts {
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
  const branchRefs = (names: readonly string[]) =>
    names.flatMap((name) => [`refs/heads/${name}`, `refs/remotes/origin/${name}`]);
  const list = (refs: readonly string[]) =>
    runGit(cwd, ['for-each-ref', '--format=%(refname)%00%(symref)', '--', 'refs/remotes/origin/HEAD', ...refs]);
  // The usual names are listed while git config answers (the TUI home waits on this); a second
  // listing only when init.defaultBranch names another branch.
  const [config, usual] = await Promise.all([
    runGit(cwd, ['config', '--get', 'init.defaultBranch'], { okExitCodes: [1] }),
    list(branchRefs(CANDIDATES)),
  ]);
  const initDefault = config.exitCode === 0 && config.stdout.trim() ? config.stdout.trim() : null;
  const names = [...new Set([...CANDIDATES, ...(initDefault ? [initDefault] : [])])];
  const refs = branchRefs(names);
  const listed = names.length === CANDIDATES.length ? usual : await list(refs);
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

/** Full ref names under a prefix, e.g. `refs/remotes/` → `refs/remotes/origin/hotfix/1.4.1`. */
export async function listRefs(cwd: string, refPrefix: string): Promise<string[]> {
  return (await readGit(cwd, ['for-each-ref', '--format=%(refname)', refPrefix])).split('\n').filter(Boolean);
}

/** Short branch names under a pattern, e.g. `refs/heads/release/`. */
export async function listBranches(cwd: string, refPrefix: string): Promise<string[]> {
  return (await listRefs(cwd, refPrefix))
    .filter((ref) => ref.startsWith('refs/heads/'))
    .map((ref) => ref.slice('refs/heads/'.length));
}

/** Local branches and origin's branches (short names, origin/HEAD left out), from one `for-each-ref`. */
export async function listLocalAndOriginBranches(cwd: string): Promise<{ local: string[]; remote: string[] }> {
  const local: string[] = [];
  const remote: string[] = [];
  const refs = (await readGit(cwd, ['for-each-ref', '--format=%(refname)', 'refs/heads/', 'refs/remotes/origin/']))
    .split('\n')
    .filter(Boolean);
  for (const ref of refs) {
    if (ref.startsWith('refs/heads/')) local.push(ref.slice('refs/heads/'.length));
    else if (ref !== 'refs/remotes/origin/HEAD') remote.push(ref.slice('refs/remotes/origin/'.length));
  }
  return { local, remote };
}

/** The object a full ref name points at (a tag object for annotated tags), null when absent. */
export async function readRefValue(cwd: string, ref: string): Promise<string | null> {
  const result = await runGit(cwd, ['rev-parse', '-q', '--verify', '--end-of-options', ref], { okExitCodes: [1] });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

/** Several full ref names at once (one for-each-ref); absent ones are null. */
export async function readRefValues(cwd: string, refs: readonly string[]): Promise<Record<string, string | null>> {
  const values: Record<string, string | null> = Object.fromEntries(refs.map((ref) => [ref, null]));
  if (refs.length === 0) return values;
  const result = await runGit(cwd, ['for-each-ref', '--format=%(refname) %(objectname)', '--', ...refs]);
  for (const line of result.stdout.split('\n')) {
    const [name = '', value = ''] = line.split(' ');
    // A pattern also matches refs below it: keep exact names only.
    if (Object.hasOwn(values, name)) values[name] = value;
  }
  return values;
}

/** `git check-ref-format`: git's own rules for a full ref name; a leading `-` is refused too. */
export async function isValidRefName(cwd: string, ref: string): Promise<boolean> {
  if (ref.startsWith('-') || ref.split('/').some((part) => part.startsWith('-'))) return false;
  const result = await runGit(cwd, ['check-ref-format', ref], { okExitCodes: [1, 128] });
  return result.exitCode === 0;
}

/** `git check-ref-format --branch`: git's own rules for a branch name (no spaces, no `..`, …). */
export async function isValidBranchName(cwd: string, name: string): Promise<boolean> {
  if (name.startsWith('-')) return false;
  const result = await runGit(cwd, ['check-ref-format', '--branch', name], { okExitCodes: [1, 128] });
  return result.exitCode === 0;
}

/** Local and remote-tracking branch names (without the remote's name): init proposes prefixes from them. */
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
