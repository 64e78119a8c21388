// Gathers what `shipwright init` needs (the project's files, hooks and tools) and plans it.
import { resolve } from 'node:path';
import type { StagedCheckName, Workflow } from '../core/config/config-types.js';
import { defaultConfig } from '../config/default-config.js';
import { planInit } from '../core/init/plan-init.js';
import type { Plan } from '../core/plan/plan.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { readProjectFacts } from './read-project-facts.js';

/** The checks a repository without a shipwright config gets: cheap, and never a false alarm. */
const DEFAULT_STAGED_CHECKS: StagedCheckName[] = ['conflict-markers', 'private-keys'];

interface InitWorkflow {
  workflow: Workflow;
  /** True when the flag or the config names it; false when only the branches suggest it (worth asking). */
  chosen: boolean;
}

/** The branch model init sets up: the flag's, else the config's, else the one the branches suggest. */
export async function readInitWorkflow(repo: OpenRepo, flag: Workflow | undefined): Promise<InitWorkflow> {
  if (flag !== undefined) return { workflow: flag, chosen: true };
  return { workflow: await resolveWorkflow(repo), chosen: repo.loaded.config.workflow !== null };
}

interface InitRequest {
  workflow: Workflow;
  ci: 'github' | null;
  install: boolean;
  force: boolean;
  /** Where the command was typed: in a monorepo, the package folder it was typed in gets the tools. */
  cwd: string;
}

interface PreparedInit {
  plan: Plan;
  /** Where package.json lives, repository-relative; null: none (the hooks are turned on with `npx husky`). */
  packageDir: string | null;
}

export async function prepareInit(repo: OpenRepo, request: InitRequest): Promise<PreparedInit> {
  const { facts, templates } = await readProjectFacts(repo.cwd, resolve(request.cwd));
  const stagedChecks = repo.loaded.source === 'defaults' ? DEFAULT_STAGED_CHECKS : repo.loaded.config.stagedChecks;
  const plan = planInit(
    facts,
    {
      workflow: request.workflow,
      ci: request.ci,
      install: request.install,
      force: request.force,
      stagedChecks,
      defaultBranchTypes: defaultConfig().branchTypes,
    },
    templates,
  );
  return { plan, packageDir: facts.packageDir };
}
