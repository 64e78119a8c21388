// Plans "start a branch": the name from the type and words, its base, and what to warn about.
import type { BranchType } from '../core/config/config-types.js';
import { branchName, resolveBase } from '../core/branch/branch-name.js';
import { checkFailed, usageError } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import { refExists, isValidBranchName } from '../git/read-refs.js';
import { countCommits } from '../git/read-ancestry.js';
import { readWorkingTree } from '../git/read-worktrees.js';
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { plural } from '../core/display-text/plural.js';

export interface BranchRequest {
  type: string;
  name: string;
  issue?: number | null;
  /** A ref to start from instead of the type's base. */
  from?: string;
}

export interface BranchPlan {
  plan: Plan;
  branch: string;
  base: string;
  /** Things to know before confirming (base behind origin, uncommitted changes coming along). */
  warnings: string[];
}

export interface BranchTypeChoice extends BranchType {
  name: string;
  /** The branch it starts from in this repository's model. */
  baseBranch: string;
}

export async function listBranchTypes(repo: OpenRepo): Promise<BranchTypeChoice[]> {
  const workflow = await resolveWorkflow(repo);
  const { branchTypes, branches } = repo.loaded.config;
  return Object.entries(branchTypes).map(([name, type]) => ({
    ...type,
    name,
    baseBranch: resolveBase(type, branches, workflow),
  }));
}

/** Why a name cannot be used, or null when it can. */
export async function refusedBranchName(repo: OpenRepo, branch: string): Promise<string | null> {
  if (!(await isValidBranchName(repo.cwd, branch)))
    return `'${branch}' is not a valid git branch name (git check-ref-format refuses it).`;
  if (await refExists(repo.cwd, `refs/heads/${branch}`))
    return `a branch '${branch}' already exists; pick another name or switch to it: git switch ${branch}`;
  return null;
}

/**
 * A hotfix branch is the hotfix flow's (`hotfix start`): hotfix/X.Y.Z-NAME from the release it
 * fixes, so `hotfix finish` can tag it. A bare `hotfix/login` names no version and could never be
 * finished; a version typed as the name must be the one the flow would give.
 */
async function planHotfixBranch(repo: OpenRepo, type: BranchTypeChoice, request: BranchRequest): Promise<BranchPlan> {
  const { prepareHotfixStart } = await import('./prepare-hotfix.js');
  const slug = branchName({ ...type, prefix: '' }, request.name, request.issue);
  const typedVersion = /^\d+\.\d+\.\d+$/.test(slug) ? slug : null;
  const from = request.from === undefined ? {} : { from: request.from };
  const started = await prepareHotfixStart(repo, { ...from, ...(typedVersion || slug === '' ? {} : { name: slug }) });
  if (typedVersion !== null && typedVersion !== started.version) {
    throw checkFailed(
      `${type.prefix}${typedVersion} is not the hotfix of ${started.base}: its next free patch is ${started.version}, and hotfix finish tags the version the branch names.`,
      {
        code: 'branch-refused',
        fix: `shipwright hotfix start   (creates ${quoteShellWord(started.branch)} from ${quoteShellWord(started.base)}), or name the fix: shipwright branch hotfix login-crash`,
      },
    );
  }
  return { branch: started.branch, base: started.base, warnings: [], plan: started.plan };
}

export async function planBranch(repo: OpenRepo, request: BranchRequest): Promise<BranchPlan> {
  const types = await listBranchTypes(repo);
  const type = types.find((candidate) => candidate.name === request.type);
  if (!type)
    throw usageError(
      `'${request.type}' is not a branch type here.`,
      `use one of: ${types.map((t) => t.name).join(', ')} (branchTypes in shipwright.config.json)`,
    );
  if (type.name === 'hotfix') return planHotfixBranch(repo, type, request);
  const branch = branchName(type, request.name, request.issue);
  if (branch === type.prefix)
    throw usageError(
      'The branch needs a name.',
      `e.g. ${shellCommand(['shipwright', 'branch', type.name, 'login-form'])}`,
    );
  const refused = await refusedBranchName(repo, branch);
  if (refused)
    throw checkFailed(refused, {
      code: 'branch-refused',
      fix: `${shellCommand(['shipwright', 'branch', type.name, 'another-name'])}`,
    });

  const base = request.from ?? type.baseBranch;
  const localBase = await refExists(repo.cwd, `refs/heads/${base}`);
  const remoteBase = await refExists(repo.cwd, `refs/remotes/origin/${base}`);
  const from = localBase || request.from ? base : remoteBase ? `origin/${base}` : null;
  if (from === null) {
    // The way out names only what exists: the branch checked out here (an unborn one has no
    // commit to start from), else HEAD.
    const here = repo.state.branch && repo.state.head ? repo.state.branch : 'HEAD';
    throw checkFailed(`The base branch '${base}' does not exist here or on origin.`, {
      code: 'base-missing',
      fix: `create it (git branch ${base}), fetch it (git fetch origin ${base}), or start from where you are: shipwright branch ${type.name} ${quoteShellWord(request.name)} --from ${quoteShellWord(here)}`,
    });
  }
  const warnings: string[] = [];
  if (localBase && remoteBase) {
    const behind = await countCommits(repo.cwd, `refs/remotes/origin/${base}`, `refs/heads/${base}`);
    if (behind > 0)
      warnings.push(
        `${base} is ${plural(behind, 'commit')} behind origin/${base}; update it first with: git switch ${base} && git pull --ff-only`,
      );
  }
  const tree = await readWorkingTree(repo.cwd);
  if (!tree.clean) {
    warnings.push(
      `${plural(tree.files.length, 'uncommitted change')} will come along to ${branch} (git refuses the switch if they conflict with ${base}; commit or stash them to leave them here)`,
    );
  }
  return {
    branch,
    base: from,
    warnings,
    plan: {
      title: `Start ${branch}`,
      steps: [
        { kind: 'create-branch', name: branch, from, description: `create ${branch} from ${from} and switch to it` },
      ],
    },
  };
}
