// `git push --atomic`: every ref or none, so a rejected tag never leaves the branch pushed alone.
import { runGit } from './run-git.js';

export interface PushOutcome {
  ok: boolean;
  output: string;
}

export async function pushAtomic(
  cwd: string,
  remote: string,
  refspecs: readonly string[],
  options: { setUpstream?: boolean } = {},
): Promise<PushOutcome> {
  const result = await runGit(
    cwd,
    ['push', '--atomic', '--porcelain', ...(options.setUpstream ? ['--set-upstream'] : []), '--', remote, ...refspecs],
    { okExitCodes: [1, 128] },
  );
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}
