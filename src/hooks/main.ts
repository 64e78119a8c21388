// Process entry for `shipwright hook …` (dist/hook.cjs and dist/hook.js, bundled apart from the CLI so
// a hook never loads React or Ink). bin/shipwright.js comes here directly when the first argument is
// `hook`. No top-level await: the CommonJS build runs this file too.
import { processIo } from '../output/io.js';
import { runHook } from './run-hook.js';

void runHook(process.argv.slice(3), processIo()).then((code) => {
  process.exitCode = code;
});
