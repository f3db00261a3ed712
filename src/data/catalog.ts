// Look-ups over the data loaded so far: features by id, mentions by feature and by article. The data arrives in
// pieces (src/data/loader.ts); `merge` adds a piece in place, so every holder of the catalog sees it, and the
// indexes are rebuilt only when records (not just an article's text) arrived.

import type { Feature, Geometry } from 'geojson';
import type { AppData, ArticleText, BuiltProperties, NameSpan } from '../domain/app-data.ts';
import { compareStrings } from '../domain/compare-strings.ts';
import type { FeatureId } from '../domain/feature.ts';
import type { Article, Discrepancy, Figure, Mention, Period } from '../domain/joined.ts';
import { articleChronology, readingOrder } from '../domain/mention-order.ts';
import type { CorpusSummary, DataShard } from '../domain/shards.ts';
import { summarize } from '../domain/summary.ts';
import { type ComparableFigures, comparableFigures } from '../pipeline/compare.ts';

/** One figure with where it came from: figures have no id in the contract, so (mention, index) names them. */
export interface FigureRef {
  mention: Mention;
  figure: Figure;
  index: number;
}

/** The same figure: the same mention and place in it. */
export const sameRef = (a: FigureRef, b: FigureRef): boolean =>
  a.mention.id === b.mention.id && a.index === b.index;

/** A figure's key, `<mention id>#<index>`: what the charts and the search tell figures apart by. */
export const figureKey = (r: FigureRef): string => `${r.mention.id}#${r.index}`;

export type BuiltFeature = Feature<Geometry, BuiltProperties>;

export interface Catalog {
  /** what is loaded so far */
  data: AppData;
  /** the whole corpus in numbers, whatever is loaded */
  summary: CorpusSummary;
  /** adds a piece of the data in place; true when it held anything new */
  merge(shard: DataShard): boolean;
  features: readonly BuiltFeature[];
  feature(id: FeatureId): BuiltFeature | undefined;
  article(id: string): Article | undefined;
  text(articleId: string): ArticleText | undefined;
  mention(id: string): Mention | undefined;
  /** mentions naming this feature itself, oldest article first */
  mentionsOf(id: FeatureId): Mention[];
  /** spans naming `featureId` in a mention's sentence */
  spansOf(mentionId: string, featureIds: readonly FeatureId[]): NameSpan[];
  /** sentences with figures that name no feature: they belong to the overview */
  unattachedFigureMentions(): Mention[];
  /** features an article names, in first-mention order */
  featuresOfArticle(articleId: string): FeatureId[];
  /** the feature itself, or for a composite its parts: what the map highlights for a selection */
  drawnMembers(id: FeatureId): FeatureId[];
  /** every figure of the corpus, in mention order */
  figures(): FigureRef[];
  /** the discrepancies a figure takes part in */
  discrepanciesOf(ref: FigureRef): Discrepancy[];
  /** the figures a discrepancy sets against each other, one per mention */
  sidesOf(d: Discrepancy): FigureRef[];
  /** its figures grouped for the disagreement search: what a filtered view searches (filter-catalog.ts) */
  comparableFigures(): ComparableFigures;
}

// Periods are YYYY or YYYY-MM; comparing with '~' appended makes "2024" cover every "2024-MM".
const overlaps = (a: Period, b: Period) => a.from <= `${b.to}~` && b.from <= `${a.to}~`;

/**
 * The contract names a discrepancy's mentions, not its figures; a mention may hold several figures of the metric
 * (470 млн in 2024 and 547 млн in 2025 in one sentence). Each side is the mention's actual figure of that metric
 * that fits the discrepancy's period, and among several, the one closest in value to the other sides.
 */
