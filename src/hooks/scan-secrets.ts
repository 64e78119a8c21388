// The pre-commit secret scan: secretlint's recommended rules over the lines a commit adds, plus
// shipwright's two extra rules, minus the allowlist. secretlint loads only when a line could hold
// a secret at all, so an ordinary commit does not pay for it.
import picomatch from 'picomatch';
import {
  allowedOut,
  extraFindings,
  mayHoldSecrets,
  sparseContents,
  type SecretFinding,
} from '../core/hooks/secret-scan.js';
import type { AddedLine } from '../core/hooks/staged-checks.js';

/** Names secretlint's rule ids read as: `@secretlint/secretlint-rule-github` → "GitHub token". */
const KINDS: Record<string, string> = {
  github: 'GitHub token',
  aws: 'AWS secret',
  slack: 'Slack token',
  npm: 'npm token',
  privatekey: 'private key',
  basicauth: 'password in a URL',
  gcp: 'Google Cloud key',
};

const kindOf = (ruleId: string, message: string): string =>
  KINDS[ruleId.replace(/^@secretlint\/secretlint-rule-/, '')] ?? message.replace(/^found /, '').slice(0, 60);

async function secretlintFindings(lines: readonly AddedLine[], root: string): Promise<SecretFinding[]> {
  const [{ lintSource }, { creator }] = await Promise.all([
    import('@secretlint/core'),
    import('@secretlint/secretlint-rule-preset-recommend'),
  ]);
  const findings: SecretFinding[] = [];
  for (const [file, content] of sparseContents(lines)) {
    const result = await lintSource({
      source: { filePath: `${root}/${file}`, content, contentType: 'text' },
      options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] } },
    });
    for (const message of result.messages)
      findings.push({
        file,
        line: message.loc.start.line,
        kind: kindOf(message.ruleId, message.message),
        rule: message.ruleId,
      });
  }
  return findings;
}

export async function scanSecrets(
  lines: readonly AddedLine[],
  options: { root: string; allow: readonly string[] },
): Promise<SecretFinding[]> {
  if (!mayHoldSecrets(lines)) return [];
  const isAllowed = options.allow.length > 0 ? picomatch([...options.allow], { dot: true }) : () => false;
  const scanned = lines.filter((line) => !isAllowed(line.file));
  const found = [...(await secretlintFindings(scanned, options.root)), ...extraFindings(scanned)].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
  return allowedOut(found, lines, isAllowed);
}
