// The command table. Modules load lazily so `shipwright version` never pays for the TUI.
import type { CommandModule } from '../command.js';

interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'status',
    summary: 'branch, environments, last tag, unreleased commits, next version',
    load: () => import('./status.js').then((m) => m.command),
  },
  {
    name: 'version',
    summary: 'print the next version (or the current one with --current)',
    load: () => import('./version.js').then((m) => m.command),
  },
  {
    name: 'changelog',
    summary: 'update CHANGELOG.md with the unreleased section, or print release notes',
    load: () => import('./changelog.js').then((m) => m.command),
  },
  {
    name: 'lint-msg',
    summary: 'check a commit message, or every commit in a range, against the commit rules',
    load: () => import('./lint-msg.js').then((m) => m.command),
  },
  {
    name: 'branch',
    summary: 'start a feature/fix/hotfix/release branch from the configured base',
    load: () => import('./branch.js').then((m) => m.command),
  },
  {
    name: 'commit',
    summary: 'compose a Conventional Commit (the composer on a terminal, flags in scripts)',
    load: () => import('./commit.js').then((m) => m.command),
  },
  {
    name: 'release',
    summary: 'bump, changelog, commit, annotated tag, push — all or nothing',
    load: () => import('./release.js').then((m) => m.command),
  },
  {
    name: 'hotfix',
    summary:
      'start a hotfix from the production tag; finish: patch release, fix to the integration branch and release/*',
    load: () => import('./hotfix.js').then((m) => m.command),
  },
  {
    name: 'backport',
    summary: 'cherry-pick fixes onto other branches in private worktrees, or --list what is missing',
    load: () => import('./backport.js').then((m) => m.command),
  },
  {
    name: 'continue',
    summary: 'finish an interrupted or conflict-paused release, hotfix or backport',
    load: () => import('./continue.js').then((m) => m.command),
  },
  {
    name: 'abort',
    summary: 'undo an interrupted or conflict-paused release, hotfix or backport',
    load: () => import('./abort.js').then((m) => m.command),
  },
  {
    name: 'rollback',
    summary: 'redeploy an earlier release tag through the production workflow (gh), or print the command',
    load: () => import('./rollback.js').then((m) => m.command),
  },
  {
    name: 'verify',
    summary: 'post-deploy health check: poll a URL with backoff until it answers healthy',
    load: () => import('./verify.js').then((m) => m.command),
  },
  {
    name: 'notify',
    summary: 'announce a release and its notes on a Slack or Discord incoming webhook',
    load: () => import('./notify.js').then((m) => m.command),
  },
  {
    name: 'init',
    summary: 'set up hooks, commit rules, lint-staged tasks, the branch model and CI templates',
    load: () => import('./init.js').then((m) => m.command),
  },
  {
    name: 'doctor',
    summary: 'check setup: hooks installed and running, configs valid, tags sane',
    load: () => import('./doctor.js').then((m) => m.command),
  },
  {
    name: 'hook',
    summary: 'entry point for installed git hooks (commit-msg, pre-commit, pre-push, …)',
    load: () => import('./hook.js').then((m) => m.command),
  },
];

export const findCommand = (name: string): CommandEntry | undefined => COMMANDS.find((entry) => entry.name === name);
