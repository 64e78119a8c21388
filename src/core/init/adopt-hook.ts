// Adopts an existing husky hook line by line: commands shipwright's hook does itself (lint-staged,
// commitlint, the commitizen prompt) are replaced by shipwright's line, everything else is kept
// in order, and every change is listed so the plan can show it.

/** shipwright's hooks and prepare-commit-msg are adopted; any other hook name keeps all its commands. */
type AdoptedHookName = 'pre-commit' | 'commit-msg' | 'pre-push' | 'prepare-commit-msg' | (string & {});

export interface LineChange {
  line: string;
  action: 'replaced' | 'removed' | 'kept' | 'added';
  /** Why, in words for the plan. */
  why: string;
}

interface AdoptedHook {
  text: string;
  changed: boolean;
  changes: LineChange[];
  /** Lines that still run a superseded tool but could not be taken apart (compound commands). */
  doubled: string[];
}

// Bounded patterns on one line of a hook (lines over 2000 characters are never classified).
const TOKEN_LINT_STAGED = /(?:^|[\s/'"])lint-staged(?:$|[\s'"])/;
const TOKEN_COMMITLINT = /(?:^|[\s/'"])commitlint(?:$|[\s'"])/;
const COMMITIZEN = /(?:^|[\s/'"])(?:git-cz|cz|commitizen)(?:$|[\s'"])/;
const HUSKY_SH = /^\.\s+"?\$\(dirname\s+(?:--\s+)?"?\$0"?\)\/_\/husky\.sh"?\s*$/;
const COMPOUND = /&&|\|\||;|\|/;
/** A line `shipwright init` wrote, for any shape of repository (see hook-scripts.ts). */
const OWN_LINE =
  /^(?:b=node_modules\/\.bin\/shipwright;|d=\S+; if \[ -x "\$d\/node_modules\/\.bin\/shipwright" \];|if command -v shipwright >\/dev\/null 2>&1; then shipwright hook )/;
/** `exec < /dev/tty && npx cz --hook || true`: commitizen's documented hook line is compound by design. */
const CZ_HOOK_LINE =
  /^\s*(?:exec\s*<\s*\/dev\/tty\s*&&\s*)?(?:npx\s+(?:--no\s+--\s+)?|pnpm\s+(?:exec\s+)?|yarn\s+|node_modules\/\.bin\/)?(?:cz|git-cz)\b[^;&|]*--hook\b[^;&|]*(?:\|\|\s*true\s*)?$/;

/** What shipwright's hook of that name already does, so a line doing it again is superseded. */
export function supersededBy(hook: AdoptedHookName, line: string): string | null {
  if (line.length > 2000) return null;
  const text = line.trim();
  if (text.startsWith('#') || text === '') return null;
  if (hook === 'pre-commit' && TOKEN_LINT_STAGED.test(text))
    return 'shipwright hook pre-commit runs lint-staged itself';
  if (hook === 'commit-msg' && TOKEN_COMMITLINT.test(text))
    return 'shipwright hook commit-msg checks the message with your commitlint rules';
  if (hook === 'prepare-commit-msg' && (CZ_HOOK_LINE.test(text) || COMMITIZEN.test(text)))
    return 'shipwright commit composes conventional messages; the commitizen prompt would ask again';
  return null;
}

export const runsShipwrightHook = (text: string, hook: string): boolean =>
  text
    .split('\n')
    .some((line) => !line.trim().startsWith('#') && /\bshipwright\b/.test(line) && line.includes(` hook ${hook}`));

/**
 * `existing` is the hook's current text; `ownLine` shipwright's line for it (null for hooks
 * shipwright installs nothing into, such as prepare-commit-msg).
 */
export function adoptHook(hook: AdoptedHookName, existing: string, ownLine: string | null): AdoptedHook {
  const lines = existing.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out: string[] = [];
  const changes: LineChange[] = [];
  const doubled: string[] = [];
  const own = ownLine?.trim() ?? null;
  let placed = own === null || runsShipwrightHook(existing, hook);
  let firstCommand = -1;
  for (const line of lines) {
    const text = line.trim();
    if (HUSKY_SH.test(text)) {
      changes.push({
        line,
        action: 'removed',
        why: 'husky 4–8 boilerplate; husky 9 runs hooks without it (and warns about it)',
      });
      continue;
    }
    if (own !== null && text !== own && OWN_LINE.test(text) && runsShipwrightHook(text, hook)) {
      // An earlier init's line for another shape (the package moved, or package.json came or went).
      if (firstCommand === -1) firstCommand = out.length;
      out.push(own);
      changes.push(
        { line, action: 'replaced', why: 'an earlier shipwright line, for where the package is now' },
        { line: own, action: 'added', why: 'in its place' },
      );
      continue;
    }
    const reason = supersededBy(hook, line);
    if (reason !== null && COMPOUND.test(text) && !CZ_HOOK_LINE.test(text)) {
      if (firstCommand === -1) firstCommand = out.length;
      doubled.push(line);
      changes.push({
        line,
        action: 'kept',
        why: `a compound command, kept as it is; remove its ${hook === 'commit-msg' ? 'commitlint' : 'lint-staged'} part, which shipwright now runs`,
      });
      out.push(line);
      continue;
    }
    if (reason !== null) {
      if (!placed && own !== null) {
        out.push(own);
        changes.push(
          { line, action: 'replaced', why: `by \`shipwright hook ${hook}\`: ${reason}` },
          { line: own, action: 'added', why: 'in its place' },
        );
        placed = true;
      } else changes.push({ line, action: 'removed', why: reason });
      continue;
    }
    if (firstCommand === -1 && text !== '' && !text.startsWith('#')) firstCommand = out.length;
    if (text !== '' && !text.startsWith('#'))
      changes.push({ line, action: 'kept', why: 'your command; it still runs' });
    out.push(line);
  }
  if (!placed && own !== null) {
    // Before the team's own commands: the quick check first, so a bad message or branch name
    // fails before a long test run.
    const at = firstCommand === -1 ? out.length : firstCommand;
    out.splice(at, 0, own);
    changes.push({ line: own, action: 'added', why: `runs \`shipwright hook ${hook}\`` });
  }
  const text = out.length === 0 ? '' : `${out.join('\n')}\n`;
  return { text, changed: text !== existing, changes, doubled };
}

/** The plan's line-by-line view of an adoption. */
export function describeAdoption(changes: readonly LineChange[]): string {
  const mark = { replaced: '-', removed: '-', kept: '=', added: '+' } as const;
  return changes
    .map((change) => `\n       ${mark[change.action]} ${change.line.trim()}   (${change.action}: ${change.why})`)
    .join('');
}
