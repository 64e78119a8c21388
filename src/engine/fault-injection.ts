// Test-only fault injection: SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP=N:SIGNAL sends SIGNAL to this process
// once step N (0-based) completed (N = * : after every step, e.g. SIGSTOP so a test can copy the
// repository at each step boundary), so tests can interrupt or kill -9 a real run at an exact point.
export async function injectFault(env: NodeJS.ProcessEnv, index: number): Promise<void> {
  const spec = env.SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP;
  if (!spec) return;
  const [step, signal] = spec.split(':');
  if ((step !== '*' && Number(step) !== index) || !signal) return;
  process.kill(process.pid, signal as NodeJS.Signals);
  // Let the signal handler run before the engine looks at the next step.
  await new Promise((resolve) => setTimeout(resolve, 50));
}
