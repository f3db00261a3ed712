// One search over everything a reader may type: features by name and alias in either language and any inflected
// form, sentences and quotes by their words, speakers by name, and figures by their digits. A document matches
// when every query word is a prefix of one of its words' keys (the word and its stem, keys.ts). The keys are kept
// in one sorted list with the documents under each, so a query word looks up its range of keys instead of testing
// every word of every document: at 10,000 articles (about 100,000 sentences) that scan took 60–600 ms a keystroke,
// and 5 s to build, most of it stemming the same words again and again.
import { type Catalog, figureKey } from '../data/catalog.ts';
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

type Result = Omit<SearchResult, 'score'>;

export interface SearchIndex {
  search(query: string, lang: 'ru' | 'en', limit?: number): SearchResult[];
}

/**
 * An index built on its first search, not when the page loads: stemming every document takes some 20–30 ms of
 * the main thread, which the map's first frames need more, and many readers never search.
 */
export function lazySearchIndex(build: () => SearchIndex): SearchIndex & { readonly built: boolean } {
  let built: SearchIndex | null = null;
  return {
    search: (query, lang, limit) => {
      built ??= build();
      return built.search(query, lang, limit);
    },
    get built() {
      return built !== null;
    },
  };
}

/** The whole index at once. */
export function buildSearchIndex(catalog: Catalog, kinds: readonly ResultKind[] = KINDS): SearchIndex {
  const steps = indexSteps(catalog, kinds);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The index built a slice at a time, `sliceMs` of work and then `pause()` (the next task), so that a page can
 * build it over ten thousand articles (about 2 s of work) without freezing.
 */
export async function buildSearchIndexInSlices(
  catalog: Catalog,
  pause: () => Promise<void> = nextTask,
  sliceMs = 8,
): Promise<SearchIndex> {
  const steps = indexSteps(catalog, KINDS);
  for (let start = performance.now(); ; ) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() - start >= sliceMs) {
      await pause();
      start = performance.now();
    }
  }
}

/** A timeout of 0: input, rendering and the map's frames run before the next slice. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Documents between two steps of the build. */
const STEP = 200;

/** The build, in steps of STEP documents; returns the index. */
function* indexSteps(catalog: Catalog, kinds: readonly ResultKind[]): Generator<void, SearchIndex> {
  const builder = new IndexBuilder();
  const results: Result[] = [];
  for (const [result, texts] of documents(catalog)) {
    if (!kinds.includes(result.kind)) continue;
    builder.add(results.length, texts.flatMap(words));
    results.push(result);
    if (results.length % STEP === 0) yield;
  }
  yield;
  return searchOver(catalog, results, builder.finish());
}

/** Every document in KINDS order, with the texts it is found by. */
function* documents(catalog: Catalog): Generator<[Result, string[]]> {
  for (const f of catalog.features) {
    const p = f.properties;
    yield [
      result('feature', p.id, p.name.ru, null, null, p.id),
      [p.name.ru, p.name.en, ...p.aliases.ru, ...p.aliases.en],
    ];
  }
  const mentions = catalog.data.joined.mentions;
  const speakers = new Set<string>();
  for (const m of mentions) {
    const name = m.quote?.speaker;
    if (!name || speakers.has(name)) continue;
    speakers.add(name);
    yield [result('speaker', name, name, m.id, m.articleId, null), [name]];
  }
  for (const r of catalog.figures()) {
    const m = r.mention;
    const id = figureKey(r);
    yield [
      result('figure', id, r.figure.raw, m.id, m.articleId, null),
      [r.figure.raw, String(r.figure.value)],
    ];
  }
  for (const m of mentions) yield [result('mention', m.id, m.text, m.id, m.articleId, null), [m.text]];
}

function result(
  kind: ResultKind,
  id: string,
  label: string,
  mentionId: string | null,
  articleId: string | null,
  featureId: FeatureId | null,
): Result {
  return { kind, id, label, mentionId, articleId, featureId };
}

