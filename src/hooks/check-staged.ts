// `shipwright hook check-staged`: the opt-in staged-content checks (conflict markers, keys, ...).
import { secretReport } from '../core/hooks/secret-scan.js';
import { parseAddedLines, runStagedChecks } from '../core/hooks/staged-checks.js';
import { readStagedDiff } from '../git/read-index.js';
import type { HookContext } from './hook-context.js';

export async function checkStaged({ io, open }: HookContext): Promise<number> {
  const repo = await open();
  const { stagedChecks: enabled, secretScan } = repo.loaded.config;
  if (enabled.length === 0 && !secretScan.enabled) return 0;
  const added = parseAddedLines(await readStagedDiff(repo.cwd));
  if (secretScan.enabled) {
    const { scanSecrets } = await import('./scan-secrets.js');
    const secrets = await scanSecrets(added, { root: repo.cwd, allow: secretScan.allow });
    if (secrets.length > 0) {
      io.stderr(secretReport(secrets));
      io.stderr('  (the scan is "secretScan" in shipwright.config.json; commit with --no-verify to skip once)\n');
      return 1;
    }
  }
  if (enabled.length === 0) return 0;
  const { default: picomatch } = await import('picomatch');
  const ignore = repo.loaded.config.stagedCheckIgnore;
  const findings = runStagedChecks(added, enabled).filter((finding) => {
    const globs = ignore[finding.check] ?? [];
    return globs.length === 0 || !picomatch(globs, { dot: true })(finding.file);
  });
  if (findings.length === 0) return 0;
  io.stderr(
    `\nshipwright: the staged changes contain ${findings.length === 1 ? 'something' : `${findings.length} things`} that should not be committed:\n`,
  );
  for (const finding of findings.slice(0, 20))
    io.stderr(`  ${finding.file}:${finding.line}  ${finding.message}: ${finding.text.trim().slice(0, 100)}\n`);
  if (findings.length > 20) io.stderr(`  … and ${findings.length - 20} more\n`);
  io.stderr(
    '\n  fix: edit the lines above, `git add` them again and run the same git commit command again. Nothing was changed or committed.\n',
  );
  io.stderr(
    `  (these checks come from "stagedChecks" in shipwright.config.json, paths they skip from "stagedCheckIgnore"; commit with --no-verify to skip once)\n`,
  );
  return 1;
}
