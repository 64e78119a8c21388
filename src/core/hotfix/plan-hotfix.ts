// The hotfix as Plans. `start` branches hotfix/X.Y.Z from the production tag (or main). `finish`
// makes the release commit and annotated tag on the hotfix line, merges it into production
// (--no-ff), brings the fix to every target (the integration branch, open release branches) by
// merge or cherry-pick, deletes the hotfix branch and pushes everything atomically. When production
// has moved past the hotfix's line, it is a maintenance release: the fix is carried forward by
// cherry-pick to production as well, and nothing is merged. Pure, like the release plans.
import type { Plan, PlanStep } from '../plan/plan.js';
import {
  planFinishPush,
  planVersionCommit,
  tagMessageFor,
  type ReleasePlan,
  type VersionCommitInput,
} from '../release/plan-release.js';

interface HotfixStartInput {
  branch: string;
  /** The revision it starts from (`refs/tags/v1.4.0`), and how to name it to people (`v1.4.0`). */
  from: string;
  fromLabel: string;
  version: string;
}

export function planHotfixStart(input: HotfixStartInput): Plan {
  return {
    title: `Start hotfix ${input.version}`,
    steps: [
      {
        kind: 'create-branch',
        name: input.branch,
        from: input.from,
        description: `create ${input.branch} from ${input.fromLabel}`,
      },
    ],
    notes: [`commit the fix on ${input.branch}, then: shipwright hotfix finish`],
  };
}

interface FixCommit {
  hash: string;
  /** A merge commit is picked against its first parent. */
  merge: boolean;
  subject: string;
}

interface HotfixFinishInput extends Omit<VersionCommitInput, 'branch'> {
  hotfixBranch: string;
  production: string;
  /** Where the fix must also go: the integration branch and open release branches. */
  targets: string[];
  /** Left for later on request (--skip). */
  skip: string[];
  propagation: 'merge' | 'cherry-pick';
  /** Production has moved past this line: carry the fix forward instead of merging. */
  maintenance: boolean;
  /** The hotfix's own commits since its base, oldest first (what a cherry-pick brings). */
  fixCommits: FixCommit[];
  changelog: { path: string; existing: string | null; content: string };
  notes: string;
  keepBranch: boolean;
  push: { remote: string; deleteRemoteBranch: boolean } | null;
}

function bringTo(input: HotfixFinishInput, target: string, pick: boolean): PlanStep[] {
  const steps: PlanStep[] = [{ kind: 'switch', branch: target, target, description: `switch to ${target}` }];
  if (!pick) {
    steps.push({
      kind: 'merge',
      source: `refs/heads/${input.hotfixBranch}`,
      into: target,
      message: `chore(release): merge ${input.hotfixBranch} into ${target}`,
      release: true,
      target,
      description: `merge ${input.hotfixBranch} into ${target} (--no-ff)`,
    });
    return steps;
  }
  for (const commit of input.fixCommits) {
    steps.push({
      kind: 'cherry-pick',
      commit: commit.hash,
      into: target,
      ...(commit.merge ? { mainline: 1 as const } : {}),
      release: true,
      target,
      description: `pick ${commit.hash.slice(0, 7)} "${commit.subject}" onto ${target}`,
    });
  }
  return steps;
}

export function planHotfixFinish(input: HotfixFinishInput): ReleasePlan {
  const { hotfixBranch, production, tag } = input;
  const commit = planVersionCommit({ ...input, branch: hotfixBranch });
  const tagMessage = tagMessageFor(tag, input.notes, input.checklist);
  const steps: PlanStep[] = [
    ...commit.steps,
    {
      kind: 'tag',
      name: tag,
      message: tagMessage,
      description: `create annotated tag ${tag} on ${hotfixBranch} with the release notes`,
    },
  ];
  const notes = [...commit.notes];

  const forward = input.maintenance ? [production, ...input.targets] : input.targets;
  if (input.maintenance) {
    notes.push(
      `maintenance release: ${production} has moved past ${input.version}, so the fix is carried forward by cherry-pick and ${tag} stays on the hotfix line`,
    );
  } else {
    steps.push({ kind: 'switch', branch: production, description: `switch to ${production}` });
    steps.push({
      kind: 'merge',
      source: `refs/heads/${hotfixBranch}`,
      into: production,
      message: `chore(release): merge ${hotfixBranch} into ${production}`,
      release: true,
      description: `merge ${hotfixBranch} into ${production} (--no-ff)`,
    });
  }
  const pick = input.maintenance || input.propagation === 'cherry-pick';
  const reached = forward.filter((target) => !input.skip.includes(target));
  for (const target of reached) steps.push(...bringTo(input, target, pick));
  for (const target of input.skip)
    notes.push(
      `${target} left for later (--skip): shipwright backport --list --to ${target} shows what it lacks afterwards`,
    );
  if (pick && input.fixCommits.length === 0) notes.push('the hotfix has no commits of its own to carry forward');

  const last = steps.at(-1);
  const onProduction =
    last?.kind === 'merge' ? last.into === production : last?.kind === 'cherry-pick' ? last.into === production : false;
  if (!onProduction) steps.push({ kind: 'switch', branch: production, description: `switch back to ${production}` });
  if (input.keepBranch) notes.push(`${hotfixBranch} is kept (--keep-branch)`);
  else
    steps.push({
      kind: 'delete-branch',
      name: hotfixBranch,
      description: `delete the finished branch ${hotfixBranch}`,
    });

  if (input.push) {
    const branches = [...new Set([...(input.maintenance ? [] : [production]), ...reached])];
    steps.push(
      planFinishPush(
        input.push.remote,
        branches,
        tag,
        input.push.deleteRemoteBranch && !input.keepBranch ? hotfixBranch : null,
      ),
    );
  } else {
    notes.push('not pushing (--no-push): push the branches and the tag together later with git push --atomic');
  }
  return {
    plan: { title: `Finish hotfix ${tag}${input.maintenance ? ' (maintenance release)' : ''}`, steps, notes },
    commitMessage: commit.commitMessage,
    tagMessage,
  };
}