function resolveSides(d: Discrepancy, mention: (id: string) => Mention | undefined): FigureRef[] {
  // Plain loops, and the closest figure looked for only where a mention has several that fit (rarely): at 10,000
  // articles the disagreements have ~65,000 sides.
  const candidates: FigureRef[][] = [];
  let several = false;
  for (const id of d.mentionIds) {
    const own: FigureRef[] = [];
    const m = mention(id);
    if (m !== undefined)
      for (let index = 0; index < m.figures.length; index++) {
        const figure = m.figures[index] as Figure;
        if (
          figure.metric === d.metric &&
          figure.kind === 'actual' &&
          (d.period === null || figure.period === null || overlaps(figure.period, d.period))
        )
          own.push({ mention: m, figure, index });
      }
    if (own.length > 1) several = true;
    candidates.push(own);
  }
  if (!several) return candidates.flat();
  // The first of the closest, as a stable sort by distance would pick; without copying the other sides for each
  // (a disagreement may have hundreds).
  const distance = (r: FigureRef, i: number) => {
    let d = Number.POSITIVE_INFINITY;
    candidates.forEach((other, j) => {
      if (j !== i) for (const o of other) d = Math.min(d, Math.abs(o.figure.value - r.figure.value));
    });
    return d;
  };
  return candidates.flatMap((own, i) => {
    if (own.length <= 1) return own;
    let best = own[0] as FigureRef;
    let bestDistance = distance(best, i);
    for (const r of own.slice(1)) {
      const d = distance(r, i);
      if (d < bestDistance) {
        best = r;
        bestDistance = d;
      }
    }
    return [best];
  });
}

/** Which figures each disagreement sets against each other, and which disagreements each figure is in. */
export interface DisputeIndex {
  sidesOf(d: Discrepancy): FigureRef[];
  discrepanciesOf(ref: FigureRef): Discrepancy[];
}

/**
 * Disagreements by mention, their sides resolved when first asked for: at 10,000 articles resolving all ~65,000
 * sides up front was ~0.15 s of the corpus's arrival and of every change of filters, and a panel asks for a few.
 */
export function indexDisputes(
  discrepancies: readonly Discrepancy[],
  mention: (id: string) => Mention | undefined,
): DisputeIndex {
  const byMention = new Map<string, Discrepancy[]>();
  for (const d of discrepancies)
    for (const id of d.mentionIds) {
      const before = byMention.get(id);
      if (before === undefined) byMention.set(id, [d]);
      else if (before[before.length - 1] !== d) before.push(d);
    }
  const known = new Set(discrepancies);
  const sides = new Map<Discrepancy, FigureRef[]>();
  const sidesOf = (d: Discrepancy): FigureRef[] => {
    if (!known.has(d)) return [];
    let list = sides.get(d);
    if (list === undefined) {
      list = resolveSides(d, mention);
      sides.set(d, list);
    }
    return list;
  };
  return {
    sidesOf,
    // in the disagreements' order, those whose resolved sides include this very figure
    discrepanciesOf: (ref) =>
      (byMention.get(ref.mention.id) ?? []).filter((d) => sidesOf(d).some((r) => sameRef(r, ref))),
  };
}

const disputeKey = (d: Discrepancy) =>
  `${d.metric}|${d.period?.from ?? ''}|${d.period?.to ?? ''}|${d.mentionIds.join(',')}`;
const eventKey = (e: AppData['events'][number]) => `${e.mentionId}|${e.date}|${e.raw}`;

/** The joined data's own order (articles by id, then reading order), which pieces arriving in any order keep. */
const corpusOrder = (a: Mention, b: Mention) =>
  compareStrings(a.articleId, b.articleId) || readingOrder(a, b);

