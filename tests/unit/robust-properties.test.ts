// Issue 7, acceptance 2: property-based tests of the build-time pipeline. Whatever the bytes or the text, each
// step gives a result or a clear problem, never an uncaught exception, and within a time bound (a catastrophic
// regular expression shows up here as a slow run: see tech-notes, "Regular expressions and untrusted text").
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAppData } from '../../src/pipeline/app-data.ts';
import { BUG_HINT, readArticle, readArticleText } from '../../src/pipeline/article-file.ts';
import { ArticleFormatError, parseArticle } from '../../src/pipeline/articles.ts';
import { decodeArticleBytes, strictUtf8 } from '../../src/pipeline/decode.ts';
import type { ByteFile } from '../../src/pipeline/load.ts';
import { findMojibake } from '../../src/pipeline/mojibake.ts';
import { hasErrors, type Issue } from '../../src/pipeline/problems.ts';
import { validateGeo } from '../../src/pipeline/validate.ts';
import { legacy, utf8 } from '../fixtures/robust/inputs.ts';

/** Per run, for inputs of up to a few tens of thousands of characters; generous for a slow CI machine. */
const MAX_MS_PER_RUN = 3000;

function timed<T>(f: () => T): T {
  const started = performance.now();
  const result = f();
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_RUN);
  return result;
}

// ------------------------------------------------------------------------------------------------------------
// Inputs

const RU_LOWER = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const ruWord = fc
  .tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(...RU_LOWER), minLength: 2, maxLength: 10 }))
  .map(([capital, w]) => (capital ? w.charAt(0).toUpperCase() + w.slice(1) : w));

/** Pieces articles are made of, including the ones that have broken parsers before. */
const FRAGMENTS = [
  ' date 2025-10-21 ',
  'Дата: ',
  'title: "Заголовок"\n',
  'tags: x\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  ' ',
  '\u00a0',
  '\u2009',
  '\u200b',
  '\ufeff',
  '«',
  '»',
  '"',
  '„',
  '“',
  '”',
  '(',
  ')',
  '.',
  ',',
  ':',
  ' – ',
  '-',
  '/Trend/',
  'БАКУ /Trend/ - ',
  'сообщает Kazinform.',
  'Порт Курык',
  'порта Актау',
  'Баку-Тбилиси-Карс',
  'Среднего (Транскаспийского) коридора',
  'ВОЛС',
  'по дну Каспийского моря',
  '1 500',
  '1\u00a0500',
  '3,5 млн тонн',
  '547 млн долларов',
  'в 6 раз',
  'на 20%',
  'в 2024 году',
  'к 2030 году',
  'полтора миллиона',
  'Президент',
  'сказал',
  'заявил он',
  'Автор: Иван Петров',
  'Aктау',
  'SОCAR',
  'СОР29',
];
/** Pieces that make a file fail (or warn) on their own: rarer, so that most runs reach the join. */
const POISON = [
  ' date 2025-02-30 ',
  'date 21.10.2025 ',
  '---\n',
  'РџСЂРµР·РёРґРµРЅС‚',
  '\u0007',
  '\u001a',
  '\u0000',
];

const fragment = fc.oneof(
  { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 60 },
  { arbitrary: ruWord, weight: 40 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 10 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 10 },
  { arbitrary: fc.constantFrom(...POISON), weight: 1 },
);
const fragments = (maxLength: number) => fc.array(fragment, { maxLength }).map((parts) => parts.join(''));

/**
 * Article-like text: mostly a valid date line then fragments; sometimes no date line, or one fragment repeated
 * into a long line, or any string at all.
 */
const articleText = fc.oneof(
  { arbitrary: fragments(120).map((t) => ` date 2025-10-21 ${t}`), weight: 6 },
  { arbitrary: fragments(120), weight: 2 },
  {
    arbitrary: fc
      .tuple(
        fc.array(fragment, { maxLength: 40 }),
        fc.constantFrom(...FRAGMENTS),
        fc.integer({ min: 1, max: 3000 }),
      )
      .map(([parts, long, n]) => ` date 2025-10-21 ${parts.join('')}${long.repeat(n)}`),
    weight: 1,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 400 }), weight: 1 },
);

/** Article text that is mostly well formed: what the join must survive. */
const likelyArticle = fragments(120).map((t) => utf8(` date 2025-10-21 ${t}`));

const articleBytes = fc.oneof(
  articleText.map(utf8),
  fc.uint8Array({ maxLength: 2000 }),
  articleText.map((t) =>
    legacy(
      'windows-1251',
      [...t].filter((c) => c.charCodeAt(0) < 0x80 || /[а-яёА-ЯЁ«»–—№]/.test(c)).join(''),
    ),
  ),
);

// ------------------------------------------------------------------------------------------------------------
// Checks every result must pass

function checkIssues(issues: readonly Issue[]): void {
  for (const issue of issues) {
    expect(issue.message).not.toBe('');
    expect(issue.hint).not.toBe(BUG_HINT); // an "internal error": the parser threw something unexpected
    if (issue.line !== undefined) expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
    if (issue.level === 'error') expect(issue.hint).toBeDefined();
  }
}

// ------------------------------------------------------------------------------------------------------------

