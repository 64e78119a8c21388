// The one-line POSIX sh hooks `shipwright init` writes into .husky/, for each shape of repository:
// - the package at the root: its node_modules/.bin/shipwright;
// - a package in a subfolder (packages/app, no root package.json): that package's shipwright, run
//   from its folder, so lint-staged, tsc and the commitlint config are the package's own;
// - no package.json (Python, Go…): a global shipwright when one is on PATH, else
//   `npx --yes shipwright@RANGE`, the range init was run with (docs/decisions/hooks.md says why).
// Each line ends in `|| exit $?`, never `exec`: init adopts a team's hook by putting this line
// before their own commands, which must still run after it.
import { quoteShellWord } from '../display-text/shell-words.js';
import type { HookName, ProjectFacts } from './project-facts.js';

export type HookShape =
  /** dir '' is the repository root; install is what to run when the binary is missing. */
  { kind: 'package'; dir: string; install: string } | { kind: 'global'; range: string };

const ARGS: Record<HookName, string> = { 'commit-msg': ' "$1"', 'pre-commit': '', 'pre-push': ' "$@"' };
const UNCHECKED: Record<HookName, string> = {
  'commit-msg': 'the commit message was not checked',
  'pre-commit': 'staged files were not checked',
  'pre-push': 'the push was not checked',
};
const AGAIN: Record<HookName, string> = {
  'commit-msg': 'commit again',
  'pre-commit': 'commit again',
  'pre-push': 'push again',
};

/** A message for `echo "…"`: no `"`, `$`, `` ` `` or `\` can come from a folder name or range. */
const echoSafe = (text: string): string => text.replace(/["$`\\]/g, '');

export function hookScript(hook: HookName, shape: HookShape): string {
  const args = ARGS[hook];
  if (shape.kind === 'global') {
    const spec = quoteShellWord(`shipwright@${shape.range}`);
    const missing = echoSafe(
      `shipwright: neither shipwright nor npx is on PATH, so ${UNCHECKED[hook]}. Install Node.js 20.17 or newer (it brings npx), or run npm install -g shipwright@${shape.range}, then ${AGAIN[hook]}.`,
    );
    return `if command -v shipwright >/dev/null 2>&1; then shipwright hook ${hook}${args} || exit $?; elif command -v npx >/dev/null 2>&1; then npx --yes ${spec} hook ${hook}${args} || exit $?; else echo "${missing}" >&2; exit 1; fi\n`;
  }
  const run = `, so ${UNCHECKED[hook]}. Run ${echoSafe(shape.install)}, then ${AGAIN[hook]}.`;
  if (shape.dir === '') {
    return `b=node_modules/.bin/shipwright; if [ -x "$b" ]; then "$b" hook ${hook}${args} || exit $?; else echo "shipwright: $b is missing${run}" >&2; exit 1; fi\n`;
  }
  // git runs hooks from the repository root and passes the message file relative to it (absolute
  // in a linked worktree): made absolute before the subshell moves into the package's folder.
  const message = hook === 'commit-msg' ? 'm=$1; case $m in /*) ;; *) m=$PWD/$m ;; esac; ' : '';
  const hookArgs = hook === 'commit-msg' ? ' "$m"' : args;
  return `d=${quoteShellWord(shape.dir)}; if [ -x "$d/node_modules/.bin/shipwright" ]; then (${message}cd "$d" && exec node_modules/.bin/shipwright hook ${hook}${hookArgs}) || exit $?; else echo "shipwright: $d/node_modules/.bin/shipwright is missing${run}" >&2; exit 1; fi\n`;
}

/** Which shipwright an installed hook runs, read back from the line init wrote (null: none of its lines). */
export function hookRunner(text: string): HookShape | null {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed.length > 2000) continue;
    if (trimmed.startsWith('b=node_modules/.bin/shipwright;')) return { kind: 'package', dir: '', install: '' };
    const folder = /^d=('(?:[^']|'\\'')*'|[^\s;']+); if \[ -x "\$d\/node_modules\/\.bin\/shipwright" \];/.exec(trimmed);
    if (folder) {
      const word = folder[1] as string;
      const dir = word.startsWith("'") ? word.slice(1, -1).replace(/'\\''/g, "'") : word;
      return { kind: 'package', dir, install: '' };
    }
    const npx = /^if command -v shipwright >\/dev\/null 2>&1; then .* npx --yes '?shipwright@([^'\s]+)'? hook /.exec(
      trimmed,
    );
    if (npx) return { kind: 'global', range: npx[1] as string };
  }
  return null;
}

/** The shape of the hooks for a repository: the package's own shipwright, or a global / npx one without package.json. */
export function hookShape(facts: Pick<ProjectFacts, 'packageDir' | 'packageManager' | 'dependencySpecs'>): HookShape {
  if (facts.packageDir === null) return { kind: 'global', range: facts.dependencySpecs.shipwright ?? 'latest' };
  const words = facts.packageManager === 'npm' ? 'npm ci (or npm install)' : `${facts.packageManager} install`;
  return {
    kind: 'package',
    dir: facts.packageDir,
    install: facts.packageDir === '' ? words : `cd ${quoteShellWord(facts.packageDir)} && ${words}`,
  };
}
