// The hook half of `shipwright init`: `.husky/*` written, adopted, moved from husky 4 or chained to
// the team's own hooks folder, and core.hooksPath pointed at husky. Every line it adds, replaces,
// removes or keeps is listed in the plan; a hook it cannot keep running is refused or, with
// --force, named in the plan as dropped.
import { checkFailed } from '../errors.js';
import type { PlanStep } from '../plan/plan.js';
import { adoptHook, describeAdoption, type LineChange } from './adopt-hook.js';
import { chainTeamHook, type TeamHook, type TeamHooks } from './chain-hooks.js';
import type { HuskyMigration, MovedHook } from './husky-legacy.js';
import { HOOK_NAMES, type HookName, type InitOptions, type ProjectFacts } from './project-facts.js';
import { supersededBy } from './adopt-hook.js';
import { hookScript, hookShape } from './hook-scripts.js';
import { quoteShellWord } from '../display-text/shell-words.js';

export const HUSKY_DIR = '.husky';
/** The hook that tells a new `git worktree` it has no hooks yet (git runs it from the main worktree's hooks). */
export const WORKTREE_HOOK = 'post-checkout';

export interface Planner {
  steps: PlanStep[];
  notes: string[];
}

/**
 * `git worktree add` runs post-checkout (flag 1) in the new worktree, found through the main
 * worktree's core.hooksPath; in the new worktree itself `.husky/_` (ignored) and node_modules do not
 * exist, so git would run no hook there and every commit would pass unchecked without a word.
 */
function worktreeNoticeLine(facts: Pick<ProjectFacts, 'packageDir' | 'packageManager'>): string {
  const dir = facts.packageDir;
  if (dir === null)
    // No package.json: the hooks need only husky's .husky/_, which no install creates here.
    return `if [ "$3" = 1 ] && [ ! -f .husky/_/h ]; then echo "shipwright: this worktree has no .husky/_, so git runs no hooks here and commits go unchecked; fix: cd \\"$(pwd)\\" && npx --yes husky" >&2; fi`;
  const bin = dir === '' ? 'node_modules/.bin/shipwright' : `${dir}/node_modules/.bin/shipwright`;
  const install = `${facts.packageManager} install`;
  const cd = dir === '' ? '\\"$(pwd)\\"' : `\\"$(pwd)/${dir}\\"`;
  return `if [ "$3" = 1 ] && { [ ! -f .husky/_/h ] || [ ! -e ${quoteShellWord(bin)} ]; }; then echo "shipwright: this worktree has no .husky/_ or ${bin}, so git runs no hooks here and commits go unchecked; fix: cd ${cd} && ${install}   (its prepare script installs the hooks)" >&2; fi`;
}

const isShipwrightHook = (hook: string): hook is HookName => (HOOK_NAMES as readonly string[]).includes(hook);

function ownLine(hook: string, facts: ProjectFacts): string | null {
  if (isShipwrightHook(hook)) return hookScript(hook, hookShape(facts)).trim();
  if (hook === WORKTREE_HOOK) return worktreeNoticeLine(facts);
  return null;
}

const unique = (names: readonly string[]): string[] => [...new Set(names)];

