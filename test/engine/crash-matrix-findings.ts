// Crash-matrix cases that fail today, each explained by a finding in /work/crash-findings.md (the
// engine's owner fixes them there). A fixed case comes off this list and runs as an ordinary test.

/** Cases a finding in /work/crash-findings.md explains, by finding id. */
export const FINDINGS: Record<string, string[]> = {
  'CM-1': [
    'hotfix finish · inside reference-transaction#5 (prepared) · SIGKILL · abort',
    'hotfix finish · inside reference-transaction#5 (prepared) · SIGKILL · continue',
    'hotfix finish · inside reference-transaction#9 (prepared) · SIGKILL · abort',
    'hotfix finish · inside reference-transaction#9 (prepared) · SIGKILL · continue',
    'release finish · inside reference-transaction#3 (prepared) · SIGKILL · abort',
    'release finish · inside reference-transaction#3 (prepared) · SIGKILL · continue',
    'release finish · inside reference-transaction#9 (prepared) · SIGKILL · abort',
    'release finish · inside reference-transaction#9 (prepared) · SIGKILL · continue',
  ],
  'CM-1, CM-3': [
    'hotfix finish · inside reference-transaction#16 (prepared) · SIGKILL · abort',
    'hotfix finish · inside reference-transaction#18 (prepared) · SIGKILL · abort',
    'release finish · inside reference-transaction#16 (prepared) · SIGKILL · abort',
    'release finish · inside reference-transaction#18 (prepared) · SIGKILL · abort',
    'release finish · inside reference-transaction#20 (aborted) · SIGKILL · abort',
    'release finish · inside reference-transaction#21 (prepared) · SIGKILL · abort',
    'release · inside reference-transaction#5 (prepared) · SIGKILL · abort',
  ],
  'CM-2': [],
  'CM-3': [
    'hotfix finish · inside post-receive#1 (running) · SIGKILL · abort',
    'hotfix finish · inside reference-transaction#17 (committed) · SIGKILL · abort',
    'release finish · inside post-receive#1 (running) · SIGKILL · abort',
    'release finish · inside reference-transaction#17 (committed) · SIGKILL · abort',
    'release finish · inside reference-transaction#19 (committed) · SIGKILL · abort',
    'release · inside post-receive#1 (running) · SIGKILL · abort',
  ],
  'CM-4': [],
  'CM-6': [],
  'CM-7': [],
};
