// `release --github-release`: the hosted release with the notes, through gh once the tag is pushed.
// Nothing here can undo the release: a failure is reported with the command that retries it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { githubReleaseArgs, githubReleaseCommand } from '../core/release/hosted-release.js';
import { readGhStatus, runGh } from './gh-cli.js';

interface GithubReleaseRequest {
  cwd: string;
  env: NodeJS.ProcessEnv;
  tag: string;
  version: string;
  notes: string;
  prerelease: boolean;
  onStdout: (text: string) => void;
  onStderr: (text: string) => void;
}

type GithubReleaseOutcome =
  | { kind: 'created'; command: string }
  | { kind: 'manual'; reason: 'missing' | 'logged-out'; command: string }
  | { kind: 'failed'; exitCode: number; command: string };

export async function createGithubRelease(request: GithubReleaseRequest): Promise<GithubReleaseOutcome> {
  const command = githubReleaseCommand(request.tag, request.version, request.prerelease);
  const gh = await readGhStatus(request.cwd, request.env);
  if (gh.availability !== 'ready' || gh.path === null)
    return { kind: 'manual', reason: gh.availability === 'missing' ? 'missing' : 'logged-out', command };
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-notes-'));
  try {
    const notesFile = join(dir, 'release-notes.md');
    await writeFile(notesFile, request.notes);
    const exitCode = await runGh(gh.path, githubReleaseArgs(request.tag, notesFile, request.prerelease), {
      cwd: request.cwd,
      env: request.env,
      onStdout: request.onStdout,
      onStderr: request.onStderr,
    });
    return exitCode === 0 ? { kind: 'created', command } : { kind: 'failed', exitCode, command };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
