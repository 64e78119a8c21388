// Gitflow's release as two Plans. `start` cuts release/X.Y.Z from the integration branch with the
// version bumped (optionally an -rc.N tag for testing). `finish` writes the changelog on the release
// branch, merges it into production (--no-ff), tags there, merges production back into integration,
// deletes the release branch and pushes everything atomically. Pure, like planRelease.
import { shellCommand } from '../display-text/shell-words.js';
import type { PlanStep } from '../plan/plan.js';
import {
  planFinishPush,
  planVersionCommit,
  tagMessageFor,
  type ReleasePlan,
  type VersionCommitInput,
} from './plan-release.js';

interface ReleaseStartInput extends Omit<VersionCommitInput, 'branch' | 'changelog' | 'checklist'> {
  /** e.g. `release/1.4.0`. */
  releaseBranch: string;
  integration: string;
  /** With --preid: the -rc.N tag to put on the new branch, with its notes. */
  prereleaseNotes: string | null;
  push: { remote: string } | null;
}

export function planReleaseStart(input: ReleaseStartInput): ReleasePlan {
  const steps: PlanStep[] = [
    {
      kind: 'create-branch',
      name: input.releaseBranch,
      from: `refs/heads/${input.integration}`,
      description: `create ${input.releaseBranch} from ${input.integration}`,
    },
  ];
  const commit = planVersionCommit({
    ...input,
    branch: input.releaseBranch,
    changelog: null,
    checklist: null,
    commitMessage: input.commitMessage ?? `chore(release): start ${input.tag}`,
  });
  steps.push(...commit.steps);
  const notes = [
    ...commit.notes,
    `${input.integration} is left as it is; the changelog is written when the release finishes (shipwright release finish)`,
  ];
  const tagMessage = input.prereleaseNotes === null ? '' : tagMessageFor(input.tag, input.prereleaseNotes);
  const refspecs = [`refs/heads/${input.releaseBranch}:refs/heads/${input.releaseBranch}`];
  if (input.prereleaseNotes !== null) {
    steps.push({
      kind: 'tag',
      name: input.tag,
      message: tagMessage,
      description: `create annotated tag ${input.tag} for testing`,
    });
    refspecs.push(`refs/tags/${input.tag}:refs/tags/${input.tag}`);
  }
  if (input.push) {
    steps.push({
      kind: 'push',
      remote: input.push.remote,
      refspecs,
      setUpstream: true,
      description: `push ${input.releaseBranch}${input.prereleaseNotes === null ? '' : ` and ${input.tag}`} to ${input.push.remote} (atomic), tracking it there`,
    });
  } else {
    notes.push(
      `not pushing: share it later with ${shellCommand(['git', 'push', '-u', 'origin', input.releaseBranch])}`,
    );
  }
  return {
    plan: { title: `Start release ${input.tag}`, steps, notes },
    commitMessage: commit.commitMessage,
    tagMessage,
  };
}

interface ReleaseFinishInput extends Omit<VersionCommitInput, 'branch'> {
  releaseBranch: string;
  production: string;
  integration: string;
  changelog: { path: string; existing: string | null; content: string };
  notes: string;
  /** Keep release/X.Y.Z (local and remote) instead of deleting it. */
  keepBranch: boolean;
  /** deleteRemoteBranch: the release branch exists on the remote and is deleted there too. */
  push: { remote: string; deleteRemoteBranch: boolean } | null;
}

export function planReleaseFinish(input: ReleaseFinishInput): ReleasePlan {
  const { releaseBranch, production, integration, tag } = input;
  const commit = planVersionCommit({ ...input, branch: releaseBranch });
  const tagMessage = tagMessageFor(tag, input.notes, input.checklist);
  const steps: PlanStep[] = [
    ...commit.steps,
    { kind: 'switch', branch: production, description: `switch to ${production}` },
    {
      kind: 'merge',
      source: `refs/heads/${releaseBranch}`,
      into: production,
      message: `chore(release): merge ${releaseBranch} into ${production}`,
      release: true,
      description: `merge ${releaseBranch} into ${production} (--no-ff)`,
    },
    {
      kind: 'tag',
      name: tag,
      message: tagMessage,
      description: `create annotated tag ${tag} on ${production} with the release notes`,
    },
    { kind: 'switch', branch: integration, description: `switch to ${integration}` },
    {
      kind: 'merge',
      source: `refs/heads/${production}`,
      into: integration,
      message: `chore(release): merge ${tag} back into ${integration}`,
      release: true,
      // Skippable: main is released either way; dev can get it later.
      target: integration,
      description: `merge ${production} back into ${integration} (--no-ff)`,
    },
  ];
  const notes = [...commit.notes];
  if (input.keepBranch) notes.push(`${releaseBranch} is kept (--keep-branch)`);
  else
    steps.push({
      kind: 'delete-branch',
      name: releaseBranch,
      description: `delete the merged branch ${releaseBranch}`,
    });
  if (input.push) {
    steps.push(
      planFinishPush(
        input.push.remote,
        [production, integration],
        tag,
        input.push.deleteRemoteBranch && !input.keepBranch ? releaseBranch : null,
      ),
    );
  } else {
    notes.push(
      `not pushing: push later with ${shellCommand(['git', 'push', '--atomic', 'origin', production, integration, tag])}`,
    );
  }
  return { plan: { title: `Finish release ${tag}`, steps, notes }, commitMessage: commit.commitMessage, tagMessage };
}
