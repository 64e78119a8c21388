// One line of `shipwright doctor`: passed, failed (with the fix) or a warning.
import semver from 'semver';
import { runsShipwrightHook, supersededBy } from '../init/adopt-hook.js';

type CheckStatus = 'ok' | 'fail' | 'warn';

export interface DoctorCheck {
  id: string;
  status: CheckStatus;
  /** What was checked and what was found. */
  summary: string;
  /** The command or edit that fixes it (fail and warn only). */
  fix?: string;
}

export const ok = (id: string, summary: string): DoctorCheck => ({ id, status: 'ok', summary });
export const fail = (id: string, summary: string, fix: string): DoctorCheck => ({ id, status: 'fail', summary, fix });
export const warn = (id: string, summary: string, fix: string): DoctorCheck => ({ id, status: 'warn', summary, fix });

export function checkVersionAtLeast(
  id: string,
  tool: string,
  found: string,
  minimum: string,
  fix: string,
): DoctorCheck {
  const clean = semver.coerce(found)?.version;
  if (clean && semver.gte(clean, minimum)) return ok(id, `${tool} ${found}`);
  return fail(id, `${tool} ${found} is older than ${minimum}`, fix);
}

/** A hook script must be executable and use LF line endings, or `sh` fails on `\r`. */
export function checkHookFile(path: string, content: string | null, executable: boolean): DoctorCheck {
  const id = `hook-file:${path}`;
  if (content === null) return fail(id, `${path} is missing`, 'shipwright init');
  if (content.includes('\r'))
    return fail(
      id,
      `${path} has CRLF line endings; sh cannot run it`,
      `convert it to LF (e.g. sed -i 's/\\r$//' ${path}) and add ".husky/* text eol=lf" to .gitattributes`,
    );
  // husky runs .husky/NAME with `sh`, so it works without the bit; other hook runners need it.
  if (!executable)
    return warn(
      id,
      `${path} is not executable (husky runs it anyway; other tools may not)`,
      `chmod +x ${path} && git update-index --chmod=+x ${path}`,
    );
  return ok(id, `${path} is executable with LF endings`);
}

const HOOK_DUTY: Record<string, string> = {
  'pre-commit': 'staged files and protected branches go unchecked',
  'commit-msg': 'commit messages go unchecked',
  'pre-push': 'branch and tag names go unchecked on push',
};

/** An installed hook must run `shipwright hook NAME`, and not also run what that already runs. */
export function checkHookRunsShipwright(
  hook: 'pre-commit' | 'commit-msg' | 'pre-push',
  path: string,
  content: string,
): DoctorCheck {
  const id = `hook-runs:${hook}`;
  if (!runsShipwrightHook(content, hook)) {
    return fail(
      id,
      `${path} does not run shipwright, so ${HOOK_DUTY[hook] ?? 'its checks do not run'}`,
      'shipwright init   (adds shipwright’s line to the hook and keeps your other commands; --dry-run shows it)',
    );
  }
  const doubled = content.split('\n').filter((line) => supersededBy(hook, line) !== null);
  if (doubled.length > 0) {
    return fail(
      id,
      `${path} runs shipwright and also \`${(doubled[0] as string).trim()}\`, which shipwright's hook already runs: it runs twice per ${hook === 'pre-push' ? 'push' : 'commit'}`,
      `remove that line from ${path} (or run shipwright init, which does)`,
    );
  }
  return ok(id, `${path} runs shipwright hook ${hook}`);
}

/** A husky hook that runs the team's own hook first (init chained a core.hooksPath folder). */
export function checkHookChain(
  huskyPath: string,
  teamPath: string,
  state: 'runs' | 'missing' | 'not-executable',
): DoctorCheck {
  const id = `hook-chain:${huskyPath}`;
  if (state === 'runs') return ok(id, `${huskyPath} runs your ${teamPath} first (chained by shipwright init)`);
  if (state === 'missing')
    return fail(
      id,
      `${huskyPath} runs ${teamPath} first, but it is missing: the hook fails (exit 127) and refuses every commit or push`,
      `restore it (git checkout -- ${teamPath}) or remove its line from ${huskyPath}`,
    );
  return fail(
    id,
    `${huskyPath} runs ${teamPath} first, but it is not executable: the hook fails (exit 126)`,
    `chmod +x ${teamPath} && git update-index --chmod=+x ${teamPath}`,
  );
}

