// One search over everything a reader may type: features by name and alias in either language and any inflected
// form, sentences and quotes by their words, speakers by name, and figures by their digits. Each document's keys
// are computed once; a query is then a prefix test per word, which keeps results live as the user types.
import type { Catalog } from '../data/catalog.ts';
import type { FeatureId } from '../domain/feature.ts';
import { documentKeys, queryKeys, words } from './keys.ts';

export type ResultKind = 'feature' | 'mention' | 'speaker' | 'figure';

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
  /** every word's keys */
  keys: string[][];
  /** the label words, for a bonus when a query word is a whole word of the label */
  exact: Set<string>;
}

function doc(result: Omit<SearchResult, 'score'>, texts: readonly string[]): Doc {
  const ws = texts.flatMap(words);
  return { result, keys: ws.map(documentKeys), exact: new Set(ws) };
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

  return {
    search(query, lang, limit = 8) {
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
        const f = d.result.featureId === null ? undefined : catalog.feature(d.result.featureId);
        found.push({ ...d.result, label: f ? f.properties.name[lang] : d.result.label, score });
      }
      // Best first within each kind, then at most `limit` of each kind, kinds in a fixed order.
      const order: ResultKind[] = ['feature', 'speaker', 'figure', 'mention'];
      return order.flatMap((kind) =>
        found
          .filter((r) => r.kind === kind)
          .sort((a, b) => b.score - a.score)
          .slice(0, limit),
      );
    },
  };
}
