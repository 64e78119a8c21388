// The four runs the crash matrix interrupts, each on the smallest repository that exercises every
// kind of git write it makes: a trunk release, a gitflow release finish, a hotfix finish fanned
// out to dev, and a backport into a maintenance line (through its own worktree).
import { rm } from 'node:fs/promises';
import { createGitflowRepo, createReleaseRepo, type ReleaseRepo } from './release-repo.js';
import { runShipwright } from './run-shipwright.js';
import { createTempRepo } from './temp-repo.js';

export interface CrashScenario {
  name: string;
  /** The command the matrix interrupts. */
  args: string[];
  /** Builds the repository (with origin, a bare file:// remote) the command runs in. */
  build(): Promise<ReleaseRepo>;
}

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };

async function mustRun(dir: string, args: string[]): Promise<void> {
  const result = await runShipwright(args, { cwd: dir, env: ENV });
  if (result.code !== 0) throw new Error(`shipwright ${args.join(' ')} failed:\n${result.stderr}`);
}

export const CRASH_SCENARIOS: CrashScenario[] = [
  {
    name: 'release',
    args: ['release', '--yes'],
    build: () => createReleaseRepo(),
  },
  {
    name: 'release finish',
    args: ['release', 'finish', '--yes'],
    async build() {
      const entry = await createGitflowRepo();
      await mustRun(entry.repo.dir, ['release', 'start', '--yes']);
      return entry;
    },
  },
  {
    name: 'hotfix finish',
    args: ['hotfix', 'finish', '--yes'],
    async build() {
      const entry = await createGitflowRepo();
      const { repo } = entry;
      await repo.git('switch', '-q', 'main');
      await repo.commit('chore: the widget file', { path: 'widget.txt', content: 'widget: broken\n' });
      await repo.git('tag', '-d', 'v0.1.0');
      await repo.tag('v0.1.0', { message: 'v0.1.0' });
      await repo.git('switch', '-q', 'dev');
      await repo.git('merge', '-q', '--no-edit', 'main');
      await repo.git('switch', '-q', 'main');
      await repo.git('push', '-q', '-f', '--tags', 'origin', 'main', 'dev');
      await mustRun(repo.dir, ['hotfix', 'start', '--yes', 'login-crash']);
      await repo.commit('fix(widget): stop the crash', { path: 'widget.txt', content: 'widget: fixed\n' });
      return entry;
    },
  },
  {
    name: 'backport',
    args: ['backport', 'main', '--to', '1.x', '--yes'],
    async build() {
      const remote = await createTempRepo({ bare: true, prefix: 'shipwright-remote-' });
      const repo = await createTempRepo();
      await repo.commit('feat: first');
      await repo.git('branch', '1.x');
      await repo.commit('fix(auth): token expiry', { path: 'auth.txt', content: 'expiry = 1h\n' });
      await repo.git('remote', 'add', 'origin', `file://${remote.dir}`);
      await repo.git('push', '-q', '-u', 'origin', 'main', '1.x');
      return {
        repo,
        remote,
        remove: async () => void (await Promise.all([rm(repo.dir, { recursive: true, force: true }), remote.remove()])),
      };
    },
  },
];
