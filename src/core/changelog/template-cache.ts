// Serves the presets' templates precompiled at build time (scripts/precompile-templates.mjs)
// when conventional-changelog-writer asks Handlebars to compile them: the same template code,
// without parsing and compiling it on every run. Any template or option not in the table (a
// changed preset, a custom template) compiles exactly as before.
import Handlebars from 'handlebars';
import { PRECOMPILED_TEMPLATES } from './precompiled-templates.js';

let installed = false;

export function usePrecompiledTemplates(): void {
  if (installed) return;
  installed = true;
  const specs = new Map(PRECOMPILED_TEMPLATES.map(([key, spec, compilerOptions]) => [key, { spec, compilerOptions }]));
  const compile = Handlebars.compile;
  // The writer compiles the main template with Handlebars.compile and the runtime compiles the
  // partials through env.compile: the same function on the default environment.
  Handlebars.compile = function (this: typeof Handlebars, input: unknown, options?: CompileOptions) {
    const hit = typeof input === 'string' ? specs.get(JSON.stringify([input, options ?? {}])) : undefined;
    if (!hit) return compile.call(this, input, options);
    // A compiled (not precompiled) template carries the options its partials are compiled with.
    const spec = hit.compilerOptions ? { ...(hit.spec as object), compilerOptions: hit.compilerOptions } : hit.spec;
    return Handlebars.template(spec as TemplateSpecification);
  } as typeof Handlebars.compile;
}
