// The corpus in numbers: written into the first-view data by the pipeline, and counted by the app itself when it
// holds the whole corpus (tests, the presenter window). Linear in the corpus.
import type { AppData } from './app-data.ts';
import { compareStrings } from './compare-strings.ts';
import type { FeatureId } from './feature.ts';
import type { CorpusSummary } from './shards.ts';

export function summarize(data: Pick<AppData, 'features' | 'joined'>): CorpusSummary {
  const { articles, mentions } = data.joined;
  const outlets = new Map<string, number>();
  for (const a of articles) outlets.set(a.source ?? '', (outlets.get(a.source ?? '') ?? 0) + 1);
  const mentionsOf: Record<FeatureId, number> = {};
  for (const f of data.features.features) mentionsOf[f.properties.id] = 0;
  let unattached = 0;
  for (const m of mentions) {
    for (const id of m.featureIds) mentionsOf[id] = (mentionsOf[id] ?? 0) + 1;
    if (m.featureIds.length === 0 && m.figures.length > 0) unattached++;
  }
  let from: string | null = null;
  let to: string | null = null;
  for (const a of articles) {
    if (from === null || a.date < from) from = a.date;
    if (to === null || a.date > to) to = a.date;
  }
  return {
    articles: articles.length,
    mentions: mentions.length,
    outlets: [...outlets]
      .map(([name, n]) => ({ name, articles: n }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    mentionsOf,
    unattachedFigureMentions: unattached,
    dates: from === null || to === null ? null : { from, to },
  };
}