/** `summary` is the whole corpus's when only part of it is in `data`; counted from `data` when not given. */
export function createCatalog(data: AppData, summary: CorpusSummary = summarize(data)): Catalog {
  const features = data.features.features;
  const byId = new Map(features.map((f) => [f.properties.id, f]));
  const articles = new Map(data.joined.articles.map((a) => [a.id, a]));
  const texts = new Map(data.texts.map((t) => [t.articleId, t]));
  const mentions = new Map(data.joined.mentions.map((m) => [m.id, m]));
  // What merge needs to drop pieces it already has: made on the first merge, not for a catalog that never merges
  // (the filtered one, made anew at every change of the outlet and date filters).
  let disputeKeys: Set<string> | null = null;
  let eventKeys: Set<string> | null = null;
  let byFeature = new Map<FeatureId, Mention[]>();
  let byArticle = new Map<string, Mention[]>();
  let allFigures: FigureRef[] = [];
  let disputes: DisputeIndex = indexDisputes([], () => undefined);
  // made when first asked: the overview asks at every draw, and at 10,000 articles it is a walk of ~100,000 mentions
  let unattached: Mention[] | null = null;
  // made on the first filter: grouping ~50,000 figures at 10,000 articles, once per change of the data
  let comparable: ComparableFigures | null = null;

  const reindex = () => {
    byArticle = new Map();
    for (const m of data.joined.mentions) {
      const list = byArticle.get(m.articleId);
      if (list === undefined) byArticle.set(m.articleId, [m]);
      else list.push(m);
    }
    // A feature's list in the order the pipeline pages it in: oldest article first, then reading order. Made by
    // walking the articles in that order, rather than sorting each feature's list (at 10,000 articles a sort of
    // ~100,000 mentions by two look-ups a comparison was most of the time a filter change took).
    const chronological = [...articles.values()].sort(articleChronology).map((a) => a.id);
    // mentions whose article record is not here sort first, as with no rank
    const unranked = [...byArticle.keys()].filter((id) => !articles.has(id));
    byFeature = new Map();
    for (const articleId of [...unranked, ...chronological]) {
      const own = byArticle.get(articleId);
      if (own === undefined) continue;
      // in reading order already in the contract's order: then this is one pass
      own.sort(readingOrder);
      for (const m of own)
        for (const id of m.featureIds) {
          const list = byFeature.get(id);
          if (list === undefined) byFeature.set(id, [m]);
          else list.push(m);
        }
    }
    allFigures = [];
    for (const mention of data.joined.mentions)
      mention.figures.forEach((figure, index) => {
        allFigures.push({ mention, figure, index });
      });
    disputes = indexDisputes(data.joined.discrepancies, (id) => mentions.get(id));
    unattached = null;
    comparable = null;
  };
  reindex();

  const merge = (shard: DataShard): boolean => {
    const mentionsBefore = data.joined.mentions.length;
    let records = false;
    for (const a of shard.articles)
      if (!articles.has(a.id)) {
        articles.set(a.id, a);
        data.joined.articles.push(a);
        records = true;
      }
    for (const m of shard.mentions)
      if (!mentions.has(m.id)) {
        mentions.set(m.id, m);
        data.joined.mentions.push(m);
        records = true;
      }
    disputeKeys ??= new Set(data.joined.discrepancies.map(disputeKey));
    eventKeys ??= new Set(data.events.map(eventKey));
    for (const d of shard.discrepancies) {
      const key = disputeKey(d);
      if (disputeKeys.has(key)) continue;
      disputeKeys.add(key);
      data.joined.discrepancies.push(d);
      records = true;
    }
    let more = records;
    for (const t of shard.texts)
      if (!texts.has(t.articleId)) {
        texts.set(t.articleId, t);
        data.texts.push(t);
        more = true;
      }
    for (const e of shard.events) {
      const key = eventKey(e);
      if (eventKeys.has(key)) continue;
      eventKeys.add(key);
      data.events.push(e);
    }
    // The smaller set of spans goes into the larger: the corpus brings one for each of ~100,000 mentions at 10,000
    // articles, and adding them one by one to the first view's few took ~0.1 s. The shard is the loader's, used
    // once. Both give a mention the same spans (the pipeline's), so which wins a repeat does not matter.
    if (shard.mentions.length > mentionsBefore) data.spans = Object.assign(shard.spans, data.spans);
    else Object.assign(data.spans, shard.spans);
    if (records) {
      data.joined.articles.sort((a, b) => compareStrings(a.id, b.id));
      data.joined.mentions.sort(corpusOrder);
      reindex();
    }
    return more;
  };
  const drawnMembers = (id: FeatureId): FeatureId[] => {
    const f = byId.get(id);
    if (f === undefined) return [];
    if (f.properties.parts.length === 0) return [id];
    return f.properties.parts.flatMap(drawnMembers);
  };
  return {
    data,
    summary,
    merge,
    features,
    feature: (id) => byId.get(id),
    article: (id) => articles.get(id),
    text: (id) => texts.get(id),
    mention: (id) => mentions.get(id),
    mentionsOf: (id) => byFeature.get(id) ?? [],
    spansOf: (mentionId, ids) => (data.spans[mentionId] ?? []).filter((s) => ids.includes(s.featureId)),
    unattachedFigureMentions: () => {
      unattached ??= data.joined.mentions.filter((m) => m.featureIds.length === 0 && m.figures.length > 0);
      return unattached;
    },
    featuresOfArticle: (articleId) => {
      const seen: FeatureId[] = [];
      for (const m of byArticle.get(articleId) ?? []) {
        for (const id of m.featureIds) if (!seen.includes(id)) seen.push(id);
      }
      return seen;
    },
    drawnMembers,
    figures: () => allFigures,
    discrepanciesOf: (ref) => disputes.discrepanciesOf(ref),
    sidesOf: (d) => disputes.sidesOf(d),
    comparableFigures: () => {
      comparable ??= comparableFigures(data.joined.mentions, data.joined.articles);
      return comparable;
    },
  };
}
