// Look-ups over the loaded data, built once: features by id, mentions by feature and by article.

import type { Feature, Geometry } from 'geojson';
import type { AppData, ArticleText, BuiltProperties, NameSpan } from '../domain/app-data.ts';
import type { FeatureId } from '../domain/feature.ts';
import type { Article, Mention } from '../domain/joined.ts';

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
  };
}
