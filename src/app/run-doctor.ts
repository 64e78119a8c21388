// `shipwright doctor`'s checks: tools, hooks really running, configs loading, tags and versions sane.
import { shellCommand } from '../core/display-text/shell-words.js';
import { constants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import { delimiter, isAbsolute, join, sep } from 'node:path';
import { loadCommitRules } from '../config/load-commit-rules.js';
import {
  checkHookFile,
  checkHookChain,
  checkPinnedCommitlint,
  checkPinnedLintStaged,
  checkHookRunsShipwright,
  installCommandFor,
  LOCKFILE_NAMES,
  checkVersionAtLeast,
  fail,
  ok,
  warn,
  type DoctorCheck,
} from '../core/doctor/doctor-check.js';
import { isShipwrightError } from '../core/errors.js';
import { HOOK_NAMES } from '../core/init/project-facts.js';
import { HUSKY_DIR } from '../core/init/plan-init.js';
import { selectReleaseTags } from '../core/tags/release-tag.js';
import { describeLeftoverBackups } from '../core/doctor/leftover-backup.js';
import { chainedHookPath } from '../core/init/chain-hooks.js';
import { OLDEST_LINT_STAGED, ownToolVersions, resolveProjectPackage } from './project-tools.js';
import { readConfigValue } from '../git/read-config.js';
import { readLeftoverBackups } from '../git/read-index.js';
import { readGitVersion } from '../git/read-repo.js';
import { readTags } from '../git/read-tags.js';
import type { OpenRepo } from './open-repo.js';
import { findOnPath } from './find-program.js';
import { findPackageDir } from './read-project-facts.js';
import { hookRunner } from '../core/init/hook-scripts.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { plural } from '../core/display-text/plural.js';

const exists = (path: string, mode = constants.F_OK) =>
  access(path, mode).then(
    () => true,
    () => false,
  );

/** The lockfiles in the package's folder, else at the root (a workspace keeps its lockfile there). */
async function lockfilesOf(root: string, dir: string): Promise<string[]> {
  for (const folder of dir === '' ? [root] : [join(root, dir), root]) {
    const present = await Promise.all(
      LOCKFILE_NAMES.map(async (file) => ((await exists(join(folder, file))) ? file : null)),
    );
    const found = present.filter((file): file is string => file !== null);
    if (found.length > 0) return found;
  }
  return [];
}

/** Which shipwright the hooks run, and whether it is there: the package's binary, or a global / npx one. */
async function checkRunner(
  repo: OpenRepo,
  packageDir: string | null,
  install: string,
  env: NodeJS.ProcessEnv,
): Promise<DoctorCheck[]> {
  const preCommit = await readFile(join(repo.cwd, HUSKY_DIR, 'pre-commit'), 'utf8').catch(() => null);
  const runner = preCommit === null ? null : hookRunner(preCommit);
  const checks: DoctorCheck[] = [];
  if (runner !== null) {
    const expected = packageDir === null ? 'a global or npx shipwright' : `the package in ${packageDir || 'the root'}`;
    const runs = runner.kind === 'global' ? 'a global or npx shipwright' : `the package in ${runner.dir || 'the root'}`;
    if (runs !== expected)
      checks.push(
        fail(
          'hook-runner',
          `the hooks run ${runs}, but this repository's package is ${packageDir === null ? 'missing (no package.json)' : `in ${packageDir || 'the root'}`}`,
          'shipwright init   (rewrites shipwright’s line in each hook and keeps your other commands; --dry-run shows it)',
        ),
      );
  }
  const shape =
    runner ??
    (packageDir === null ? { kind: 'global' as const, range: '' } : { kind: 'package' as const, dir: packageDir });
  if (shape.kind === 'package') {
    const bin = shape.dir === '' ? 'node_modules/.bin/shipwright' : `${shape.dir}/node_modules/.bin/shipwright`;
    if (!(await exists(join(repo.cwd, bin))))
      checks.push(fail('local-binary', `${bin} is missing, so the hooks cannot run`, install));
    else checks.push(ok('local-binary', `the hooks run ${bin}`));
    return checks;
  }
  // `npx shipwright doctor` puts npx's own cache on its PATH; git hooks never see that one.
  const hookPath = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.split(sep).includes('_npx'))
    .join(delimiter);
  const global = await findOnPath('shipwright', { ...env, PATH: hookPath });
  const npx = global === null ? await findOnPath('npx', env) : null;
  if (global !== null) checks.push(ok('local-binary', `the hooks run the global shipwright (${global})`));
  else if (npx !== null)
    checks.push(
      ok(
        'local-binary',
        `the hooks run npx --yes shipwright@${shape.range || '…'} (no shipwright on PATH; npm caches it after the first run)`,
      ),
    );
  else
    checks.push(
      fail(
        'local-binary',
        'neither shipwright nor npx is on PATH, so the hooks cannot run',
        `install Node.js 20.17 or newer (it brings npx), or: npm install -g shipwright${shape.range ? `@${shape.range}` : ''}`,
      ),
    );
  return checks;
}

