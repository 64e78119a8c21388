// Commit text cannot inject HTML into the changelog.
import { describe, expect, it } from 'vitest';
import { escapeMarkdownText } from '../../../src/core/changelog/escape-markdown.js';

describe('escapeMarkdownText', () => {
  it.each([
    ['plain text', 'plain text'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['use `<div>` here', 'use `<div>` here'],
    ['a <b> and `<i>` and <u>', 'a &lt;b&gt; and `<i>` and &lt;u&gt;'],
    ['``code with ` <x>`` then <y>', '``code with ` <x>`` then &lt;y&gt;'],
    ['R&D stays', 'R&D stays'],
    ['unclosed ` <b>', 'unclosed ` &lt;b&gt;'],
  ])('%s', (input, expected) => {
    expect(escapeMarkdownText(input)).toBe(expected);
  });
});
