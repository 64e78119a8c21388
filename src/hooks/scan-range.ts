// `shipwright hook scan-secrets BASE HEAD`: the pre-commit secret scan over every commit of a pull
// request (for CI), naming the commit, file and line of each finding.
import { secretReport } from '../core/hooks/secret-scan.js';
import { parseAddedLines } from '../core/hooks/staged-checks.js';
import { usageError } from '../core/errors.js';
import { readRangePatches } from '../git/read-log.js';
import type { HookContext } from './hook-context.js';
import { scanSecrets } from './scan-secrets.js';

export async function scanRange({ io, open, args }: HookContext): Promise<number> {
  const [from, to = 'HEAD'] = args;
  if (!from)
    throw usageError('scan-secrets needs the range to scan.', 'shipwright hook scan-secrets "$BASE_SHA" "$HEAD_SHA"');
  const repo = await open();
  const patches = await readRangePatches(repo.cwd, from, to);
  const findings = [];
  for (const chunk of patches.split(/^commit (?=[0-9a-f]{40}$)/m).filter((part) => part.trim().length > 0)) {
    const hash = chunk.slice(0, 40);
    const found = await scanSecrets(parseAddedLines(chunk.slice(40)), {
      root: repo.cwd,
      allow: repo.loaded.config.secretScan.allow,
    });
    findings.push(...found.map((finding) => ({ ...finding, file: `${hash.slice(0, 10)}:${finding.file}` })));
  }
  if (findings.length === 0) {
    io.stdout(`no secrets in the commits of ${from}..${to}\n`);
    return 0;
  }
  io.stderr(
    secretReport(findings)
      .replace('the staged changes contain', `the commits of ${from}..${to} contain`)
      .replace('; the commit was not made:', ' (commit:file:line):'),
  );
  io.stderr(
    '  A secret that reached a commit is in the history: revoke it, then rewrite the branch (git rebase -i) before merging.\n',
  );
  return 1;
}
