// One search over everything a reader may type: features by name and alias in either language and any inflected
// form, sentences and quotes by their words, speakers by name, and figures by their digits. A document matches
// when every query word is a prefix of one of its words' keys (the word and its stem, keys.ts). The keys are kept
// in one sorted list with the documents under each, so a query word looks up its range of keys instead of testing
// every word of every document: at 10,000 articles (about 100,000 sentences) that scan took 60–600 ms a keystroke,
// and 5 s to build, most of it stemming the same words again and again.
import type { Catalog } from '../data/catalog.ts';
import type { FeatureId } from '../domain/feature.ts';
import { documentKeys, queryKeys, words } from './keys.ts';

export type ResultKind = 'feature' | 'mention' | 'speaker' | 'figure';
/** The order of the kinds in the results, and of the documents in the index. */
const KINDS: readonly ResultKind[] = ['feature', 'speaker', 'figure', 'mention'];

export interface SearchResult {
  kind: ResultKind;
  /** a feature id, a mention id, or a speaker's name */
  id: string;
  /** what to show */
  label: string;
  /** for mentions, speakers and figures: the mention to open */
  mentionId: string | null;
  articleId: string | null;
  featureId: FeatureId | null;
  score: number;
}

interface Doc {
  result: Omit<SearchResult, 'score'>;
  /** its words: lower case, ё as е (keys.ts) */
  words: string[];
}

function doc(result: Omit<SearchResult, 'score'>, texts: readonly string[]): Doc {
  return { result, words: texts.flatMap(words) };
}

export interface SearchIndex {
  search(query: string, lang: 'ru' | 'en', limit?: number): SearchResult[];
}

/**
 * An index built on its first search, not when the page loads: stemming every document takes some 20–30 ms of
 * the main thread, which the map's first frames need more, and many readers never search.
 */
export function lazySearchIndex(build: () => SearchIndex): SearchIndex {
  let built: SearchIndex | null = null;
  return {
    search: (query, lang, limit) => {
      built ??= build();
      return built.search(query, lang, limit);
    },
  };
}

export function buildSearchIndex(catalog: Catalog): SearchIndex {
  const features: Doc[] = catalog.features.map((f) =>
    doc(
      {
        kind: 'feature',
        id: f.properties.id,
        label: f.properties.name.ru,
        mentionId: null,
        articleId: null,
        featureId: f.properties.id,
      },
      [f.properties.name.ru, f.properties.name.en, ...f.properties.aliases.ru, ...f.properties.aliases.en],
    ),
  );
  const mentions: Doc[] = catalog.data.joined.mentions.map((m) =>
    doc(
      { kind: 'mention', id: m.id, label: m.text, mentionId: m.id, articleId: m.articleId, featureId: null },
      [m.text],
    ),
  );
  const speakers = new Map<string, Doc>();
  for (const m of catalog.data.joined.mentions) {
    const name = m.quote?.speaker;
    if (name && !speakers.has(name)) {
      speakers.set(
        name,
        doc(
          {
            kind: 'speaker',
            id: name,
            label: name,
            mentionId: m.id,
            articleId: m.articleId,
            featureId: null,
          },
          [name],
        ),
      );
    }
  }
  const figures: Doc[] = catalog.figures().map((r) =>
    doc(
      {
        kind: 'figure',
        id: `${r.mention.id}#${r.index}`,
        label: r.figure.raw,
        mentionId: r.mention.id,
        articleId: r.mention.articleId,
        featureId: null,
      },
      [r.figure.raw, String(r.figure.value)],
    ),
  );
  const all = [...features, ...speakers.values(), ...figures, ...mentions];
  const index = invertedIndex(all);
  const kindOf = Uint8Array.from(all, (d) => KINDS.indexOf(d.result.kind));

  return {
    search(query, lang, limit = 8) {
      const q = words(query);
      if (q.length === 0) return [];
      // Every query word must match; each adds 2 where it is a whole word of the document, else 1.
      let candidates: Int32Array | null = null;
      const score = new Uint8Array(all.length);
      for (const word of q) {
        const matched = index.docsWithPrefix(queryKeys(word));
        candidates = candidates === null ? matched : intersect(candidates, matched);
        if (candidates.length === 0) return [];
        const exact = index.docsWithWord(word);
        // both ascending: one walk finds which candidates have the word itself
        let e = 0;
        for (const d of candidates) {
          while (e < exact.length && (exact[e] as number) < d) e++;
          score[d] = Math.min(255, (score[d] as number) + (exact[e] === d ? 2 : 1));
        }
      }
      // Best first within each kind (ties in document order), at most `limit` of each, kinds in a fixed order.
      // Candidates come in document order, so the first `limit` of each kind and score are all that can be shown.
      const picked: { d: number; s: number; kind: number }[] = [];
      /** how many are picked, by kind (its index in KINDS) × 256 + score */
      const taken = new Uint32Array(KINDS.length * 256);
      for (const d of candidates ?? []) {
        const kind = kindOf[d] as number;
        const s = score[d] as number;
        const key = kind * 256 + s;
        if ((taken[key] as number) >= limit) continue;
        taken[key] = (taken[key] as number) + 1;
        picked.push({ d, s, kind });
      }
      return KINDS.flatMap((_, kind) =>
        picked
          .filter((p) => p.kind === kind)
          .sort((x, y) => y.s - x.s)
          .slice(0, limit)
          .map(({ d, s }) => {
            const r = (all[d] as Doc).result;
            const f = r.featureId === null ? undefined : catalog.feature(r.featureId);
            return { ...r, label: f ? f.properties.name[lang] : r.label, score: s };
          }),
      );
    },
  };
}