async function checkHooksPath(repo: OpenRepo, env: NodeJS.ProcessEnv): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const packageDir = (await findPackageDir(repo.cwd, repo.cwd)).dir;
  const manager = installCommandFor(await lockfilesOf(repo.cwd, packageDir ?? ''));
  // Without package.json nothing runs husky on install: each clone turns the hooks on itself.
  const install =
    packageDir === null
      ? 'npx --yes husky   (no package.json runs it on install, so each clone runs it once)'
      : packageDir === ''
        ? manager
        : `cd ${quoteShellWord(packageDir)} && ${manager}`;
  const [local, global] = await Promise.all([
    readConfigValue(repo.cwd, 'core.hooksPath', 'local'),
    readConfigValue(repo.cwd, 'core.hooksPath', 'global'),
  ]);
  const expected = `${HUSKY_DIR}/_`;
  if (local === null && global !== null) {
    checks.push(
      fail(
        'global-hooks-path',
        `a global core.hooksPath (${global}) hides this repository's hooks`,
        `${shellCommand(['git', 'config', 'core.hooksPath', expected])}   (or remove the global one: git config --global --unset core.hooksPath)`,
      ),
    );
  } else if (local !== expected) {
    checks.push(
      fail(
        'hooks-path',
        `core.hooksPath is ${local ?? 'not set'}, so the hooks in ${HUSKY_DIR}/ never run`,
        packageDir === null ? install : `${install}   (its prepare script runs husky), or: npx husky`,
      ),
    );
  } else checks.push(ok('hooks-path', `core.hooksPath points at ${expected}`));
  // A fresh clone or `git clean -fdx` removes .husky/_ while core.hooksPath still points at it: hooks silently stop.
  if (local === expected && !(await exists(join(repo.cwd, HUSKY_DIR, '_', 'h')))) {
    checks.push(
      fail(
        'husky-folder',
        `${HUSKY_DIR}/_ is missing, so git finds no hooks and commits go unchecked`,
        packageDir === null ? install : `${install}   (or: npx husky)`,
      ),
    );
  } else if (local === expected) {
    // git runs the stubs in .husky/_ (they run .husky/NAME with sh); a stub without the x bit is
    // skipped with no more than a "hint:" line, so the check silently stops.
    for (const hook of HOOK_NAMES) {
      const stub = join(HUSKY_DIR, '_', hook);
      if (!(await exists(join(repo.cwd, stub), constants.X_OK))) {
        checks.push(
          fail(
            `husky-stub:${hook}`,
            `${stub} is missing or not executable, so git skips the ${hook} hook`,
            `rm -rf ${HUSKY_DIR}/_ && npx husky   (husky keeps the modes of stubs that exist, so they must go first)`,
          ),
        );
      }
    }
  }
  for (const hook of HOOK_NAMES) {
    const path = join(HUSKY_DIR, hook);
    const full = join(repo.cwd, path);
    const content = await readFile(full, 'utf8').catch(() => null);
    checks.push(checkHookFile(path, content, content !== null && (await exists(full, constants.X_OK))));
    if (content !== null) checks.push(checkHookRunsShipwright(hook, path, content));
  }
  checks.push(...(await checkChains(repo.cwd)), ...checkPinnedTools(repo, install));
  const leftover = describeLeftoverBackups(await readLeftoverBackups(repo.cwd));
  checks.push(
    leftover
      ? fail('lint-staged-backup', leftover.summary, leftover.fix)
      : ok('lint-staged-backup', 'no lint-staged backup left in the stash'),
  );
  checks.push(...(await checkRunner(repo, packageDir, install, env)));
  return checks;
}

