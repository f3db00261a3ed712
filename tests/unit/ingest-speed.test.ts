// The fast paths of the ingest (cached character classes, the word table, the hand-written scanners) must give
// what the Unicode-property regexes they replace give, on any text; and the stats helper for benchmarks works.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureIngest } from '../../src/pipeline/ingest-stats.ts';
import { LEXEME, lexemes } from '../../src/pipeline/numbers.ts';
import { isCapitalized, tokenize } from '../../src/pipeline/text.ts';

// Letters of both scripts, look-alikes, ё, digits, marks, spaces, punctuation, an astral letter and a lone surrogate.
const CHARS = [
  ...'AaBcEeKkOoPpXxYyАаВсЕеКкОоРрХхУуЁёжЖщQqZz0123456789 \u00A0\t\n.,-—«»"İΣ\u0301\u0483\u0482Ⅻ²',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...CHARS), fc.constantFrom('\u{1D400}', '\u{10400}', '\uD800')), {
    maxLength: 40,
  })
  .map((cs) => cs.join(''));

describe('ingest fast paths', () => {
  it('tokenize finds the words /[\\p{L}\\p{M}\\p{N}]+/u finds', () => {
    fc.assert(
      fc.property(text, (s) => {
        const expected = [...s.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => [m[0], m.index]);
        expect(tokenize(s).map((t) => [t.text, t.start])).toEqual(expected);
      }),
    );
  });

  it('lexemes finds what LEXEME finds', () => {
    fc.assert(
      fc.property(text, (s) => {
        const expected = [...s.matchAll(LEXEME)].map((m) => [m[0], m.index]);
        expect(lexemes(s).map((l) => [l.text, l.start])).toEqual(expected);
        for (const l of lexemes(s)) expect(l.lower).toBe(l.text.toLowerCase().replace(/ё/g, 'е'));
      }),
    );
  });

  it('isCapitalized is the upper-case test of the first unit', () => {
    fc.assert(
      fc.property(text, (s) => {
        const first = s.charAt(0);
        expect(isCapitalized(s)).toBe(first !== first.toLowerCase() && first === first.toUpperCase());
      }),
    );
  });

  it('measureIngest reports the seed articles', () => {
    const stats = measureIngest('geo/articles', 'geo');
    expect(stats.articles).toBe(5);
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.articlesPerSecond).toBeGreaterThan(0);
  });
});
