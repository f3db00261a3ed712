// The search index looks query words up in a sorted list of keys (src/search/search-index.ts). It must answer
// exactly what testing every word of every document answers: this is that scan, as the index was before it, run
// side by side with the index on a generated corpus, for queries made from the corpus's own words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Catalog, createCatalog } from '../../src/data/catalog.ts';
import { documentKeys, queryKeys, words } from '../../src/search/keys.ts';
import {
  buildSearchIndex,
  buildSearchIndexInSlices,
  type ResultKind,
  type SearchResult,
} from '../../src/search/search-index.ts';
import { corpusAppData } from '../browser/seed-data.ts';

const work = mkdtempSync(path.join(tmpdir(), 'corridors-search-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const catalog = createCatalog(corpusAppData(path.join(work, 'articles'), 150, 11));
const index = buildSearchIndex(catalog);

interface ScanDoc {
  result: Omit<SearchResult, 'score'>;
  keys: string[][];
  exact: Set<string>;
}

/** Every document of the index, in its order, each word with its keys: the scan the index replaced. */
function scanSearch(c: Catalog): (query: string, limit?: number) => SearchResult[] {
  const doc = (result: Omit<SearchResult, 'score'>, texts: readonly string[]): ScanDoc => {
    const ws = texts.flatMap(words);
    return { result, keys: ws.map(documentKeys), exact: new Set(ws) };
  };
  const none = { mentionId: null, articleId: null, featureId: null };
  const features = c.features.map((f) =>
    doc(
      {
        ...none,
        kind: 'feature',
        id: f.properties.id,
        label: f.properties.name.ru,
        featureId: f.properties.id,
      },
      [f.properties.name.ru, f.properties.name.en, ...f.properties.aliases.ru, ...f.properties.aliases.en],
    ),
  );
  const speakers = new Map<string, ScanDoc>();
  for (const m of c.data.joined.mentions) {
    const name = m.quote?.speaker;
    if (name && !speakers.has(name))
      speakers.set(
        name,
        doc({ ...none, kind: 'speaker', id: name, label: name, mentionId: m.id, articleId: m.articleId }, [
          name,
        ]),
      );
  }
  const figures = c.figures().map((r) =>
    doc(
      {
        ...none,
        kind: 'figure',
        id: `${r.mention.id}#${r.index}`,
        label: r.figure.raw,
        mentionId: r.mention.id,
        articleId: r.mention.articleId,
      },
      [r.figure.raw, String(r.figure.value)],
    ),
  );
  const mentions = c.data.joined.mentions.map((m) =>
    doc({ ...none, kind: 'mention', id: m.id, label: m.text, mentionId: m.id, articleId: m.articleId }, [
      m.text,
    ]),
  );
  const all = [...features, ...speakers.values(), ...figures, ...mentions];
  return (query, limit = 8) => {
    const q = words(query);
    if (q.length === 0) return [];
    const qk = q.map(queryKeys);
    const found: SearchResult[] = [];
    for (const d of all) {
      let score = 0;
      const matched = qk.every((keys, i) =>
        d.keys.some((dk) => {
          const hit = keys.some((k) => dk.some((w) => w.startsWith(k)));
          if (hit) score += d.exact.has(q[i] ?? '') ? 2 : 1;
          return hit;
        }),
      );
      if (!matched) continue;
      const f = d.result.featureId === null ? undefined : c.feature(d.result.featureId);
      found.push({ ...d.result, label: f ? f.properties.name.ru : d.result.label, score });
    }
    const order: ResultKind[] = ['feature', 'speaker', 'figure', 'mention'];
    return order.flatMap((kind) =>
      found
        .filter((r) => r.kind === kind)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit),
    );
  };
}

const scan = scanSearch(catalog);
const corpusWords = [...new Set(catalog.data.joined.mentions.flatMap((m) => m.text.split(/\s+/)))];

describe('words', () => {
  it('are the runs of letters and numbers the Unicode-property regex finds, in any text', () => {
    const regexWords = (text: string) =>
      (text
        .normalize('NFC')
        .toLowerCase()
        .replaceAll('ё', 'е')
        .match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
    const mixed = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          'а',
          'Ё',
          'ё',
          'Z',
          '7',
          ' ',
          '-',
          '«',
          '\u0301',
          '\uD835\uDC00',
          '\uD800',
          '\uDC00',
          '٣',
          '𝟙',
        ),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(mixed, (text) => {
        expect(words(text)).toEqual(regexWords(text));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe('the search index against a scan of every word', () => {
  it('answers the same for prefixes of the corpus’s words, one to three of them, with any limit', () => {
    const word = fc.constantFrom(...corpusWords);
    const typed = fc.tuple(word, fc.nat()).map(([w, n]) => w.slice(0, 1 + (n % Math.max(1, w.length))));
    fc.assert(
      fc.property(
        fc.array(typed, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 30 }),
        (ws, limit) => {
          const query = ws.join(' ');
          expect(index.search(query, 'ru', limit)).toEqual(scan(query, limit));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it.each([
    'а',
    'в',
    'Ак',
    'курык',
    'btk',
    'kuryk',
    'Средним коридором',
    '547',
    '2025',
    'млн тонн',
    'qqq',
    'ё',
  ])('answers "%s" the same', (query) => {
    expect(index.search(query, 'ru')).toEqual(scan(query));
  });
});

describe('the index built a slice at a time', () => {
  const queries = ['а', 'Ак', 'курык', 'btk', 'Средним коридором', '547', 'млн тонн', 'qqq'];
  it('pauses between slices, so a page stays responsive, and answers as the index built at once', async () => {
    let pauses = 0;
    const sliced = await buildSearchIndexInSlices(
      catalog,
      async () => {
        pauses++;
      },
      0,
    );
    // every step (200 documents) is a slice when a slice may take no time
    expect(pauses).toBeGreaterThan(catalog.data.joined.mentions.length / 200);
    for (const q of queries) expect(sliced.search(q, 'ru')).toEqual(index.search(q, 'ru'));
  });

  it('of the features alone, answers features only', () => {
    const features = buildSearchIndex(catalog, ['feature']);
    for (const q of queries) {
      const all = index.search(q, 'ru');
      expect(features.search(q, 'ru')).toEqual(all.filter((r) => r.kind === 'feature'));
    }
  });
});