interface InvertedIndex {
  /** the documents with a key that starts with any of `prefixes`, ascending */
  docsWithPrefix(prefixes: readonly string[]): Int32Array;
  /** the documents that have `word` itself among their words, ascending */
  docsWithWord(word: string): Int32Array;
}

function invertedIndex(docs: readonly Doc[]): InvertedIndex {
  const byKey = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  /** documentKeys per distinct word: Snowball stemming is most of the cost of building */
  const keysOf = new Map<string, string[]>();
  const add = (map: Map<string, number[]>, key: string, d: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [d]);
    // documents are added in order, so a repeat within one document is always the last entry
    else if (list[list.length - 1] !== d) list.push(d);
  };
  docs.forEach((doc, d) => {
    for (const w of doc.words) {
      let keys = keysOf.get(w);
      if (keys === undefined) {
        keys = documentKeys(w);
        keysOf.set(w, keys);
      }
      for (const k of keys) add(byKey, k, d);
      add(byWord, w, d);
    }
  });
  const terms = [...byKey.keys()].sort();
  const postings = terms.map((t) => Int32Array.from(byKey.get(t) ?? []));
  const wordPostings = new Map([...byWord].map(([w, list]) => [w, Int32Array.from(list)]));
  const seen = new Uint8Array(docs.length);
  const none = new Int32Array(0);
  return {
    docsWithPrefix(prefixes) {
      seen.fill(0);
      let count = 0;
      for (const prefix of prefixes) {
        // the keys that start with `prefix` are one run of the sorted list
        for (let i = lowerBound(terms, prefix); terms[i]?.startsWith(prefix) === true; i++) {
          for (const d of postings[i] as Int32Array) {
            count += 1 - (seen[d] as number);
            seen[d] = 1;
          }
        }
      }
      // read back in document order: no sort
      const out = new Int32Array(count);
      for (let d = 0, k = 0; k < count; d++) if (seen[d] === 1) out[k++] = d;
      return out;
    },
    docsWithWord(word) {
      return wordPostings.get(word) ?? none;
    },
  };
}

/** The first index of the sorted `list` whose item is not below `key` (code unit order, as Array#sort). */
function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of two ascending lists that are in both, ascending. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) out.push(x);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return Int32Array.from(out);
}
