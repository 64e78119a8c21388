// A recording stand-in for the GitHub CLI (an external network client): a small sh script on PATH.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface FakeGh {
  /** The folder holding `gh`; put it first on PATH. */
  binDir: string;
  /** PATH with the fake gh first, then the real PATH. */
  path: string;
  /** Each call's arguments, in order. */
  calls(): Promise<string[][]>;
  /** What the file after the last `--notes-file` held when gh ran (null: none was given). */
  notes(): Promise<string | null>;
  remove(): Promise<void>;
}

/** Arguments are written with the unit and record separators, so quotes, `$(…)` and `;` survive as typed. */
export async function createFakeGh(options: { authExitCode?: number; runExitCode?: number } = {}): Promise<FakeGh> {
  const binDir = await mkdtemp(join(tmpdir(), 'shipwright-fake-gh-'));
  const record = join(binDir, 'calls.log');
  const script = `#!/bin/sh
{ for arg in "$@"; do printf '%s\\037' "$arg"; done; printf '\\036'; } >> '${record}'
if [ "$1 $2" = "auth status" ]; then
  echo "fake gh: auth status" >&2
  exit ${options.authExitCode ?? 0}
fi
previous=''
for arg in "$@"; do
  if [ "$previous" = "--notes-file" ]; then cp "$arg" '${join(binDir, 'notes.md')}'; fi
  previous="$arg"
done
if [ "$1 $2" = "release create" ]; then
  if [ ${options.runExitCode ?? 0} -ne 0 ]; then echo "fake gh: HTTP 422: Validation Failed (release already exists)" >&2; fi
  echo "https://github.com/acme/widget/releases/tag/$3"
else
  echo "fake gh: created workflow_dispatch event"
fi
exit ${options.runExitCode ?? 0}
`;
  await writeFile(join(binDir, 'gh'), script);
  await chmod(join(binDir, 'gh'), 0o755);
  return {
    binDir,
    path: [binDir, process.env.PATH ?? ''].join(delimiter),
    async calls() {
      const text = await readFile(record, 'utf8').catch(() => '');
      return text
        .split('\x1e')
        .filter((call) => call.length > 0)
        .map((call) => call.split('\x1f').slice(0, -1));
    },
    notes: () => readFile(join(binDir, 'notes.md'), 'utf8').catch(() => null),
    remove: () => rm(binDir, { recursive: true, force: true }),
  };
}
