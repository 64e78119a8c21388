// Branch writes: create, switch, delete. Called by the engine only.
import { runGit } from './run-git.js';

/** `git switch -c NAME FROM`: local changes come along when they do not conflict with FROM. */
export async function createAndSwitch(cwd: string, name: string, from: string): Promise<void> {
  await runGit(cwd, ['switch', '--no-guess', '-c', name, '--end-of-options', from]);
}

export async function switchTo(cwd: string, name: string): Promise<void> {
  // A tag or a file with the same name never wins: switch takes only a branch, and no option.
  await runGit(cwd, ['switch', '--no-guess', '--end-of-options', name]);
}

export async function detachAt(cwd: string, commit: string): Promise<void> {
  await runGit(cwd, ['switch', '--detach', commit]);
}

export async function deleteBranch(cwd: string, name: string): Promise<void> {
  await runGit(cwd, ['branch', '-D', '--', name]);
}
