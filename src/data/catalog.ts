// Look-ups over the loaded data, built once: features by id, mentions by feature and by article.

import type { Feature, Geometry } from 'geojson';
import type { AppData, ArticleText, BuiltProperties, NameSpan } from '../domain/app-data.ts';
import type { FeatureId } from '../domain/feature.ts';
import type { Article, Discrepancy, Figure, Mention, Period } from '../domain/joined.ts';

/** One figure with where it came from: figures have no id in the contract, so (mention, index) names them. */
export interface FigureRef {
  mention: Mention;
  figure: Figure;
  index: number;
}

export type BuiltFeature = Feature<Geometry, BuiltProperties>;

export interface Catalog {
  data: AppData;
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
}

// Periods are YYYY or YYYY-MM; comparing with '~' appended makes "2024" cover every "2024-MM".
const overlaps = (a: Period, b: Period) => a.from <= `${b.to}~` && b.from <= `${a.to}~`;

/**
 * The contract names a discrepancy's mentions, not its figures; a mention may hold several figures of the metric
 * (470 млн in 2024 and 547 млн in 2025 in one sentence). Each side is the mention's actual figure of that metric
 * that fits the discrepancy's period, and among several, the one closest in value to the other sides.
 */
function resolveSides(d: Discrepancy, mention: (id: string) => Mention | undefined): FigureRef[] {
  const candidates = d.mentionIds.map((id) => {
    const m = mention(id);
    if (m === undefined) return [];
    return m.figures.flatMap((figure, index) =>
      figure.metric === d.metric &&
      figure.kind === 'actual' &&
      (d.period === null || figure.period === null || overlaps(figure.period, d.period))
        ? [{ mention: m, figure, index }]
        : [],
    );
  });
  return candidates.flatMap((own, i) => {
    if (own.length <= 1) return own;
    const others = candidates.filter((_, j) => j !== i).flat();
    const distance = (r: FigureRef) =>
      Math.min(...others.map((o) => Math.abs(o.figure.value - r.figure.value)));
    const best = [...own].sort((a, b) => distance(a) - distance(b))[0];
    return best === undefined ? [] : [best];
  });
}

export function createCatalog(data: AppData): Catalog {
  const features = data.features.features;
  const byId = new Map(features.map((f) => [f.properties.id, f]));
  const articles = new Map(data.joined.articles.map((a) => [a.id, a]));
  const texts = new Map(data.texts.map((t) => [t.articleId, t]));
  const mentions = new Map(data.joined.mentions.map((m) => [m.id, m]));
  const articleOrder = new Map(
    [...data.joined.articles]
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
      .map((a, i) => [a.id, i]),
  );
  const byFeature = new Map<FeatureId, Mention[]>();
  for (const m of data.joined.mentions) {
    for (const id of m.featureIds) {
      const list = byFeature.get(id) ?? [];
      list.push(m);
      byFeature.set(id, list);
    }
  }
  for (const list of byFeature.values()) {
    list.sort((a, b) => (articleOrder.get(a.articleId) ?? 0) - (articleOrder.get(b.articleId) ?? 0));
  }
  const allFigures: FigureRef[] = data.joined.mentions.flatMap((mention) =>
    mention.figures.map((figure, index) => ({ mention, figure, index })),
  );
  const sides = new Map<Discrepancy, FigureRef[]>();
  const disputes = new Map<string, Discrepancy[]>();
  for (const d of data.joined.discrepancies) {
    const list = resolveSides(d, (id) => mentions.get(id));
    sides.set(d, list);
    for (const r of list) {
      const key = `${r.mention.id}#${r.index}`;
      disputes.set(key, [...(disputes.get(key) ?? []), d]);
    }
  }
  const drawnMembers = (id: FeatureId): FeatureId[] => {
    const f = byId.get(id);
    if (f === undefined) return [];
    if (f.properties.parts.length === 0) return [id];
    return f.properties.parts.flatMap(drawnMembers);
  };
  return {
    data,
    features,
    feature: (id) => byId.get(id),
    article: (id) => articles.get(id),
    text: (id) => texts.get(id),
    mention: (id) => mentions.get(id),
    mentionsOf: (id) => byFeature.get(id) ?? [],
    spansOf: (mentionId, ids) => (data.spans[mentionId] ?? []).filter((s) => ids.includes(s.featureId)),
    unattachedFigureMentions: () =>
      data.joined.mentions.filter((m) => m.featureIds.length === 0 && m.figures.length > 0),
    featuresOfArticle: (articleId) => {
      const seen: FeatureId[] = [];
      for (const m of data.joined.mentions) {
        if (m.articleId !== articleId) continue;
        for (const id of m.featureIds) if (!seen.includes(id)) seen.push(id);
      }
      return seen;
    },
    drawnMembers,
    figures: () => allFigures,
    discrepanciesOf: (ref) => disputes.get(`${ref.mention.id}#${ref.index}`) ?? [],
    sidesOf: (d) => sides.get(d) ?? [],
  };
}
