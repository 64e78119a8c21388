// Errors as values: every failure a user can fix carries the command or edit that fixes it.

/** How a failure maps to the exit codes of CLI.md. */
export type ErrorKind =
  | 'check' // 1: the check failed (bad message, preflight refused, conflict waiting)
  | 'usage' // 2: wrong flags or arguments
  | 'environment' // 3: git or environment (repo missing, push rejected, shallow clone)
  | 'internal'; // 70: a bug in shipwright

/**
 * Every code a ShipwrightError carries: `--json` consumers and the TUI key off them, so they are
 * a closed list. docs/errors.md documents each one (a test keeps the two in step).
 */
export const ERROR_CODES = {
  // Generic
  check: 'a check failed (no more specific code)',
  usage: 'wrong flags or arguments',
  environment: 'git or the environment failed (no more specific code)',
  internal: 'a bug in shipwright',
  // Repository and git
  'not-a-repo': 'not inside a git repository',
  'no-commits': 'the repository has no commits yet',
  'unknown-revision': 'a ref or commit that does not exist',
  'dubious-ownership': 'git refuses the repository (safe.directory)',
  'git-failed': 'a git command failed',
  'git-missing': 'git is not installed or not on PATH',
  'folder-missing': 'the folder to run in does not exist',
  'git-lock-exists': 'a git .lock file exists (another git process, or a stale lock)',
  'shallow-clone': 'the clone is shallow; history is incomplete',
  'detached-head': 'HEAD is detached',
  'dirty-tree': 'uncommitted or untracked changes',
  'remote-unreachable': 'the remote cannot be reached',
  'behind-upstream': 'the branch is behind its upstream',
  'upstream-gone': 'the upstream branch no longer exists',
  'branch-missing': 'a branch the flow needs does not exist',
  'bad-ref-name': 'not a valid branch or tag name',
  'tags-not-fetched': 'CHANGELOG.md or package.json record releases no tag here explains (fetch the tags)',
  // Configuration
  'config-invalid': 'shipwright.config.json (or package.json "shipwright") has problems',
  'package-json-invalid': 'package.json cannot be parsed',
  'commitlint-config-invalid': 'the commitlint config cannot be loaded',
  'workspace-invalid': 'the workspace definition cannot be read',
  // Release and changelog
  'nothing-to-release': 'no commit since the last release bumps the version',
  'no-release': 'there is no release yet',
  'tag-exists': 'the release tag already exists here',
  'tag-exists-remote': 'the release tag already exists on the remote',
  'wrong-branch': 'the flow does not run on this branch',
  'trunk-release': 'a gitflow command in a trunk repository',
  'gitflow-release': 'a trunk release in a gitflow repository',
  'release-started': 'a release branch for this version already exists',
  'bad-release-branch': 'the branch name does not give a version',
  'version-file-invalid': 'a version file has no version where the config says',
  'version-file-missing': 'a version file does not exist',
  'version-pattern-too-slow': 'a versionFiles pattern did not finish on its file within its time bound',
  'unknown-release': 'no release with that version',
  'checklist-declined': 'a checklist confirmation was declined or not given',
  'empty-range': 'the --from/--to range holds no release',
  'reversed-range': '--from is newer than --to',
  // After the release: health check and announcement
  'not-healthy': 'shipwright verify: the URL did not answer healthy in the retries',
  'webhook-unreachable': 'shipwright notify: the webhook did not answer',
  'webhook-refused': 'shipwright notify: the webhook answered with an error status',
  // Hotfix, backport and rollback
  'hotfix-open': 'a hotfix is already open',
  'bad-hotfix-branch': 'the hotfix branch name does not give a version',
  'nothing-released': 'there is no release to hotfix',
  'unknown-tag': 'no such tag',
  'superseded-tag': 'a newer release of the same line exists; a hotfix from this tag would miss its fixes',
  'target-checked-out': 'a target branch is checked out in a worktree',
  'backport-exists': 'the backport branch already exists',
  'no-source-branch': 'the backport source branch does not exist',
  'no-releases': 'there are no release tags',
  'not-a-release-tag': 'the tag is not a release tag',
  'prerelease-tag': 'the tag is a prerelease',
  'nothing-to-roll-back': 'there is no earlier release to redeploy',
  'redeploy-failed': 'the redeploy workflow did not start',
  // Branches, commits and hooks
  'base-missing': 'the base branch of a new branch does not exist',
  'branch-refused': 'the branch name breaks the branch rules',
  'nothing-staged': 'nothing is staged to commit',
  'invalid-commit-message': 'the commit message breaks the commit rules',
  'message-unreadable': 'the commit message file cannot be read',
  'no-commit-editmsg': 'there is no COMMIT_EDITMSG to read',
  'hook-locked': 'another hook holds the repository lock',
  // Engine
  'engine-locked': 'another shipwright run is changing the repository',
  'plan-stale': 'the repository changed between planning and running; nothing was written',
  'interrupted-run': 'an earlier run was interrupted and waits for continue or abort',
  interrupted: 'this run was interrupted (Ctrl-C, SIGTERM) and rolled back',
  conflict: 'a merge or pick stopped on conflicts; the run is paused',
  'nothing-to-continue': 'no run is paused or interrupted',
  'nothing-to-skip': 'the paused run has no target to skip',
  'not-skippable': 'the paused step serves no skippable target',
  'push-unsettled': 'a push may have reached the remote; nothing was rolled back and continue settles it',
  'abort-incomplete': 'abort could not restore everything',
  'journal-invalid': 'the journal cannot be read',
  'run-worktree-gone': "the run's worktree no longer exists",
  'run-worktree-foreign': "the run's worktree belongs to another repository",
  'internal-plan': 'a plan the engine refuses to run (a bug)',
  'command-failed': 'a checklist or plan command failed',
  'commit-refused': 'git or a hook refused the commit',
  'merge-refused': 'git refused the merge',
  'pick-refused': 'git refused the cherry-pick',
  'push-rejected': 'the remote rejected the push',
  'branch-moved': 'a branch moved outside this run',
  'branch-checked-out': 'the branch is checked out in a worktree',
  'husky-failed': 'husky could not install the hooks',
  'husky-not-migratable': 'init cannot move a husky 4–8 setup to husky 9 exactly (the message lists the steps by hand)',
  'team-hooks-unchainable':
    'core.hooksPath holds hooks init cannot chain from committed .husky/ files (uncommitted or outside the repository)',
  'path-outside-repo': 'a write would leave the repository',
  'symlink-outside-repo':
    'a file the run writes leads through a symlink outside the repository (refused before anything is written)',
  'step-failed': 'a plan step failed for a reason that is not a known code (the message says which); rolled back',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

interface ShipwrightErrorOptions {
  /** What to run or change to fix it, shown on its own line. */
  fix?: string;
  /** A stable identifier for scripts and JSON output, e.g. `shallow-clone`. */
  code?: ErrorCode;
  cause?: unknown;
}

export class ShipwrightError extends Error {
  readonly kind: ErrorKind;
  readonly fix: string | undefined;
  readonly code: ErrorCode;

  constructor(kind: ErrorKind, message: string, options: ShipwrightErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShipwrightError';
    this.kind = kind;
    this.fix = options.fix;
    this.code = options.code ?? kind;
  }
}

export const usageError = (message: string, fix?: string): ShipwrightError =>
  new ShipwrightError('usage', message, { fix, code: 'usage' });

export const checkFailed = (message: string, options: ShipwrightErrorOptions = {}): ShipwrightError =>
  new ShipwrightError('check', message, options);

export const environmentError = (message: string, options: ShipwrightErrorOptions = {}): ShipwrightError =>
  new ShipwrightError('environment', message, options);

export const isShipwrightError = (value: unknown): value is ShipwrightError => value instanceof ShipwrightError;