function searchOver(catalog: Catalog, all: readonly Result[], index: InvertedIndex): SearchIndex {
  const kindOf = Uint8Array.from(all, (r) => KINDS.indexOf(r.kind));
  // Documents are in KINDS order, each kind one run: kindEnd[k] is the first document after kind k's.
  const kindEnd = new Int32Array(KINDS.length);
  for (let k = 0, d = 0; k < KINDS.length; k++) {
    while (d < kindOf.length && (kindOf[d] as number) <= k) d++;
    kindEnd[k] = d;
  }
  return {
    search(query, lang, limit = 8) {
      const q = words(query);
      if (q.length === 0) return [];
      // Every query word must match; each adds 2 where it is a whole word of the document, else 1.
      let candidates: Int32Array | null = null;
      const exact: Int32Array[] = [];
      for (const word of q) {
        const keys = queryKeys(word);
        candidates =
          candidates === null ? index.docsWithPrefix(keys) : index.docsWithPrefixAmong(keys, candidates);
        if (candidates.length === 0) return [];
        exact.push(index.docsWithWord(word));
      }
      const found = candidates ?? new Int32Array(0);
      // Best first within each kind (ties in document order), at most `limit` of each, kinds in a fixed order.
      // One walk over the candidates in document order scores each (the words' exact lists are walked alongside)
      // and keeps the first `limit` of each kind and score: all that can be shown. Once a kind has `limit` of the
      // best score there is, the walk jumps to the next kind. A short prefix ("по") takes in most documents, and
      // these walks ran before V8 had compiled them: the slowest keystrokes of a session.
      const best = Math.min(255, 2 * q.length);
      /** picked documents, by kind (its index in KINDS) × 256 + score */
      const picked = new Map<number, number[]>();
      const at = new Int32Array(exact.length);
      for (let c = 0; c < found.length; ) {
        const d = found[c] as number;
        let s = 0;
        for (let w = 0; w < exact.length; w++) {
          const list = exact[w] as Int32Array;
          let e = at[w] as number;
          while (e < list.length && (list[e] as number) < d) e++;
          at[w] = e;
          s += list[e] === d ? 2 : 1;
        }
        s = Math.min(255, s);
        const kind = kindOf[d] as number;
        const key = kind * 256 + s;
        let docs = picked.get(key);
        if (docs === undefined) {
          docs = [];
          picked.set(key, docs);
        }
        if (docs.length < limit) docs.push(d);
        if (s === best && docs.length === limit) {
          // this kind is full of the best score: on to the first candidate of the next kind
          c = lowerBound(found, kindEnd[kind] as number, c + 1);
          for (let w = 0; w < exact.length; w++) {
            const list = exact[w] as Int32Array;
            at[w] = lowerBound(list, found[c] ?? list.length, at[w] as number);
          }
        } else c++;
      }
      return KINDS.flatMap((_, kind) => {
        const out: SearchResult[] = [];
        for (let s = best; s >= 1 && out.length < limit; s--) {
          for (const d of picked.get(kind * 256 + s) ?? []) {
            if (out.length === limit) break;
            const r = all[d] as Result;
            const f = r.featureId === null ? undefined : catalog.feature(r.featureId);
            out.push({ ...r, label: f ? f.properties.name[lang] : r.label, score: s });
          }
        }
        return out;
      });
    },
  };
}

interface InvertedIndex {
  /** the documents with a key that starts with any of `prefixes`, ascending */
  docsWithPrefix(prefixes: readonly string[]): Int32Array;
  /**
   * Those of `among` (ascending) with a key that starts with any of `prefixes`, ascending: the second word of
   * "порта К" keeps the first word's few hundred documents instead of listing the ~80,000 with a "к…" key and
   * intersecting.
   */
  docsWithPrefixAmong(prefixes: readonly string[], among: Int32Array): Int32Array;
  /** the documents that have `word` itself among their words, ascending */
  docsWithWord(word: string): Int32Array;
}

