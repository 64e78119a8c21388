// Secret scanning of the lines a commit adds: what secretlint's recommended rules are fed (each
// file's added lines at their own line numbers, blanks between), the two rules that preset lacks,
// the allowlist, and the report. Pure; src/hooks runs secretlint itself.
import type { AddedLine } from './staged-checks.js';

export interface SecretFinding {
  file: string;
  line: number;
  /** e.g. "GitHub token", "AWS access key ID". */
  kind: string;
  /** The rule that found it: a secretlint rule id or `shipwright/…`. */
  rule: string;
}

/** The comment that marks a line as a known false positive. */
const ALLOW_MARKER = 'shipwright-allow';

/** Per file, its added lines at their real line numbers (other lines empty), so findings keep them. */
export function sparseContents(lines: readonly AddedLine[]): Map<string, string> {
  const byFile = new Map<string, string[]>();
  for (const { file, line, text } of lines) {
    const rows = byFile.get(file) ?? [];
    while (rows.length < line - 1) rows.push('');
    rows[line - 1] = text;
    byFile.set(file, rows);
  }
  return new Map([...byFile].map(([file, rows]) => [file, rows.join('\n')]));
}

/** Lines with nothing token-like cannot hold a secret: secretlint is not loaded for them. */
const CANDIDATE = /[A-Za-z0-9_+/=.-]{16,}|PRIVATE KEY|:\/\/[^/\s]{1,200}@/;
export const mayHoldSecrets = (lines: readonly AddedLine[]): boolean =>
  lines.some((line) => line.text.length < 10_000 && CANDIDATE.test(line.text));

/** Bits per character of `text`. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

// secretlint's AWS rule reports a secret access key but not an access key ID on its own, and its
// recommended preset has no generic rule for random-looking values assigned to secret-ish names.
const AWS_KEY_ID = /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/;
const ASSIGNMENT =
  /(?:secret|token|passw(?:or)?d|api[_-]?key|apikey|auth|credential|private[_-]?key)[A-Za-z0-9_.-]{0,30}["']?\s{0,5}[:=]\s{0,5}["'`]?([A-Za-z0-9+/_=.-]{20,200})/i;
/** Random base64/hex of this length carries more than 4 bits a character; words and ids do not. */
const ENTROPY_THRESHOLD = 4;

export function extraFindings(lines: readonly AddedLine[]): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { file, line, text } of lines) {
    if (text.length > 10_000) continue;
    if (AWS_KEY_ID.test(text) && !/EXAMPLE/.test(text))
      findings.push({ file, line, kind: 'AWS access key ID', rule: 'shipwright/aws-access-key-id' });
    const assigned = ASSIGNMENT.exec(text)?.[1];
    if (assigned && shannonEntropy(assigned) > ENTROPY_THRESHOLD && /\d/.test(assigned) && /[A-Za-z]/.test(assigned)) {
      findings.push({
        file,
        line,
        kind: 'high-entropy value assigned to a secret-like name',
        rule: 'shipwright/high-entropy-assignment',
      });
    }
  }
  return findings;
}

/**
 * Drops findings on lines marked `shipwright-allow` and in files an allow glob matches (`isAllowed`),
 * and a generic finding where a specific rule already reported that line.
 */
export function allowedOut(
  findings: readonly SecretFinding[],
  lines: readonly AddedLine[],
  isAllowed: (file: string) => boolean,
): SecretFinding[] {
  const marked = new Set(
    lines.filter((line) => line.text.includes(ALLOW_MARKER)).map((line) => `${line.file}\0${line.line}`),
  );
  const specific = new Set(
    findings
      .filter((finding) => finding.rule !== 'shipwright/high-entropy-assignment')
      .map((finding) => `${finding.file}\0${finding.line}`),
  );
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const at = `${finding.file}\0${finding.line}`;
    if (marked.has(at) || isAllowed(finding.file)) return false;
    if (finding.rule === 'shipwright/high-entropy-assignment' && specific.has(at)) return false;
    const key = `${at}\0${finding.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function secretReport(findings: readonly SecretFinding[]): string {
  const lines = [
    `\nshipwright: the staged changes contain ${findings.length === 1 ? 'what looks like a secret' : `${findings.length} things that look like secrets`}; the commit was not made:`,
  ];
  for (const finding of findings.slice(0, 20))
    lines.push(`  ${finding.file}:${finding.line}  ${finding.kind}  (${finding.rule})`);
  if (findings.length > 20) lines.push(`  … and ${findings.length - 20} more`);
  lines.push(
    '',
    '  fix: take the secret out of the file (read it from the environment or a secret store), `git add` it',
    '       again, and revoke it if it was ever pushed. A false positive: end the line with a',
    `       \`${ALLOW_MARKER}\` comment, or list the file under "secretScan": { "allow": ["glob"] } in shipwright.config.json.`,
    '',
  );
  return lines.join('\n');
}
