// A CommonMark renderer (markdown-it) as the judge of Markdown built from hostile text: no raw HTML
// element, no javascript: (or other non-web) link or image, no event handler attribute.
import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';

// html: true renders raw HTML as it stands, so any that got through shows up as an element.
const markdown = new MarkdownIt({ html: true, linkify: false });
// markdown-it refuses javascript: links itself; let every URL through, so the test sees what the text asks for.
markdown.validateLink = () => true;

/** Raw HTML elements the renderer produced that are not Markdown's own. */
function foreignElements(html: string): string[] {
  const own = new Set([
    'p',
    'code',
    'a',
    'ul',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'br',
    'img',
    'hr',
    'pre',
    'blockquote',
    'ol',
    'del',
    's',
  ]);
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)]
    .map((m) => (m[1] as string).toLowerCase())
    .filter((tag) => !own.has(tag));
}

/** Every href/src the rendered HTML holds. */
const urlsOf = (html: string): string[] => [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1] as string);

export function assertSafeMarkdown(text: string): void {
  const html = markdown.render(text);
  expect(foreignElements(html), html).toEqual([]);
  for (const url of urlsOf(html)) expect(url, html).toMatch(/^(?:https?:\/\/|mailto:|#)/);
  expect(html).not.toMatch(/<img[^>]*onerror|<[a-z]+[^>]*\son\w+=/i);
}
