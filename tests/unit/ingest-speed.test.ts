// The fast paths of the ingest (cached character classes, the word table, the hand-written scanners) must give
// what the Unicode-property regexes they replace give, on any text; and the stats helper for benchmarks works.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointAt, unitAt } from '../../src/pipeline/char-class.ts';
import { EVENT_PATTERNS } from '../../src/pipeline/events.ts';
import { measureIngest } from '../../src/pipeline/ingest-stats.ts';
import { type Candidate, longestFirst } from '../../src/pipeline/match.ts';
import { findMojibake } from '../../src/pipeline/mojibake.ts';
import { LEXEME, lexemes, lexemesOfWords } from '../../src/pipeline/numbers.ts';
import { PERIOD_PATTERNS } from '../../src/pipeline/periods.ts';
import { BMP_LETTER } from '../../src/pipeline/regex-letters.ts';
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

  it('lexemesOfWords, from the words of a paragraph, gives what lexemes gives for the sentence', () => {
    fc.assert(
      fc.property(text, text, text, (before, sentence, after) => {
        // The sentence cut out of a paragraph as the join cuts it: white space on both sides, and its share of the
        // paragraph's tokens, whose offsets are the paragraph's.
        const paragraph = `${before} ${sentence} ${after}`;
        const offset = before.length + 1;
        const tokens = tokenize(paragraph);
        const from = tokens.findIndex((t) => t.start >= offset);
        const end = offset + sentence.length;
        const to = tokens.findIndex((t) => t.start >= end + 1);
        const own = { from: from < 0 ? tokens.length : from, to: to < 0 ? tokens.length : to };
        // A word crossing the sentence's edges is not a case the join hands over (it tokenizes the sentence then).
        fc.pre(
          tokens.every(
            (t) => t.end <= offset - 1 || t.start >= end + 1 || (t.start >= offset && t.end <= end),
          ),
        );
        expect(lexemesOfWords(sentence, tokens, offset, own.from, own.to)).toEqual(lexemes(sentence));
      }),
    );
  });

  it('unitAt and codePointAt read what charCodeAt and codePointAt read, on strings of every form', () => {
    // flat, sliced, concatenated and internalised strings: the forms the helpers are called with
    const forms = (s: string) => [s, `${s}${s}`.slice(s.length), `x${s}`.slice(1), s + s.slice(0, 1), `${s}`];
    fc.assert(
      fc.property(text, fc.integer({ min: -1, max: 45 }), (s, i) => {
        for (const f of forms(s)) {
          expect(unitAt(f, i)).toBe(f.charCodeAt(i));
          if (i >= 0 && i < f.length) expect(codePointAt(f, i)).toBe(f.codePointAt(i));
        }
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

  it('longestFirst keeps the same spans whether overlaps are found by a scan or through the cover', () => {
    // Few candidates are compared with each kept span; many go through a cover of every offset (COVER_FROM). Both
    // must keep the same spans, merged the same way: random names on a short stretch overlap, tie and nest a lot.
    const candidate = fc
      .record({
        featureId: fc.constantFrom('a', 'b', 'c'),
        start: fc.integer({ min: 0, max: 30 }),
        length: fc.integer({ min: 1, max: 12 }),
        words: fc.integer({ min: 1, max: 3 }),
      })
      .map(
        ({ featureId, start, length, words }): Candidate => ({
          featureId,
          start,
          end: start + length,
          words,
        }),
      );
    const spans = (kept: Candidate[]) =>
      kept.map((k) => `${k.featureId}:${k.start}-${k.end}/${k.words}`).sort();
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 2, maxLength: 40 }), (cs) => {
        const scanned = longestFirst(
          cs.map((c) => ({ ...c })),
          Number.POSITIVE_INFINITY,
        );
        const covered = longestFirst(
          cs.map((c) => ({ ...c })),
          0,
        );
        expect(spans(scanned)).toEqual(spans(covered));
      }),
      { numRuns: 500 },
    );
  });

  it('BMP_LETTER is \\p{L} below U+10000 and nothing beyond', () => {
    const bmpLetter = new RegExp(`^${BMP_LETTER}$`, 'u');
    const letter = /^\p{L}$/u;
    const differ: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (bmpLetter.test(s) !== (c < 0x10000 && letter.test(s))) differ.push(c);
    }
    expect(differ).toEqual([]);
    // lone surrogates are no letters either
    expect(bmpLetter.test('\uD835')).toBe(false);
  });

  it('the period rules repeat no letter class that reaches beyond the BMP (each took ~20 ms to compile)', () => {
    const repeatedAstral = /\\p\{L\}\]?\{/;
    expect(PERIOD_PATTERNS.filter((re) => repeatedAstral.test(re.source)).map((re) => re.source)).toEqual([]);
    expect(PERIOD_PATTERNS.some((re) => re.source.includes(BMP_LETTER))).toBe(true);
  });

  it('findMojibake gives the same answer twice: its pattern is run from the start each time', () => {
    const garbled = 'РџСЂРµР·РёРґРµРЅС‚ Р·Р°СЏРІРёР»';
    const first = findMojibake(`чисто\n${garbled}`);
    expect(first).toMatchObject({ encoding: 'windows-1251', line: 2 });
    expect(findMojibake(`чисто\n${garbled}`)).toEqual(first);
    expect(findMojibake(`${garbled}\nещё ${garbled}`)).toMatchObject({ line: 1, lines: 2 });
  });

  // A leading (?<![\p{L}…]) is tried at every position of the text, \p{L} by a binary search in a C function; the
  // month patterns run on every sentence with a year, so their first word is checked first, by a lookahead.
  const monthPatterns = [...PERIOD_PATTERNS, ...EVENT_PATTERNS].filter((re) => re.source.includes('январ'));
  it('the month patterns check their first word before their lookbehind', () => {
    expect(monthPatterns.length).toBeGreaterThanOrEqual(4);
    for (const re of monthPatterns) expect(re.source, re.source).toMatch(/^\(\?=/);
  });

  it('the lookahead changes no match of the patterns that open with one', () => {
    const piece = fc.constantFrom(
      ...[
        'январе',
        'Марта',
        'мая',
        'май',
        'маршрут',
        'сентябре',
        'ДЕКАБРЯ',
        'августа',
        'июнь',
        'первом',
        'до',
        'концу',
        'ко',
      ],
      ...[
        '2025',
        '12',
        '3',
        '2024',
        'года',
        'г.',
        'году',
        '–',
        '-',
        ' ',
        '  ',
        'в',
        'к',
        'а',
        'ма',
        'ямая',
        '9-10',
      ],
    );
    const sentence = fc.array(piece, { maxLength: 14 }).map((ps) => ps.join(' '));
    const withLookahead = [...PERIOD_PATTERNS, ...EVENT_PATTERNS].filter((re) => re.source.startsWith('(?='));
    expect(withLookahead.length).toBeGreaterThan(monthPatterns.length);
    for (const re of withLookahead) {
      const without = new RegExp(re.source.replace(/^\(\?=[^()]*\)/, ''), re.flags);
      expect(without.source.startsWith('(?<!'), re.source).toBe(true);
      fc.assert(
        fc.property(sentence, (s) => {
          const found = (r: RegExp) => [...s.matchAll(r)].map((m) => [m.index, ...m]);
          expect(found(re)).toEqual(found(without));
        }),
      );
    }
  });

  it('measureIngest reports the seed articles', () => {
    const stats = measureIngest('geo/articles', 'geo');
    expect(stats.articles).toBe(5);
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.articlesPerSecond).toBeGreaterThan(0);
  });
});
