// Process entry for the `shipwright` and `ship` binaries: the only place that calls process.exit.
import { processIo } from '../output/io.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), processIo());
// Let stdout drain before exiting: piping a long changelog must not be cut short.
process.exitCode = code;
