// A team's own hooks folder (an existing core.hooksPath such as `.githooks`) keeps running after
// init points core.hooksPath at husky: shipwright's hook of the same name runs the team's hook
// first, with git's arguments and stdin, and stops on its exit status.
import { quoteShellWord } from '../display-text/shell-words.js';
import type { LineChange } from './adopt-hook.js';

/** Hooks git feeds on stdin (ref lines): the team's hook and shipwright's both need the same input. */
const STDIN_HOOKS = new Set(['pre-push', 'post-rewrite']);
const MARK = '# chained by shipwright init (core.hooksPath was ';
const CHAINED = /^(?:shipwright_in=\$\(mktemp\); cat > "\$shipwright_in"; )?(\S+|'[^']*') "\$@"/;

export interface TeamHook {
  name: string;
  /** As core.hooksPath gave it joined with the hook name: repository-relative or absolute. */
  path: string;
  /** The hook's text (null when unreadable), to spot commands shipwright's hook runs again. */
  text: string | null;
  /** Committed, so every clone has it; an uncommitted hook cannot be chained from a committed .husky/ file. */
  tracked: boolean;
}

export interface TeamHooks {
  /** core.hooksPath as it was (repository-relative), or the absolute folder git used. */
  dir: string;
  /** Inside the repository: a path every clone has once committed. */
  inRepo: boolean;
  /** Executable hooks only: git skipped the others, so chaining them would start running them. */
  hooks: TeamHook[];
}

const invocation = (path: string): string => quoteShellWord(path.startsWith('/') ? path : `./${path}`);

/** The one line that runs the team's hook: exit status kept, arguments and stdin passed on. */
export function chainLine(hook: string, path: string, dir: string): string {
  const run = invocation(path);
  const mark = `${MARK}${dir})`;
  if (!STDIN_HOOKS.has(hook)) return `${run} "$@" || exit $?  ${mark}`;
  // stdin can be read once: keep a copy, give it to the team's hook, then reopen it as this
  // script's stdin for the lines after (shipwright's hook reads the same ref lines).
  return `shipwright_in=$(mktemp); cat > "$shipwright_in"; ${run} "$@" < "$shipwright_in" || { c=$?; rm -f "$shipwright_in"; exit $c; }; exec < "$shipwright_in"; rm -f "$shipwright_in"  ${mark}`;
}

/** The team hook a line of a husky hook runs (as written by chainLine), or null. */
export function chainedHookPath(line: string): string | null {
  if (!line.includes(MARK)) return null;
  const match = CHAINED.exec(line.trim());
  if (!match) return null;
  const word = match[1] as string;
  const path = word.startsWith("'") ? word.slice(1, -1).replace(/'\\''/g, "'") : word;
  return path.startsWith('./') ? path.slice(2) : path;
}

interface ChainedHook {
  text: string;
  changed: boolean;
  changes: LineChange[];
}

/** `text` (a husky hook, maybe empty) with the team's hook run first, unless it is already. */
export function chainTeamHook(text: string, team: TeamHook, dir: string): ChainedHook {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  if (lines.some((line) => chainedHookPath(line) === team.path)) return { text, changed: false, changes: [] };
  const line = chainLine(team.name, team.path, dir);
  // After a shebang and leading comments, before the first command.
  let at = 0;
  while (at < lines.length && (lines[at] as string).trim().startsWith('#')) at += 1;
  lines.splice(at, 0, line);
  return {
    text: `${lines.join('\n')}\n`,
    changed: true,
    changes: [
      {
        line: `${invocation(team.path)} "$@"`,
        action: 'added',
        why: `runs your ${team.path} first (it ran from core.hooksPath ${dir}); its exit status stops the ${verb(team.name)}, git's arguments${STDIN_HOOKS.has(team.name) ? ' and stdin' : ''} are passed on`,
      },
    ],
  };
}

const verb = (hook: string): string =>
  hook === 'pre-push' ? 'push' : hook.startsWith('post-') ? 'hook' : hook === 'pre-rebase' ? 'rebase' : 'commit';