describe('parseArticle on any text', () => {
  it('returns an article or throws ArticleFormatError with a line', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        try {
          timed(() => parseArticle('a.txt', text));
        } catch (e) {
          expect(e).toBeInstanceOf(ArticleFormatError);
          expect((e as ArticleFormatError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('readArticle on any bytes', () => {
  it('never throws: a parsed article exactly when no issue is an error', () => {
    let parsed = 0;
    fc.assert(
      fc.property(articleBytes, (bytes) => {
        const read = timed(() => readArticle('a.txt', bytes));
        checkIssues(read.issues);
        expect(read.parsed === null).toBe(hasErrors(read.issues));
        if (read.parsed !== null) parsed++;
      }),
      { numRuns: 400 },
    );
    // the inputs must reach the parser's happy path often, or the property says little
    expect(parsed).toBeGreaterThan(400 * 0.2);
  });

  it('never throws on decoded text either', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const read = timed(() => readArticleText('a.txt', text));
        checkIssues(read.issues);
        expect(read.parsed === null).toBe(hasErrors(read.issues));
      }),
      { numRuns: 400 },
    );
  });
});

describe('decoding', () => {
  const russian = fc
    .array(fc.tuple(ruWord, fc.constantFrom(' ', ', ', '. ', ' «', '» ', ' – ', '\n')), {
      minLength: 1,
      maxLength: 40,
    })
    .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

  it('reads Windows-1251 Russian text back exactly, with a warning', () => {
    fc.assert(
      fc.property(russian, (text) => {
        const decoded = decodeArticleBytes(legacy('windows-1251', text));
        expect(decoded.text).toBe(text);
        expect(decoded.issues.map((i) => i.message)).toEqual([
          expect.stringMatching(/decoded as Windows-1251/),
        ]);
      }),
    );
  });

  it('reads UTF-8 exactly, with no issue', () => {
    fc.assert(
      fc.property(russian, (text) => {
        expect(decodeArticleBytes(utf8(text))).toEqual({ text, encoding: 'utf-8', issues: [] });
      }),
    );
  });

  it('decodes strict UTF-8 as the fatal TextDecoder does, on any bytes', () => {
    // The fast path (simdutf's check, ICU's conversion) against the decoder it replaces: valid text with and
    // without a byte-order mark, any string (lone surrogates become U+FFFD in UTF-8), and the same bytes damaged.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const reference = (b: Uint8Array) => {
      try {
        return decoder.decode(b);
      } catch {
        return null;
      }
    };
    const bytes = fc.oneof(
      fc.string({ unit: 'binary' }).map((t) => new TextEncoder().encode(t)),
      fc
        .string({ unit: 'binary' })
        .map((t) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])),
      fc
        .tuple(fc.string({ unit: 'binary', minLength: 1 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
        .map(([t, at, byte]) => {
          const b = new TextEncoder().encode(t);
          b[at % b.length] = byte;
          return b;
        }),
      fc.uint8Array({ maxLength: 64 }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        expect(strictUtf8(b)).toBe(reference(b));
        // a view into a larger buffer reads only its own bytes
        const padded = new Uint8Array(b.length + 8);
        padded.set(b, 4);
        expect(strictUtf8(padded.subarray(4, 4 + b.length))).toBe(reference(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds no mojibake in Russian text, and always finds it once the text is garbled', () => {
    const garble = (t: string) => new TextDecoder('windows-1251').decode(utf8(t));
    fc.assert(
      fc.property(russian, (text) => {
        expect(findMojibake(text)).toBeNull();
        const longest = Math.max(...(text.match(/[а-яёА-ЯЁ]+/g) ?? ['']).map((w) => w.length));
        const found = findMojibake(garble(text));
        if (longest >= 3) {
          expect(found).not.toBeNull();
          expect(text).toContain(found?.repaired);
        }
      }),
    );
  });
});

// ------------------------------------------------------------------------------------------------------------

const GEO = path.resolve(import.meta.dirname, '../../geo');
const geoFile = (file: string): ByteFile => ({
  path: `geo/${file}`,
  file,
  bytes: new Uint8Array(readFileSync(path.join(GEO, file))),
});
const REAL_GEO = readdirSync(GEO)
  .filter((f) => f.endsWith('.geojson'))
  .sort()
  .map(geoFile);
const REFS = geoFile('reference-points.json');

describe('buildAppData on random article files against the real geo/', () => {
  it('gives data or errors, never an exception, and one article per file without errors', () => {
    let joined = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(likelyArticle, articleBytes), { minLength: 1, maxLength: 3 }),
        (contents) => {
          const articles: ByteFile[] = contents.map((bytes, i) => ({
            path: `geo/articles/${i}.txt`,
            file: `${i}.txt`,
            bytes,
          }));
          const result = timed(() => buildAppData({ geo: REAL_GEO, referencePoints: REFS, articles }));
          expect(result.data === null).toBe(hasErrors(result.problems));
          for (const p of result.problems) expect(p.hint).not.toBe(BUG_HINT);
          if (result.data !== null) {
            joined++;
            expect(result.data.joined.articles).toHaveLength(articles.length);
            expect(() => JSON.stringify(result.data)).not.toThrow();
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(joined).toBeGreaterThan(60 * 0.2);
  });
});

describe('validateGeo on any text', () => {
  it('reports problems, never throws', () => {
    const geoText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc
        .record({
          type: fc.constantFrom('FeatureCollection', 'Feature', 'x'),
          features: fc.jsonValue({ maxDepth: 4 }),
        })
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(geoText, (text) => {
        const result = timed(() => validateGeo([{ file: 'geo/x.geojson', text }], null));
        expect(Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
