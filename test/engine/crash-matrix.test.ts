// The crash matrix: release, gitflow release finish, hotfix finish and backport, each stopped by
// kill -9 and by a Ctrl-C of its whole process group at every step boundary and inside every git
// write (a hook holds the write open until the test kills), then `shipwright abort` and, on a copy
// of the same wreck, `shipwright continue`. Every outcome must be byte for byte the repository
// before the run or the repository after the same run uninterrupted: refs, HEAD, index, working
// tree (bytes and modes), stash, git's half-done state and the remote's refs.
//
// The points are not written down: a first run with counting hooks lists them. That run stops at
// every point and the test copies the repository there: since kill -9 leaves the disk exactly as
// it is at that instant, each copy is what a kill -9 there leaves (one real kill -9 per scenario
// checks it). A Ctrl-C is reacted to, so each needs a run of its own: the suite interrupts every
// step boundary and each git process (the local ones and the remote's receive-pack) at its last
// hook, when its write is complete and the process not yet gone, which keeps the suite within its
// minute. SHIPWRIGHT_CRASH_MATRIX=full also interrupts every other hook invocation, and makes
// every kill -9 a real, separate run (about four times as long).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyCase,
  describePoint,
  freezeAtEveryPoint,
  hookPoints,
  limiter,
  makeTemplate,
  matrixEnv,
  matrixRoot,
  pointKey,
  repoIn,
  runUntil,
  snapshotCase,
  snapshotDiff,
  type CrashSnapshot,
  type InjectionPoint,
} from '../helpers/crash-matrix.js';
import { CRASH_SCENARIOS, type CrashScenario } from '../helpers/crash-scenarios.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const FULL = process.env.SHIPWRIGHT_CRASH_MATRIX === 'full';
const root = await matrixRoot();
afterAll(() => root.remove());
const env = matrixEnv(root.home);

// `abort` and `continue` run in this process (no Node start-up each); the engine's git runs with
// process.env, so it gets the matrix's pinned dates and identity too.
for (const key of Object.keys(process.env)) if (key.startsWith('GIT_')) delete process.env[key];
for (const [key, value] of Object.entries(env))
  if (key.startsWith('GIT_') || ['HOME', 'XDG_CONFIG_HOME', 'SOURCE_DATE_EPOCH'].includes(key))
    process.env[key] = value;

/** A case waits for a free slot and for its run; the minute of the other tests is not enough here. */
const CASE_TIMEOUT = 300_000;

interface Prepared {
  scenario: CrashScenario;
  template: string;
  before: CrashSnapshot;
  after: CrashSnapshot;
  points: InjectionPoint[];
  /** What a kill -9 at each point leaves, by pointKey. */
  frozen: Map<string, string>;
}

let made = 0;
const nextDir = (label: string) => join(root.dir, `${label.replace(/[^a-z0-9]+/gi, '-')}-${(made += 1)}`);

async function prepare(scenario: CrashScenario): Promise<Prepared> {
  const entry = await scenario.build();
  const template = await makeTemplate(root.dir, scenario.name.replace(/ /g, '-'), entry.repo.dir, entry.remote.dir);
  await entry.remove();
  const before = await snapshotCase(template, env);
  const probe = nextDir(`${scenario.name}-probe`);
  await copyCase(template, probe);
  const frozen = await freezeAtEveryPoint(probe, scenario.args, env, (key) => nextDir(`${scenario.name}-${key}`));
  if (frozen.run.code !== 0) throw new Error(`${scenario.args.join(' ')} failed uninterrupted:\n${frozen.run.stderr}`);
  const after = await snapshotCase(probe, env);
  const points: InjectionPoint[] = [
    ...Array.from({ length: frozen.steps }, (_, index) => ({ kind: 'after-step', index }) as const),
    ...hookPoints(frozen.log),
  ];
  await rm(probe, { recursive: true, force: true });
  return { scenario, template, before, after, points, frozen: frozen.copies };
}

