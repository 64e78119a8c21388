// The linear reference scan and the bounded revert pattern answer exactly as the library's regexes
// do — on generated strings of the characters that matter, on this repository's own history and
// on the hostile shapes that made the library's regexes take minutes.
import { execa } from 'execa';
import { CommitParser, type ParserOptions } from 'conventional-commits-parser';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  boundRevertPattern,
  LinearReferenceRegExp,
  linearizeParser,
} from '../../../src/core/conventional-commits/linear-reference-scan.js';
import { loadPreset } from '../../../src/core/conventional-commits/parser-options.js';
import { expectParsedAsLibrary, PARSER_EQUIVALENCE, parseWith } from '../../helpers/parser-equivalence.js';

/** A seeded generator: the same strings on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function strings(alphabet: readonly string[], count: number, maxLength: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(next() * maxLength);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  });
}

/** Every match a global regex finds in turn, with index and lastIndex. */
function allMatches(regex: RegExp, input: string): unknown[] {
  regex.lastIndex = 0;
  const found: unknown[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const match = regex.exec(input);
    found.push(
      match ? { groups: [...match], index: match.index, lastIndex: regex.lastIndex } : { none: regex.lastIndex },
    );
    if (!match) break;
  }
  return found;
}

/** The regex the library builds for these prefixes, taken from a parser before it is linearized. */
function libraryRegex(options: ParserOptions): RegExp {
  return (new CommitParser(options) as unknown as { regexes: { referenceParts: RegExp } }).regexes.referenceParts;
}

const PREFIX_SETS: ParserOptions[] = [
  { issuePrefixes: ['#'] },
  { issuePrefixes: ['#', 'gh-'] },
  { issuePrefixes: ['GH-', '#'], issuePrefixesCaseSensitive: true },
  { issuePrefixes: ['PROJ-', 'a'] },
  { issuePrefixes: [' # ', '!'] },
];
const ALPHABET = [
  'a',
  'b',
  'G',
  'h',
  '-',
  '1',
  '9',
  '_',
  '#',
  '#',
  ' ',
  ' ',
  '\t',
  '.',
  '/',
  ',',
  ';',
  ')',
  ']',
  '(',
  '\r',
  '\u2028',
  '\u00a0',
  'é',
  'gh-',
  'PROJ-',
  '!',
];

describe('LinearReferenceRegExp', () => {
  for (const options of PREFIX_SETS) {
    it(`finds what the library's regex finds, match by match (${JSON.stringify(options)})`, () => {
      const original = libraryRegex(options);
      const prefixes = LinearReferenceRegExp.prefixesOf(options.issuePrefixes);
      expect(prefixes).not.toBeNull();
      const linear = new LinearReferenceRegExp(original, prefixes ?? []);
      expect(linear.source).toBe(original.source);
      expect(linear.flags).toBe(original.flags);
      for (const input of strings(ALPHABET, 3000, 24, options.issuePrefixes?.length ?? 1)) {
        expect(allMatches(linear, input), JSON.stringify(input)).toEqual(allMatches(original, input));
      }
    });
  }

  it('leaves prefixes it cannot stand in for to the library (regexes, non-ASCII, white space inside)', () => {
    expect(LinearReferenceRegExp.prefixesOf([/#/])).toBeNull();
    expect(LinearReferenceRegExp.prefixesOf(['№'])).toBeNull();
    expect(LinearReferenceRegExp.prefixesOf(['a b'])).toBeNull();
    expect(LinearReferenceRegExp.prefixesOf(['  ', ''])).toBeNull();
    const parser = new CommitParser({ issuePrefixes: [/#/] as unknown as string[] });
    linearizeParser(parser);
    expect((parser as unknown as { regexes: { referenceParts: RegExp } }).regexes.referenceParts).not.toBeInstanceOf(
      LinearReferenceRegExp,
    );
  });
});

describe('boundRevertPattern', () => {
  const PATTERNS = [
    loadPreset('conventionalcommits').parser.revertPattern,
    loadPreset('angular').parser.revertPattern,
  ] as RegExp[];
  const PIECES = [
    'revert: ',
    'Revert ',
    'REVERT:',
    '"',
    '"',
    ' ',
    ' ',
    '\n',
    '\t',
    'x',
    'feat: y',
    'This reverts commit ',
    'this REVERTS commit ',
    'abcdef1',
    '1234567890ab',
    '.',
    ':',
  ];

  it.each(PATTERNS.map((pattern) => [pattern.source, pattern]))('matches as %s does', (_, pattern) => {
    const bounded = boundRevertPattern(pattern as RegExp);
    expect(bounded).not.toBe(pattern);
    for (const tail of strings(PIECES, 4000, 10, 7)) {
      for (const input of [tail, `revert: ${tail}`, `Revert "${tail}`]) {
        const expected = (pattern as RegExp).exec(input);
        const actual = bounded.exec(input);
        expect(actual ? [...actual] : null, JSON.stringify(input)).toEqual(expected ? [...expected] : null);
      }
    }
  });

  it('keeps a pattern of another shape as it is', () => {
    const other = /^Revert\s"([\s\S]*)"\s*This reverts commit (\w*)\.?/;
    expect(boundRevertPattern(other)).toBe(other);
  });
});

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Real messages: this repository's own history (hundreds of conventional commits with bodies). */
async function historyMessages(): Promise<string[]> {
  const { stdout } = await execa('git', ['log', '-z', '--format=%B', '-n', '600'], { cwd: ROOT });
  return stdout.split('\0').filter((message) => message.trim().length > 0);
}

const HOSTILE = (size: number): string[] => [
  `fix: ${'a'.repeat(size)}`,
  `fix: ${'a'.repeat(size)}#1`,
  `fix: ${' '.repeat(size)}x`,
  `fix: ${'a '.repeat(size / 2)}`,
  `fix: ${'#1 '.repeat(size / 3)}`,
  `fix: ${'-/.'.repeat(size / 3)}#`,
  `revert: ${' '.repeat(size)}x`,
  `revert: "${' \n'.repeat(size / 2)}"\n\nThis reverts commit abcdef1234.`,
  `feat: x\n\n${'closes '.repeat(size / 7)}#2`,
  `fix: x\n\n${'a\r'.repeat(size / 2)}`,
];

describe('parsing a corpus as conventional-commits-parser does', () => {
  for (const [name, reference] of PARSER_EQUIVALENCE) {
    it(`${name}: identical on this repository's history and on small hostile messages`, async () => {
      await expectParsedAsLibrary(reference, [...(await historyMessages()), ...HOSTILE(60)]);
    });
  }

  it('parses 200 KB hostile messages (minutes each with the library alone)', () => {
    const ours = parseWith({ ...loadPreset('conventionalcommits').parser, issuePrefixes: ['#', 'gh-'] });
    for (const message of HOSTILE(200_000)) expect(ours(message).header?.length).toBeGreaterThan(0);
  });
});
