// `release --publish`: `npm publish` of the released package once its tag is pushed, with npm's
// own registry and credentials (.npmrc, NPM_TOKEN). Nothing here can undo the release.
import { execa } from 'execa';
import { asksForOtp, provenanceAvailable, publishArgs } from '../core/release/publish-plan.js';

interface PublishRequest {
  /** The package's folder. */
  dir: string;
  version: string;
  env: NodeJS.ProcessEnv;
  onOutput: (text: string) => void;
  /** Asked when npm wants a one-time password; null: nobody to ask (no terminal). */
  askOtp: (() => Promise<string>) | null;
}

type PublishOutcome =
  | { ok: true; distTag: string; provenance: boolean }
  | { ok: false; exitCode: number | null; needsOtp: boolean; provenance: boolean; tail: string };

async function runNpm(args: string[], request: PublishRequest) {
  const child = execa('npm', args, { cwd: request.dir, env: request.env, reject: false, all: true, stdin: 'ignore' });
  child.all?.on('data', (chunk: Buffer) => request.onOutput(chunk.toString()));
  return child;
}

export async function publishPackage(request: PublishRequest): Promise<PublishOutcome> {
  const provenance = provenanceAvailable(request.env);
  let result = await runNpm(publishArgs(request.version, { provenance }), request);
  let output = String(result.all ?? '');
  if (result.failed && asksForOtp(output) && request.askOtp) {
    const otp = (await request.askOtp()).trim();
    if (otp) {
      result = await runNpm(publishArgs(request.version, { provenance, otp }), request);
      output = String(result.all ?? '');
    }
  }
  if (!result.failed)
    return { ok: true, distTag: publishArgs(request.version, { provenance })[2] as string, provenance };
  return {
    ok: false,
    exitCode: result.exitCode ?? null,
    needsOtp: asksForOtp(output),
    provenance,
    tail: output.trim().split('\n').slice(-10).join('\n'),
  };
}