/** Lockfile → the install command a fix should name ("run pnpm install", not "npm ci"). */
const LOCKFILE_INSTALL: readonly [string, string][] = [
  ['pnpm-lock.yaml', 'pnpm install'],
  ['yarn.lock', 'yarn install'],
  ['bun.lock', 'bun install'],
  ['bun.lockb', 'bun install'],
  ['package-lock.json', 'npm install'],
];

export function installCommandFor(lockfiles: readonly string[]): string {
  return LOCKFILE_INSTALL.find(([file]) => lockfiles.includes(file))?.[1] ?? 'npm install';
}

export const LOCKFILE_NAMES: readonly string[] = LOCKFILE_INSTALL.map(([file]) => file);

/** The install command's "add a devDependency" form: `pnpm install` → `pnpm add -D`. */
function addDevCommand(install: string): string {
  const manager = install.split(' ')[0] ?? 'npm';
  return manager === 'npm' ? 'npm install --save-dev' : `${manager} add -D`;
}

interface PinnedTool {
  /** The range in package.json, or null. */
  declared: string | null;
  /** The version in the project's node_modules, or null. */
  installed: string | null;
  /** The range shipwright depends on. */
  own: string;
}

const major = (version: string | null): number | null => {
  if (version === null) return null;
  try {
    return semver.coerce(version)?.major ?? semver.minVersion(version)?.major ?? null;
  } catch {
    return null;
  }
};

/** Which lint-staged the pre-commit hook runs: the project's pinned one, or why shipwright's own. */
export function checkPinnedLintStaged(pinned: PinnedTool, oldest: string, install: string): DoctorCheck {
  const id = 'lint-staged-version';
  const { declared, installed, own } = pinned;
  const add = `${addDevCommand(install)} lint-staged@^${major(own) ?? own}`;
  if (declared === null && installed === null)
    return ok(id, `pre-commit runs shipwright's own lint-staged ${own} (the project pins none)`);
  if (installed === null)
    return warn(
      id,
      `package.json pins lint-staged ${declared}, but it is not installed: pre-commit runs shipwright's own ${own}`,
      install,
    );
  const version = semver.coerce(installed);
  if (version === null || semver.lt(version, oldest))
    return warn(
      id,
      `the project has lint-staged ${installed}${declared ? ` (package.json: ${declared})` : ''}, older than ${oldest}, whose API pre-commit calls: it runs shipwright's own ${own} instead, so tasks may behave unlike \`npx lint-staged\``,
      add,
    );
  if (declared !== null && semver.validRange(declared) !== null && !semver.satisfies(version, declared))
    return warn(id, `package.json pins lint-staged ${declared}, but node_modules has ${installed}`, install);
  return ok(
    id,
    declared === null
      ? `pre-commit runs lint-staged ${installed} from node_modules (the project pins none)`
      : `pre-commit runs the project's lint-staged ${installed} (package.json: ${declared}; shipwright's own: ${own})`,
  );
}

/** commit-msg checks with shipwright's @commitlint/lint; a project pinning another major may disagree in CI. */
export function checkPinnedCommitlint(pinned: PinnedTool, install: string): DoctorCheck | null {
  const id = 'commitlint-version';
  const { declared, installed, own } = pinned;
  const theirs = major(installed ?? declared);
  if (theirs === null) return null;
  const ours = major(own);
  const what = `@commitlint/cli ${installed ?? declared}${installed && declared ? ` (package.json: ${declared})` : ''}`;
  if (theirs === ours)
    return ok(
      id,
      `the project's ${what} and shipwright's commit-msg check (@commitlint/lint ${own}) are both ${ours}.x`,
    );
  return warn(
    id,
    `the project pins ${what}; shipwright's commit-msg hook checks with @commitlint/lint ${own}: both read your rules, but \`npx commitlint\` (e.g. in CI) runs ${theirs}.x and may judge a message differently`,
    `${addDevCommand(install)} @commitlint/cli@^${ours} @commitlint/config-conventional@^${ours}   (or keep ${theirs}.x and accept that the hook and CI may disagree)`,
  );
}
