// Lists the exports of src/ that no other file refers to (static or dynamic import, `m.name`,
// destructuring), for `npm run check:exports`. Exports only tests use are listed apart.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const config = ts.getParsedCommandLineOfConfigFile(
  resolve(root, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  },
);
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const ours = program
  .getSourceFiles()
  .filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'));

/** Declaration symbol → the files (other than its own) that refer to it. */
const users = new Map();
function refer(symbol, from) {
  if (!symbol) return;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaredIn = target.declarations?.[0]?.getSourceFile().fileName;
  if (!declaredIn || declaredIn === from) return;
  if (!users.has(target)) users.set(target, new Set());
  users.get(target).add(from);
}
for (const file of ours) {
  const visit = (node) => {
    if (ts.isIdentifier(node)) {
      refer(checker.getSymbolAtLocation(node), file.fileName);
      // `const { name } = await import('…')`: the property of the module's type.
      const parent = node.parent;
      if (parent && ts.isBindingElement(parent) && ts.isObjectBindingPattern(parent.parent)) {
        const key = parent.propertyName ?? parent.name;
        if (key === node) refer(checker.getTypeAtLocation(parent.parent).getProperty(node.text), file.fileName);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

const dead = [];
const testsOnly = [];
for (const file of ours.filter((candidate) => candidate.fileName.startsWith(`${root}/src/`))) {
  const module = checker.getSymbolAtLocation(file);
  if (!module) continue;
  for (const exported of checker.getExportsOfModule(module)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (target.declarations?.[0]?.getSourceFile() !== file) continue; // a re-export: judged where it is declared
    const from = [...(users.get(target) ?? [])];
    const line = `${relative(root, file.fileName)}: ${exported.name}`;
    if (from.length === 0) dead.push(line);
    else if (from.every((user) => !user.startsWith(`${root}/src/`))) testsOnly.push(line);
  }
}
if (testsOnly.length > 0) console.log(`Exported for tests only (${testsOnly.length}):\n  ${testsOnly.join('\n  ')}\n`);
if (dead.length > 0) {
  console.error(
    `Exports nothing imports (${dead.length}): drop the export, or the code if its own file does not use it either:\n  ${dead.join('\n  ')}`,
  );
  process.exitCode = 1;
} else console.log('No dead exports.');
