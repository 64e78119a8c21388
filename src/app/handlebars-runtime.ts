// What the CLI bundle gets for `import Handlebars from 'handlebars'` (tsup.config.ts maps it here):
// the Handlebars runtime, with a `compile` that loads Handlebars' compiler only when it is called.
//
// Every template a changelog uses is precompiled at build time (src/core/changelog/template-cache.ts
// serves them), so the compiler — its generated parser, code generator and source-map library,
// two thirds of the bundled Handlebars — never runs; loading it anyway cost ~20 ms of CPU on every
// `changelog` and `release`. A template that is not in the table (a preset changed since the
// build) still compiles, with the installed compiler, against this same runtime environment,
// so it sees the partials and helpers registered here.
import { createRequire } from 'node:module';
import Handlebars from 'handlebars/runtime';

type Compile = (input: unknown, options: CompileOptions | undefined, env: unknown) => HandlebarsTemplateDelegate;

interface CompilerParts {
  parse: unknown;
  Compiler: unknown;
  JavaScriptCompiler: unknown;
  AST: unknown;
}

let compileWithEnv: Compile | undefined;

function loadCompiler(): Compile {
  if (compileWithEnv) return compileWithEnv;
  const requireFromHere = createRequire(import.meta.url);
  const full = requireFromHere('handlebars') as CompilerParts;
  // The compiler's own entry, which takes the environment to build the template in.
  const { compile } = requireFromHere('handlebars/dist/cjs/handlebars/compiler/compiler.js') as { compile: Compile };
  Object.assign(Handlebars, {
    parse: full.parse,
    Compiler: full.Compiler,
    JavaScriptCompiler: full.JavaScriptCompiler,
    AST: full.AST,
  });
  compileWithEnv = compile;
  return compile;
}

const runtime = Handlebars as typeof Handlebars & { compile?: typeof Handlebars.compile };
runtime.compile ??= ((input: unknown, options?: CompileOptions) =>
  loadCompiler()(input, options, Handlebars)) as typeof Handlebars.compile;

export default runtime;