/** The lint-staged and commitlint the project pins against the ones shipwright runs. */
function checkPinnedTools(repo: OpenRepo, install: string): DoctorCheck[] {
  const declared = (name: string): string | null => {
    for (const field of ['devDependencies', 'dependencies']) {
      const deps = repo.packageJson?.[field];
      const spec = deps && typeof deps === 'object' ? (deps as Record<string, unknown>)[name] : undefined;
      if (typeof spec === 'string') return spec;
    }
    return null;
  };
  const own = ownToolVersions();
  const commitlint = checkPinnedCommitlint(
    {
      declared: declared('@commitlint/cli'),
      installed: resolveProjectPackage(repo.cwd, '@commitlint/cli')?.version ?? null,
      own: own.commitlint,
    },
    install,
  );
  return [
    checkPinnedLintStaged(
      {
        declared: declared('lint-staged'),
        installed: resolveProjectPackage(repo.cwd, 'lint-staged')?.version ?? null,
        own: own.lintStaged,
      },
      OLDEST_LINT_STAGED,
      install,
    ),
    ...(commitlint === null ? [] : [commitlint]),
  ];
}

/** Every `.husky/*` line that runs a team hook first: that hook must be there and executable. */
async function checkChains(root: string): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const entries = await readdir(join(root, HUSKY_DIR), { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((candidate) => candidate.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = `${HUSKY_DIR}/${entry.name}`;
    const content = await readFile(join(root, path), 'utf8').catch(() => '');
    for (const line of content.split('\n')) {
      const team = chainedHookPath(line);
      if (team === null) continue;
      const full = isAbsolute(team) ? team : join(root, team);
      const state = !(await exists(full))
        ? 'missing'
        : (await exists(full, constants.X_OK))
          ? 'runs'
          : 'not-executable';
      checks.push(checkHookChain(path, team, state));
    }
  }
  return checks;
}

async function checkConfigs(repo: OpenRepo): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [ok('shipwright-config', `shipwright settings load (from ${repo.loaded.source})`)];
  try {
    const rules = await loadCommitRules(repo.cwd);
    checks.push(
      ok(
        'commitlint-config',
        rules.source === 'repo'
          ? `commitlint config loads (${Object.keys(rules.rules).length} rules)`
          : 'no commitlint config: @commitlint/config-conventional applies',
      ),
    );
  } catch (error) {
    checks.push(
      fail(
        'commitlint-config',
        isShipwrightError(error) ? error.message : String(error),
        isShipwrightError(error) && error.fix ? error.fix : 'npx commitlint --print-config',
      ),
    );
  }
  return checks;
}

async function checkTagsAndVersion(repo: OpenRepo): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const { tagPrefix } = repo.loaded.config;
  const tags = await readTags(repo.cwd);
  const releases = selectReleaseTags(tags, tagPrefix);
  const odd = tags.filter((tag) => !releases.some((release) => release.name === tag.name));
  if (odd.length > 0) {
    checks.push(
      warn(
        'tag-format',
        `${plural(odd.length, 'tag')} not of the form ${tagPrefix}X.Y.Z: ${odd
          .slice(0, 5)
          .map((t) => t.name)
          .join(', ')}${odd.length > 5 ? ', …' : ''}`,
        'they are ignored for versions; rename or delete them if they were meant as releases',
      ),
    );
  } else checks.push(ok('tag-format', `${plural(releases.length, 'release tag')}, all ${tagPrefix}X.Y.Z`));

  const pkgVersion = typeof repo.packageJson?.version === 'string' ? repo.packageJson.version : null;
  const latest = releases.find((tag) => !tag.isPrerelease) ?? releases[0];
  if (pkgVersion && latest && pkgVersion !== latest.version) {
    checks.push(
      warn(
        'package-version',
        `package.json says ${pkgVersion}, the latest release tag is ${latest.name}`,
        `let \`shipwright release\` keep them in step, or set "version": "${latest.version}"`,
      ),
    );
  } else if (pkgVersion && latest) checks.push(ok('package-version', `package.json version matches ${latest.name}`));

  if (repo.state.shallow)
    checks.push(
      fail(
        'shallow',
        'this is a shallow clone: versions and changelogs would be wrong',
        'git fetch --unshallow --tags',
      ),
    );
  else checks.push(ok('shallow', 'full history available'));
  return checks;
}

export async function runDoctor(
  repo: OpenRepo,
  nodeVersion = process.versions.node,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DoctorCheck[]> {
  const gitVersion = await readGitVersion(repo.cwd);
  const [hooks, configs, tags] = await Promise.all([
    checkHooksPath(repo, env),
    checkConfigs(repo),
    checkTagsAndVersion(repo),
  ]);
  return [
    checkVersionAtLeast('git', 'git', gitVersion, '2.30.0', 'install git 2.30 or newer'),
    checkVersionAtLeast(
      'node',
      'Node.js',
      nodeVersion,
      '20.17.0',
      'install Node.js 20.17 or newer (e.g. nvm install 20)',
    ),
    ...hooks,
    ...configs,
    ...tags,
  ];
}