/** The keys of every document's words, with the documents under each key; documents are added in order. */
class IndexBuilder {
  private readonly byKey = new Map<string, number[]>();
  private readonly byWord = new Map<string, number[]>();
  /** documentKeys per distinct word: Snowball stemming is most of the cost of building */
  private readonly keysOf = new Map<string, string[]>();
  private count = 0;

  add(d: number, words: readonly string[]): void {
    for (const w of words) {
      let keys = this.keysOf.get(w);
      if (keys === undefined) {
        keys = documentKeys(w);
        this.keysOf.set(w, keys);
      }
      for (const k of keys) addTo(this.byKey, k, d);
      addTo(this.byWord, w, d);
    }
    this.count = d + 1;
  }

  finish(): InvertedIndex {
    const terms = [...this.byKey.keys()].sort();
    // Every key's documents in one array, key after key in the keys' order: the keys that start with a prefix are
    // one run of the sorted list, so their documents are one run of this array, read by a plain indexed loop.
    // A short prefix ("п") takes in thousands of keys, and the first keystrokes run before V8 has compiled the
    // loop: walking a typed array per key with for…of took ~40 ms there at 10,000 articles.
    const starts = new Int32Array(terms.length + 1);
    for (let i = 0; i < terms.length; i++)
      starts[i + 1] = (starts[i] as number) + (this.byKey.get(terms[i] as string)?.length ?? 0);
    const postings = new Int32Array(starts[terms.length] as number);
    for (let i = 0; i < terms.length; i++) postings.set(this.byKey.get(terms[i] as string) ?? [], starts[i]);
    const wordPostings = new Map([...this.byWord].map(([w, list]) => [w, Int32Array.from(list)]));
    const seen = new Uint8Array(this.count);
    /** the postings of the keys that start with `prefix`: one run of `postings` */
    const run = (prefix: string): [number, number] => {
      const first = lowerBound(terms, prefix);
      let last = first;
      while (last < terms.length && (terms[last] as string).startsWith(prefix)) last++;
      return [starts[first] as number, starts[last] as number];
    };
    const none = new Int32Array(0);
    return {
      // Both walk the postings with one function, so the second word of the first query ("порта К") runs the
      // loop the first keystrokes have already made hot: as a loop of its own it took 20–60 ms there, cold.
      docsWithPrefix(prefixes) {
        seen.fill(1);
        let count = 0;
        for (const prefix of prefixes) count += markRun(postings, seen, run(prefix));
        // read back in document order: no sort
        const out = new Int32Array(count);
        for (let d = 0, k = 0; k < count; d++) if (seen[d] === 2) out[k++] = d;
        return out;
      },
      docsWithPrefixAmong(prefixes, among) {
        seen.fill(0);
        for (let i = 0; i < among.length; i++) seen[among[i] as number] = 1;
        let count = 0;
        for (const prefix of prefixes) count += markRun(postings, seen, run(prefix));
        const out = new Int32Array(count);
        for (let i = 0, k = 0; k < count; i++)
          if (seen[among[i] as number] === 2) out[k++] = among[i] as number;
        return out;
      },
      docsWithWord(word) {
        return wordPostings.get(word) ?? none;
      },
    };
  }
}

/** Marks 1 → 2 the documents of `postings[from..to)`; how many it marked. */
function markRun(postings: Int32Array, seen: Uint8Array, [from, to]: readonly [number, number]): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const d = postings[k] as number;
    if (seen[d] === 1) {
      seen[d] = 2;
      count++;
    }
  }
  return count;
}

function addTo(map: Map<string, number[]>, key: string, d: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [d]);
  // documents are added in order, so a repeat within one document is always the last entry
  else if (list[list.length - 1] !== d) list.push(d);
}

/**
 * The first index from `from` of the ascending `list` whose item is not below `key`: the sorted keys (code unit
 * order, as Array#sort) and the ascending document lists alike.
 */
function lowerBound<T extends string | number>(list: ArrayLike<T>, key: T, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
