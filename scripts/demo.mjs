// `npm run demo`: builds shipwright if needed, makes a throwaway repository with realistic history
// in the OS temp folder and opens the TUI on it (without a terminal: prints `shipwright status`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoRepo, PROJECT_ROOT, SHIPWRIGHT_BIN } from './demo-repo.mjs';

/** Newest modification time under `path` (a file or a folder), in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function needsBuild() {
  const outputs = ['cli.js', 'hook.js'].map((file) => join(PROJECT_ROOT, 'dist', file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = [join(PROJECT_ROOT, 'src'), join(PROJECT_ROOT, 'tsup.config.ts'), join(PROJECT_ROOT, 'package.json')];
  return sources.some((source) => existsSync(source) && newest(source) > built);
}

function build() {
  const tsup = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsup');
  if (!existsSync(tsup)) {
    console.error('shipwright demo: the dependencies are not installed.\n  fix: npm ci   (in the shipwright folder)');
    process.exit(3);
  }
  console.log('Building shipwright (dist/ is missing or older than src/)…');
  const result = spawnSync(tsup, [], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('shipwright demo: the build failed (see above).\n  fix: npm run build   to see the whole output');
    process.exit(3);
  }
}

// Tests that built dist/ themselves set SHIPWRIGHT_DEMO_NO_BUILD so a run never rebuilds under them.
if (process.env.SHIPWRIGHT_DEMO_NO_BUILD !== '1' && needsBuild()) build();

const root = mkdtempSync(join(tmpdir(), 'shipwright-demo-'));
const started = Date.now();
const { repo } = await createDemoRepo(root);
const removal = `rm -rf '${root}'`;
console.log(`Demo repository: ${repo}   (made in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log('  main, dev, release/1.3.0 and feature/27-audit-log; tags v1.0.0, v1.1.0, v1.2.0;');
console.log('  a hotfix on main not yet on dev; a bare origin; shipwright init done, hooks on.');
console.log(`Remove it when you are done: ${removal}`);

const ci = process.env.CI === 'true' || process.env.CI === '1';
if (process.stdin.isTTY && process.stdout.isTTY && !ci) {
  console.log('\nOpening the TUI (q quits). dev is protected: start a branch (b), then commit (c).\n');
  const tui = spawnSync(process.execPath, [SHIPWRIGHT_BIN], { cwd: repo, stdio: 'inherit' });
  console.log(`\nThe demo repository is still there: cd '${repo}'\nRemove it: ${removal}`);
  process.exit(tui.status ?? 1);
}

// No terminal (CI, a pipe): the TUI cannot run, so show what its home screen would.
console.log('\nNo terminal here, so instead of the TUI: shipwright status\n');
const status = spawnSync(process.execPath, [SHIPWRIGHT_BIN, 'status'], {
  cwd: repo,
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.exit(status.status === 0 ? 0 : (status.status ?? 1));
