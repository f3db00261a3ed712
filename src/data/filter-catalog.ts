// The catalog as the panels see it when outlets or an article date range are filtered out: the same features,
// only the articles (and their mentions and disagreements) that pass.
import type { Filters } from '../state/store.ts';
import { type Catalog, createCatalog } from './catalog.ts';

export function filterCatalog(
  catalog: Catalog,
  f: Pick<Filters, 'hiddenOutlets' | 'dateFrom' | 'dateTo'>,
): Catalog {
  if (f.hiddenOutlets.length === 0 && f.dateFrom === null && f.dateTo === null) return catalog;
  const { joined } = catalog.data;
  const articles = joined.articles.filter(
    (a) =>
      !f.hiddenOutlets.includes(a.source ?? '') &&
      (f.dateFrom === null || a.date >= f.dateFrom) &&
      (f.dateTo === null || a.date <= f.dateTo),
  );
  const kept = new Set(articles.map((a) => a.id));
  const mentions = joined.mentions.filter((m) => kept.has(m.articleId));
  const mentionIds = new Set(mentions.map((m) => m.id));
  return createCatalog({
    ...catalog.data,
    joined: {
      articles,
      mentions,
      discrepancies: joined.discrepancies.filter((d) => d.mentionIds.every((id) => mentionIds.has(id))),
    },
    texts: catalog.data.texts.filter((t) => kept.has(t.articleId)),
  });
}
