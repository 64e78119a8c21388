// shipwright's own lint-staged tasks (the same shape `shipwright init` writes for a TypeScript project).
export default {
  '*.{js,mjs,ts,tsx}': ['prettier --write', 'eslint --fix'],
  // Type-check the whole project once per commit, with tsconfig.json (per-file tsc would ignore it).
  '*.{ts,tsx}': () => 'tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/shipwright/tsbuildinfo -p .',
};
