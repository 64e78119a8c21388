// How to redeploy a tag: start the production workflow with gh, or the exact command to run by hand.
import type { DeployConfig } from '../config/config-types.js';
import { quoteShellWord, shellCommand } from '../display-text/shell-words.js';

/** What `gh` on this machine can do: found on PATH and `gh auth status` answered 0. */
export type GhAvailability = 'ready' | 'missing' | 'logged-out';

export type RedeployAction =
  { kind: 'gh'; argv: string[]; workflow: string } | { kind: 'manual'; command: string; why: string };

const WORKFLOW_PLACEHOLDER = '<production-workflow>';

const GH_REASONS: Record<Exclude<GhAvailability, 'ready'>, string> = {
  missing: 'gh is not installed: https://cli.github.com',
  'logged-out': 'gh is not logged in: gh auth login',
};

const NO_WORKFLOW =
  'no production workflow is configured: add "deploy": { "workflow": "deploy-production.yml" } to shipwright.config.json ' +
  '(a workflow with a workflow_dispatch input named by deploy.tagInput), or write one with shipwright init --ci github';

const ghWorkflowArgv = (workflow: string, tagInput: string, tag: string): string[] => [
  'gh',
  'workflow',
  'run',
  workflow,
  '-f',
  `${tagInput}=${tag}`,
];

export function redeployAction(
  tag: string,
  deploy: Pick<DeployConfig, 'workflow' | 'tagInput'>,
  gh: GhAvailability,
): RedeployAction {
  const why = [deploy.workflow === null ? NO_WORKFLOW : null, gh === 'ready' ? null : GH_REASONS[gh]].filter(
    (reason) => reason !== null,
  );
  if (deploy.workflow !== null && gh === 'ready')
    return { kind: 'gh', argv: ghWorkflowArgv(deploy.workflow, deploy.tagInput, tag), workflow: deploy.workflow };
  const argv = ghWorkflowArgv(deploy.workflow ?? WORKFLOW_PLACEHOLDER, deploy.tagInput, tag);
  // The placeholder stays bare so it reads as one; every real word is quoted for the shell.
  const command = argv
    .map((word) => (deploy.workflow === null && word === WORKFLOW_PLACEHOLDER ? word : quoteShellWord(word)))
    .join(' ');
  return { kind: 'manual', command, why: why.join('; ') };
}

export const describeAction = (action: RedeployAction): string =>
  action.kind === 'gh' ? shellCommand(action.argv) : action.command;
