// Built-in checks of staged content, run on the lines a commit adds (not on whole files).
import type { StagedCheckName } from '../config/config-types.js';

export interface AddedLine {
  file: string;
  line: number;
  text: string;
}

interface StagedFinding extends AddedLine {
  check: StagedCheckName;
  message: string;
}

interface CheckRule {
  name: StagedCheckName;
  message: string;
  /** Files the check applies to; all when absent. */
  files?: RegExp;
  pattern: RegExp;
}

const RULES: readonly CheckRule[] = [
  { name: 'conflict-markers', message: 'merge conflict marker', pattern: /^(<{7}|>{7}|\|{7})(?: |$)/ },
  {
    name: 'private-keys',
    message: 'private key',
    pattern: /-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/,
  },
  {
    name: 'console-log',
    message: 'console.log left in code',
    files: /\.(?:[cm]?[jt]sx?|vue|svelte)$/,
    pattern: /\bconsole\.log\s*\(/,
  },
  { name: 'todo', message: 'TODO/FIXME comment', pattern: /\b(?:TODO|FIXME)\b/ },
];

/**
 * Added lines from `git diff --cached --unified=0` output. Paths come from `+++ b/…` headers;
 * with `--no-prefix` off and core.quotePath off, names with spaces stay readable.
 */
export function parseAddedLines(diff: string): AddedLine[] {
  const added: AddedLine[] = [];
  let file: string | null = null;
  let next = 0;
  for (const raw of diff.split('\n')) {
    if (raw.startsWith('+++ ')) {
      const target = raw.slice(4);
      file = target === '/dev/null' ? null : target.replace(/^b\//, '').replace(/^"(.*)"$/, '$1');
    } else if (raw.startsWith('@@ ')) {
      const match = /\+(\d+)(?:,\d+)?/.exec(raw);
      next = match ? Number(match[1]) : 0;
    } else if (raw.startsWith('+') && file !== null) {
      added.push({ file, line: next, text: raw.slice(1) });
      next += 1;
    }
  }
  return added;
}

export function runStagedChecks(lines: readonly AddedLine[], enabled: readonly StagedCheckName[]): StagedFinding[] {
  const rules = RULES.filter((rule) => enabled.includes(rule.name));
  const findings: StagedFinding[] = [];
  for (const line of lines) {
    for (const rule of rules) {
      if (rule.files && !rule.files.test(line.file)) continue;
      if (rule.pattern.test(line.text)) findings.push({ ...line, check: rule.name, message: rule.message });
    }
  }
  return findings;
}
