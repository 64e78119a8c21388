// Entry point for installed git hooks (bundled separately from the CLI; never loads React or Ink).
process.stderr.write('shipwright hooks are not installed by this version yet.\n');
process.exitCode = 0;
