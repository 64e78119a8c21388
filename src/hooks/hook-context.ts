// What every hook needs: the repository, its config and branch model, resolved once.
import { openRepo, resolveWorkflow, type OpenRepo } from '../app/open-repo.js';
import type { Workflow } from '../config/config-types.js';
import type { CliIo } from '../cli/io.js';

export interface HookContext {
  io: CliIo;
  repo: OpenRepo;
  workflow: Workflow;
  args: string[];
}

export async function createHookContext(io: CliIo, args: string[]): Promise<HookContext> {
  const repo = await openRepo(io.cwd);
  return { io, repo, workflow: await resolveWorkflow(repo), args };
}
