// `shipwright doctor`'s checks: tools, hooks really running, configs loading, tags and versions sane.
import { shellCommand } from '../core/present/shell-words.js';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCommitRules } from '../config/load-commit-rules.js';
import {
  checkHookFile,
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
import { readConfigValue } from '../git/read-config.js';
import { readLeftoverBackups } from '../git/read-index.js';
import { readGitVersion } from '../git/read-repo.js';
import { readTags } from '../git/read-tags.js';
import type { OpenRepo } from './open-repo.js';

const exists = (path: string, mode = constants.F_OK) =>
  access(path, mode).then(
    () => true,
    () => false,
  );

async function checkHooksPath(repo: OpenRepo): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const present = await Promise.all(
    LOCKFILE_NAMES.map(async (file) => ((await exists(join(repo.cwd, file))) ? file : null)),
  );
  const install = installCommandFor(present.filter((file): file is string => file !== null));
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
        `${install}   (its prepare script runs husky), or: npx husky`,
      ),
    );
  } else checks.push(ok('hooks-path', `core.hooksPath points at ${expected}`));
  // A fresh clone or `git clean -fdx` removes .husky/_ while core.hooksPath still points at it: hooks silently stop.
  if (local === expected && !(await exists(join(repo.cwd, HUSKY_DIR, '_', 'h')))) {
    checks.push(
      fail(
        'husky-folder',
        `${HUSKY_DIR}/_ is missing, so git finds no hooks and commits go unchecked`,
        `${install}   (or: npx husky)`,
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
  const leftover = describeLeftoverBackups(await readLeftoverBackups(repo.cwd));
  checks.push(
    leftover
      ? fail('lint-staged-backup', leftover.summary, leftover.fix)
      : ok('lint-staged-backup', 'no lint-staged backup left in the stash'),
  );
  if (!(await exists(join(repo.cwd, 'node_modules', '.bin', 'shipwright')))) {
    checks.push(fail('local-binary', 'node_modules/.bin/shipwright is missing, so the hooks cannot run', install));
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
        `${odd.length} tag${odd.length === 1 ? '' : 's'} not of the form ${tagPrefix}X.Y.Z: ${odd
          .slice(0, 5)
          .map((t) => t.name)
          .join(', ')}${odd.length > 5 ? ', …' : ''}`,
        'they are ignored for versions; rename or delete them if they were meant as releases',
      ),
    );
  } else
    checks.push(
      ok('tag-format', `${releases.length} release tag${releases.length === 1 ? '' : 's'}, all ${tagPrefix}X.Y.Z`),
    );

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

export async function runDoctor(repo: OpenRepo, nodeVersion = process.versions.node): Promise<DoctorCheck[]> {
  const gitVersion = await readGitVersion(repo.cwd);
  const [hooks, configs, tags] = await Promise.all([
    checkHooksPath(repo),
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