const prepared = await Promise.all(CRASH_SCENARIOS.map(prepare));

/** Whether a Ctrl-C at `point` is one the suite runs (all of them with SHIPWRIGHT_CRASH_MATRIX=full). */
const interruptsHere = (point: InjectionPoint) => FULL || point.kind === 'after-step' || point.last;

const slot = limiter(3);

/** The wreck's copy, `abort` or `continue` in it, and the outcome against both snapshots. */
async function recover(wreck: string, command: 'abort' | 'continue', ran: string, prep: Prepared): Promise<void> {
  const dir = nextDir(`${prep.scenario.name}-${command}`);
  await copyCase(wreck, dir);
  const recovered = await runShipwright([command], { cwd: repoIn(dir), env });
  const outcome = await snapshotCase(dir, env);
  await rm(dir, { recursive: true, force: true });
  const fromBefore = snapshotDiff(prep.before, outcome);
  const fromAfter = snapshotDiff(prep.after, outcome);
  if (fromBefore.length === 0 || fromAfter.length === 0) return;
  expect.fail(
    [
      `the run: ${ran}`,
      `shipwright ${command}: exit ${recovered.code}\n${recovered.stdout}${recovered.stderr}`,
      `not the snapshot before the run:\n  ${fromBefore.join('\n  ')}`,
      `not the snapshot after the run uninterrupted:\n  ${fromAfter.join('\n  ')}`,
    ].join('\n\n'),
  );
}

for (const prep of prepared) {
  const { scenario, template, points, frozen } = prep;
  describe(scenario.name, () => {
    for (const point of points)
      for (const signal of ['SIGKILL', 'SIGINT'] as const) {
        if (signal === 'SIGINT' && !interruptsHere(point)) continue;
        // One interrupted run per point and signal (kill -9 without `full`: the frozen copy).
        let killed: Promise<{ dir: string; ran: string }> | undefined;
        const kill = () =>
          (killed ??= slot(async () => {
            if (signal === 'SIGKILL' && !FULL) {
              const dir = frozen.get(pointKey(point));
              if (!dir) throw new Error(`no copy at ${describePoint(point)}`);
              return { dir, ran: 'kill -9 (the copy made while it stood there)' };
            }
            const dir = nextDir(scenario.name);
            await copyCase(template, dir);
            const { run, reached } = await runUntil(dir, scenario.args, env, point, signal);
            expect(reached, `the run never got to ${describePoint(point)}:\n${run.stderr}`).toBe(true);
            return { dir, ran: `exit ${run.code ?? run.signal}\n${run.stdout}${run.stderr}` };
          }));
        for (const command of ['abort', 'continue'] as const) {
          it.concurrent(
            `${scenario.name} · ${describePoint(point)} · ${signal} · ${command}`,
            async () => {
              const wreck = await kill();
              await slot(() => recover(wreck.dir, command, wreck.ran, prep));
            },
            CASE_TIMEOUT,
          );
        }
      }

    if (!FULL) {
      const point = points.find((candidate) => candidate.kind === 'hook' && candidate.detail === 'prepared');
      if (point)
        it.concurrent(
          `${scenario.name} · a real kill -9 ${describePoint(point)} leaves what its copy holds`,
          async () => {
            const dir = nextDir(`${scenario.name}-real`);
            await copyCase(template, dir);
            const { reached } = await slot(() => runUntil(dir, scenario.args, env, point, 'SIGKILL'));
            expect(reached).toBe(true);
            const copy = frozen.get(pointKey(point)) as string;
            expect(await snapshotCase(dir, env)).toEqual(await snapshotCase(copy, env));
            const shipwrightDir = (caseDir: string) => readdir(join(repoIn(caseDir), '.git', 'shipwright'));
            expect(await shipwrightDir(dir)).toEqual(await shipwrightDir(copy));
          },
        );
    }
  });
}
