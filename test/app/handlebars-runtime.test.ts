// The bundle's Handlebars (the runtime, compiler loaded on demand) still compiles a template that
// was not precompiled, and partials registered on it are found.
import { describe, expect, it } from 'vitest';
import Handlebars from '../../src/app/handlebars-runtime.js';

describe('the Handlebars runtime the bundle uses', () => {
  it('compiles on demand, against its own partials, with the options given', () => {
    Handlebars.registerPartial('shipwright-test-who', '{{#if scope}}**{{scope}}:** {{/if}}{{subject}}');
    const template = Handlebars.compile('* {{> shipwright-test-who}}\n', { noEscape: true });
    expect(template({ scope: 'api', subject: 'keep <b>tags</b>' })).toBe('* **api:** keep <b>tags</b>\n');
    expect(Handlebars.compile('{{subject}}')({ subject: '<b>' })).toBe('&lt;b&gt;');
  });
});
