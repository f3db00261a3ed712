// The data on demand: the core arrives with the first view, then a feature's mentions when it is selected, an
// article's text when it is opened, and the whole corpus (without texts) when a view reads everything. Each file
// is fetched once; a failed fetch may be tried again. Everything lands in one catalog (merged in place); the app
// redraws when a fetch ends (src/app.ts).
import type { AppData } from '../domain/app-data.ts';
import type { FeatureId } from '../domain/feature.ts';
import { type CoreData, type DataShard, FEATURE_PAGE, SHARD_FILES } from '../domain/shards.ts';
import { type Catalog, createCatalog } from './catalog.ts';

export interface DataLoader {
  readonly catalog: Catalog;
  /** the first page of mentions of a feature and, for a composite, of its parts */
  feature(id: FeatureId): Promise<void>;
  featureLoaded(id: FeatureId): boolean;
  /** the next page of a feature's own mentions */
  featureMore(id: FeatureId): Promise<void>;
  /**
   * How far the feature's mentions are loaded in panel order: the loaded ones up to this many are the list's true
   * beginning (mentions loaded with other pieces may lie beyond it). Infinity when all are loaded.
   */
  featureLoadedThrough(id: FeatureId): number;
  /** an article's text and all its mentions */
  article(id: string): Promise<void>;
  articleLoaded(id: string): boolean;
  /** every article record, mention, span and event: the views that read everything ask for it */
  corpus(): Promise<void>;
  corpusLoaded(): boolean;
}

/** The core as app data: what it preloads is all the catalog holds at first. */
export function coreAppData(core: CoreData): AppData {
  const p = core.preload;
  return {
    features: core.features,
    briefing: core.briefing,
    joined: { articles: [...p.articles], mentions: [...p.mentions], discrepancies: [...p.discrepancies] },
    spans: { ...p.spans },
    texts: [...p.texts],
    events: [...p.events],
  };
}

export function createLoader(core: CoreData, fetchShard: (file: string) => Promise<DataShard>): DataLoader {
  const catalog = createCatalog(coreAppData(core), core.summary);
  const done = new Set<string>();
  const pending = new Map<string, Promise<void>>();

  const load = (file: string): Promise<void> => {
    if (done.has(file)) return Promise.resolve();
    const inFlight = pending.get(file);
    if (inFlight !== undefined) return inFlight;
    const p = fetchShard(file)
      .then((shard) => {
        done.add(file);
        catalog.merge(shard);
      })
      .finally(() => pending.delete(file));
    pending.set(file, p);
    return p;
  };
  /** the feature and every feature below it, since a composite's panel lists its parts' mentions too */
  const family = (id: FeatureId): FeatureId[] => [
    id,
    ...(catalog.feature(id)?.properties.parts ?? []).flatMap(family),
  ];
  const corpusLoaded = () => done.has(SHARD_FILES.corpus);
  const featureLoaded = (id: FeatureId) =>
    corpusLoaded() || family(id).every((f) => done.has(SHARD_FILES.feature(f, 0)));
  /** pages loaded from the first on without a gap */
  const pagesLoaded = (id: FeatureId) => {
    let k = 0;
    while (done.has(SHARD_FILES.feature(id, k))) k++;
    return k;
  };
  const total = (id: FeatureId) => core.summary.mentionsOf[id] ?? 0;
  const featureLoadedThrough = (id: FeatureId) => {
    const through = pagesLoaded(id) * FEATURE_PAGE;
    return corpusLoaded() || through >= total(id) ? Number.POSITIVE_INFINITY : through;
  };

  return {
    catalog,
    feature: async (id) => {
      if (featureLoaded(id)) return;
      await Promise.all(family(id).map((f) => load(SHARD_FILES.feature(f, 0))));
    },
    featureLoaded,
    featureMore: async (id) => {
      if (featureLoadedThrough(id) === Number.POSITIVE_INFINITY) return;
      await load(SHARD_FILES.feature(id, pagesLoaded(id)));
    },
    featureLoadedThrough,
    article: (id) => load(SHARD_FILES.article(id)),
    articleLoaded: (id) => done.has(SHARD_FILES.article(id)),
    corpus: () => load(SHARD_FILES.corpus),
    corpusLoaded,
  };
}
