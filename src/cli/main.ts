// Process entry for the `shipwright` and `ship` binaries: the only place that calls process.exit.
import { processIo } from './io.js';
import { runCli } from './run-cli.js';

// `shipwright changelog --stdout | head`: the reader has gone, so there is nobody left to tell.
// Stop quietly, as git and the coreutils do, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const code = await runCli(process.argv.slice(2), processIo());
// Let stdout drain before exiting: piping a long changelog must not be cut short.
process.exitCode = code;
