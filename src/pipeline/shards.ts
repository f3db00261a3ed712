// Splits the app data into what the browser loads first and what it loads on demand (issue 8): the core (features,
// briefing, corpus summary, and what the overview and the briefing show at once), one file per feature, one per
// article, and the whole corpus without texts for the views that read everything (figures, timeline, search).
// Linear in the size of the corpus: every look-up below is through a map built once.
import type { AppData, ArticleEvent, NameSpan } from '../domain/app-data.ts';
import type { FeatureId } from '../domain/feature.ts';
import type { Article, Discrepancy, Mention } from '../domain/joined.ts';
import { articleChronology, newestFirst, panelOrder } from '../domain/mention-order.ts';
import { type CoreData, type DataShard, FEATURE_PAGE, OVERVIEW_LIMIT } from '../domain/shards.ts';
import { summarize } from '../domain/summary.ts';

export interface SplitData {
  core: CoreData;
  corpus: DataShard;
  /** each feature's mentions in pages of FEATURE_PAGE */
  features: Map<FeatureId, DataShard[]>;
  articles: Map<string, DataShard>;
}

/** The most sides a discrepancy may have to come with the first view (see the preload below). */
const PRELOAD_MAX_SIDES = 3;

/** Appends without copying the list: spreading it on every push would be quadratic in a feature's mentions. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function splitAppData(data: AppData): SplitData {
  const { articles, mentions, discrepancies } = data.joined;
  const mentionIndex = new Map(mentions.map((m, i) => [m.id, i]));
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]));
  const textOf = new Map(data.texts.map((t) => [t.articleId, t]));
  const eventsOf = new Map<string, ArticleEvent[]>();
  for (const e of data.events) push(eventsOf, e.mentionId, e);
  const disputeIndex = new Map(discrepancies.map((d, i) => [d, i]));
  const disputesOf = new Map<string, Discrepancy[]>();
  for (const d of discrepancies) for (const id of d.mentionIds) push(disputesOf, id, d);

  /**
   * The mentions, their articles, spans, events and the discrepancies they take part in; texts if asked. The other
   * sides of a discrepancy stay out: one figure may disagree with hundreds across the corpus (6,677 discrepancies
   * with up to 289 sides in the 10,000-article corpus), and copying them into every piece made the build run out
   * of memory. The discrepancy's note names every side; the corpus file has them all.
   */
  const shardOf = (
    seed: Iterable<number>,
    opts: { texts?: readonly string[]; articles?: readonly string[] } = {},
  ): DataShard => {
    const keep = new Set<number>();
    const disputes = new Set<Discrepancy>();
    for (const i of seed) {
      keep.add(i);
      for (const d of disputesOf.get((mentions[i] as Mention).id) ?? []) disputes.add(d);
    }
    const kept = [...keep].sort((a, b) => a - b).map((i) => mentions[i] as Mention);
    const articleIds = new Set([...kept.map((m) => m.articleId), ...(opts.articles ?? [])]);
    const spans: Record<string, NameSpan[]> = {};
    for (const m of kept) {
      const s = data.spans[m.id];
      if (s !== undefined) spans[m.id] = s;
    }
    return {
      articles: [...articleIds]
        .map((id) => articleIndex.get(id))
        .filter((i): i is number => i !== undefined)
        .sort((a, b) => a - b)
        .map((i) => articles[i] as Article),
      mentions: kept,
      discrepancies: [...disputes].sort((a, b) => (disputeIndex.get(a) ?? 0) - (disputeIndex.get(b) ?? 0)),
      spans,
      texts: (opts.texts ?? []).flatMap((id) => {
        const t = textOf.get(id);
        return t === undefined ? [] : [t];
      }),
      events: kept.flatMap((m) => eventsOf.get(m.id) ?? []),
    };
  };

  const byFeature = new Map<FeatureId, number[]>();
  const byArticle = new Map<string, number[]>();
  const unattached: number[] = [];
  mentions.forEach((m, i) => {
    for (const id of m.featureIds) push(byFeature, id, i);
    push(byArticle, m.articleId, i);
    if (m.featureIds.length === 0 && m.figures.length > 0) unattached.push(i);
  });

  const chronology = new Map([...articles].sort(articleChronology).map((a, i) => [a.id, i]));
  const order = panelOrder((id) => chronology.get(id) ?? 0);
  const featureShards = new Map<FeatureId, DataShard[]>();
  for (const f of data.features.features) {
    const id = f.properties.id;
    const list = [...(byFeature.get(id) ?? [])].sort((i, j) =>
      order(mentions[i] as Mention, mentions[j] as Mention),
    );
    const pages: DataShard[] = [];
    // Page 0 exists even for a feature no article names: the panel asks for it.
    for (let from = 0; from === 0 || from < list.length; from += FEATURE_PAGE)
      pages.push(shardOf(list.slice(from, from + FEATURE_PAGE)));
    featureShards.set(id, pages);
  }
  const articleShards = new Map<string, DataShard>();
  for (const a of articles)
    articleShards.set(a.id, shardOf(byArticle.get(a.id) ?? [], { texts: [a.id], articles: [a.id] }));

  const newest = [...articles].sort(newestFirst);
  const rank = new Map(newest.map((a, i) => [a.id, i]));
  // The newest unattached figure sentences: by article date, then in reading order.
  const newestUnattached = [...unattached]
    .sort((i, j) => {
      const a = mentions[i] as Mention;
      const b = mentions[j] as Mention;
      return (rank.get(a.articleId) ?? 0) - (rank.get(b.articleId) ?? 0) || i - j;
    })
    .slice(0, OVERVIEW_LIMIT);
  const briefingMentions = data.briefing.steps.flatMap((s) => [
    ...s.mentions,
    ...s.figures.map((f) => f.mention),
  ]);
  const seedMentions = [
    ...briefingMentions.map((id) => mentionIndex.get(id)).filter((i): i is number => i !== undefined),
    ...newestUnattached,
  ];
  // The overview and the briefing show a disputed figure with the other sides beside it, so the first view holds
  // those discrepancies with their sides' mentions, but only the small ones: one figure may disagree with hundreds
  // across a large corpus, and their notes and sides would make the first view grow with it (27 KB gzip of 21
  // discrepancies at 10,000 articles). The larger ones come with a feature's or an article's file, and briefing
  // mode fetches the whole corpus.
  const small = new Set<number>();
  for (const i of seedMentions)
    for (const d of disputesOf.get((mentions[i] as Mention).id) ?? [])
      if (d.mentionIds.length <= PRELOAD_MAX_SIDES)
        for (const side of d.mentionIds) {
          const j = mentionIndex.get(side);
          if (j !== undefined) small.add(j);
        }
  const withDisputes = shardOf([...seedMentions, ...small], {
    articles: newest.slice(0, OVERVIEW_LIMIT).map((a) => a.id),
  });
  const preload: DataShard = {
    ...withDisputes,
    discrepancies: withDisputes.discrepancies.filter((d) => d.mentionIds.length <= PRELOAD_MAX_SIDES),
  };

  return {
    core: {
      features: data.features,
      briefing: data.briefing,
      summary: summarize(data),
      preload,
    },
    corpus: {
      articles,
      mentions,
      discrepancies,
      spans: data.spans,
      texts: [],
      events: data.events,
    },
    features: featureShards,
    articles: articleShards,
  };
}
