// Process entry for `shipwright hook …` (dist/hook.js, bundled apart from the CLI so a hook never
// loads React or Ink). bin/shipwright.js comes here directly when the first argument is `hook`.
import { processIo } from '../cli/io.js';
import { runHook } from './run-hook.js';

process.exitCode = await runHook(process.argv.slice(3), processIo());
