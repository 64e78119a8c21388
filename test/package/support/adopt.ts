// Installing shipwright by name into projects whose hooks came from elsewhere, as those teams would,
// from the run's local registry (verdaccio on 127.0.0.1 proxying the rest to the configured
// registry): what registry-adopt-*.test.ts share. Afterwards a bad message is refused by
// shipwright, a good commit lands, each lint-staged task runs once, the team's commands still run,
// a second init is a no-op and doctor agrees. Needs `npm run build`.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { createBareRemote } from '../../helpers/hooked-repo.js';
import type { RegistryWork } from '../../helpers/shared-registry.js';

/** Runs a command that must succeed; returns its output. */
export const must = async (work: RegistryWork, command: string, args: string[], cwd: string) => {
  const result = await work.run(command, args, cwd);
  expect(result.code, `${command} ${args.join(' ')}\n${result.output}`).toBe(0);
  return result.output;
};

export const record = (file: string) => `node -e "require('fs').appendFileSync('.git/${file}', 'x\\n')"`;
const COUNT =
  "import { appendFileSync } from 'node:fs';\nappendFileSync('.git/lint-ran', `${process.argv.length - 2}\\n`);\n";

export async function project(
  work: RegistryWork,
  name: string,
  pkg: Record<string, unknown>,
  files: Record<string, string>,
): Promise<string> {
  const dir = join(work.dir, name);
  await mkdir(dir);
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', ...pkg }, null, 2)}\n`);
  for (const [path, text] of Object.entries({ ...files, 'count.mjs': COUNT, '.gitignore': 'node_modules/\n' })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
    if (/^\.(husky|githooks)\/[a-z-]+$/.test(path)) await chmod(join(dir, path), 0o755);
  }
  await must(work, 'git', ['init', '-q', '--initial-branch=main'], dir);
  return dir;
}

/** The checks every shape must pass once shipwright is installed and init ran. */
export async function hooksWork(work: RegistryWork, dir: string, teamMarks: string[]): Promise<void> {
  const bin = join(dir, 'node_modules', '.bin', 'shipwright');
  await writeFile(join(dir, 'notes.txt'), 'one\n');
  await must(work, 'git', ['add', '-A'], dir);
  const refused = await work.run('git', ['commit', '-m', 'added stuff'], dir);
  expect(refused.code, refused.output).not.toBe(0);
  expect(refused.output).toContain('shipwright: ');
  expect(refused.output).toMatch(/type-empty|subject-empty/);
  const landed = await work.run('git', ['commit', '-m', 'feat: start the app'], dir);
  expect(landed.code, landed.output).toBe(0);
  expect(landed.output).not.toContain('DEPRECATED');
  expect((await must(work, 'git', ['log', '-1', '--format=%s'], dir)).trim()).toBe('feat: start the app');
  // One lint-staged run per commit attempt, each task on the one staged .txt file.
  expect(await readFile(join(dir, '.git', 'lint-ran'), 'utf8')).toBe('1\n1\n');

  const remote = await createBareRemote();
  try {
    await must(work, 'git', ['remote', 'add', 'origin', remote.url], dir);
    await must(work, 'git', ['push', '-q', 'origin', 'main'], dir);
  } finally {
    await remote.remove();
  }
  for (const mark of teamMarks) expect(existsSync(join(dir, '.git', mark)), `${mark} ran`).toBe(true);

  const doctor = await work.run(bin, ['doctor'], dir);
  expect(doctor.code, doctor.output).toBe(0);
  const again = await work.run(bin, ['init', '--yes'], dir);
  expect(again.code, again.output).toBe(0);
  expect(again.output).toContain('nothing to do');
}