/** Refuses, or with --force notes, the team hooks init cannot chain from a committed .husky/ file. */
function unchainable(planner: Planner, team: TeamHooks, options: InitOptions): TeamHook[] {
  const lost = team.hooks.filter((hook) => !team.inRepo || !hook.tracked);
  if (lost.length === 0) return team.hooks;
  const where = team.inRepo ? `${team.dir} (not committed)` : team.dir;
  if (!options.force) {
    const names = lost.map((hook) => hook.path).join(', ');
    throw checkFailed(
      `git runs hooks from ${where} today (${names}); pointing core.hooksPath at ${HUSKY_DIR}/_ would stop them, and the committed ${HUSKY_DIR}/ hooks cannot call files other clones do not have. Nothing was written. Choose one:\n` +
        (team.inRepo
          ? `  1. commit them (git add ${lost.map((hook) => hook.path).join(' ')} && git commit), then run shipwright init again: it chains them (shipwright's hook runs yours first)\n`
          : `  1. move them into the repository (mkdir -p .githooks && cp ${lost.map((hook) => hook.path).join(' ')} .githooks/, commit them, git config core.hooksPath .githooks), then run shipwright init again: it chains them\n`) +
        `  2. copy their commands into ${HUSKY_DIR}/<hook> yourself, then run shipwright init --force\n` +
        '  3. drop them: shipwright init --force (the plan lists each hook that stops running)',
      { code: 'team-hooks-unchainable', fix: 'shipwright init --dry-run --force   (shows what stops running)' },
    );
  }
  for (const hook of lost) {
    const commands = (hook.text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    planner.notes.push(
      `--force: ${hook.path} stops running (it is not committed, so ${HUSKY_DIR}/${hook.name} cannot call it) — line by line:${commands
        .map((line) => `\n       - ${line}   (dropped: no longer runs on ${hook.name})`)
        .join('')}`,
    );
  }
  return team.hooks.filter((hook) => !lost.includes(hook));
}

export function planHooks(
  planner: Planner,
  facts: ProjectFacts,
  options: InitOptions,
  migration: HuskyMigration | null,
): void {
  const team = facts.teamHooks ?? null;
  const chained = team === null ? [] : unchainable(planner, team, options);
  const moved = new Map((migration?.v4?.hooks ?? []).map((hook) => [hook.name, hook]));
  const names = unique([
    ...HOOK_NAMES,
    'prepare-commit-msg',
    WORKTREE_HOOK,
    ...(facts.huskyHookNames ?? []),
    ...moved.keys(),
    ...chained.map((hook) => hook.name),
  ]);
  for (const hook of names) {
    planHook(planner, facts, hook, {
      moved: moved.get(hook),
      team: chained.find((candidate) => candidate.name === hook),
      migration,
      teamDir: team?.dir ?? '',
    });
  }
  for (const hook of chained) {
    const doubled = (hook.text ?? '').split('\n').filter((line) => supersededBy(hook.name, line) !== null);
    for (const line of doubled)
      planner.notes.push(
        `${hook.path}: \`${line.trim()}\` also runs what shipwright's ${hook.name} hook runs, so it runs twice per commit; take that line out of ${hook.path}`,
      );
  }
  if (migration?.v4 && team === null)
    planner.notes.push(
      `husky 4's runner scripts in .git/hooks stay but no longer run (core.hooksPath points at ${HUSKY_DIR}/_)`,
    );
  if (migration?.v4 && migration.v4.source !== 'package.json "husky"')
    planner.notes.push(
      `${migration.v4.source} is husky 4's config, now in ${HUSKY_DIR}/; husky 9 never reads it: delete it (git rm ${migration.v4.source})`,
    );
  if (facts.hooksPath !== `${HUSKY_DIR}/_` || !facts.huskyInternalExists) {
    const was = facts.hooksPath ?? 'unset';
    const teamWords =
      chained.length > 0
        ? `; the hooks of ${team?.dir} run first from ${chained.map((hook) => `${HUSKY_DIR}/${hook.name}`).join(', ')}`
        : '';
    planner.steps.push({
      kind: 'install-husky',
      dir: HUSKY_DIR,
      description: `run husky: point core.hooksPath at ${HUSKY_DIR}/_ (was ${was}${teamWords})`,
    });
  }
}

interface HookSources {
  moved: MovedHook | undefined;
  team: TeamHook | undefined;
  migration: HuskyMigration | null;
  teamDir: string;
}

function planHook(
  planner: Planner,
  facts: ProjectFacts,
  hook: string,
  { moved, team, migration, teamDir }: HookSources,
): void {
  const path = `${HUSKY_DIR}/${hook}`;
  const existing = facts.files[path] ?? null;
  const own = ownLine(hook, facts);
  const base = existing ?? moved?.text ?? null;
  let text: string;
  let changes: LineChange[];
  if (base === null) {
    if (own === null && team === undefined) return;
    text = own === null ? '' : `${own}\n`;
    changes = own === null ? [] : [{ line: own, action: 'added', why: describeOwn(hook) }];
  } else {
    // A line of ours already there (the worktree notice is not a `shipwright hook` call) is not added again.
    const adopted = adoptHook(hook, base, own !== null && base.includes(own) ? null : own);
    for (const line of adopted.doubled)
      planner.notes.push(
        `${path}: \`${line.trim()}\` also runs what shipwright's hook runs, so it runs twice; take that part out of the line`,
      );
    text = adopted.text;
    changes = adopted.changes.map((change) =>
      change.action === 'added' && own !== null && change.line.trim() === own && change.why.startsWith('runs')
        ? { ...change, why: describeOwn(hook) }
        : change,
    );
  }
  if (team !== undefined) {
    const chain = chainTeamHook(text, team, teamDir);
    text = chain.text;
    changes = [...chain.changes, ...changes];
  }
  if (existing !== null && text === existing) return;
  // A hook left with no command would still be run by husky: keep the file, say why it is empty.
  const content =
    text.trim() === ''
      ? '# shipwright init removed the commands shipwright now runs itself (see `shipwright commit`).\n'
      : text;
  const simpleCreate = existing === null && moved === undefined && team === undefined && isShipwrightHook(hook);
  const origin =
    moved !== undefined
      ? `moved from ${migration?.v4?.source ?? 'husky 4'} (husky 4's \`${moved.command}\`), `
      : existing !== null && migration !== null && /_\/husky\.sh/.test(existing)
        ? `husky ${migration.from ?? '4–8'} → 9, `
        : '';
  planner.steps.push({
    kind: 'write-file',
    path,
    content,
    mode: 0o755,
    description: simpleCreate
      ? `create ${path} — runs \`shipwright hook ${hook}\``
      : `${existing === null ? 'create' : 'update'} ${path} — ${origin}line by line:${describeAdoption(changes)}`,
  });
}

function describeOwn(hook: string): string {
  if (hook === WORKTREE_HOOK)
    return 'in a new `git worktree` (no .husky/_ or node_modules yet), says so on stderr with the fix instead of committing unchecked';
  return `runs \`shipwright hook ${hook}\``;
}
