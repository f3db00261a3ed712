// How the browser receives the data: a small core for the first view, then pieces on demand. The first view must
// cost the same with five articles or ten thousand (issue 8), so nothing in the core grows with the corpus except
// a handful of outlet names; mentions and article texts arrive per feature and per article when a reader asks.
import type { ArticleEvent, ArticleText, BuiltCollection, NameSpan } from './app-data.ts';
import type { Briefing } from './briefing.ts';
import type { FeatureId } from './feature.ts';
import type { Article, Discrepancy, Mention } from './joined.ts';

/** A self-contained slice of the joined data: every mention's article, spans and events come along with it. */
export interface DataShard {
  articles: Article[];
  mentions: Mention[];
  /** discrepancies touching the shard's mentions (their other sides' mentions are not necessarily included) */
  discrepancies: Discrepancy[];
  /** mention id → spans naming features */
  spans: Record<string, NameSpan[]>;
  texts: ArticleText[];
  events: ArticleEvent[];
}

export interface OutletCount {
  /** Article.source; '' for the articles whose text names no outlet */
  name: string;
  articles: number;
}

/** What the first view says about the whole corpus without holding it. */
export interface CorpusSummary {
  articles: number;
  mentions: number;
  /** every outlet, by name */
  outlets: OutletCount[];
  /** mentions naming each feature itself (not its parts) */
  mentionsOf: Record<FeatureId, number>;
  /** sentences with figures that name no feature */
  unattachedFigureMentions: number;
  /** first and last article date, YYYY-MM-DD; null without articles */
  dates: { from: string; to: string } | null;
}

/**
 * Mentions per page of a feature's file: a feature of a large corpus has tens of thousands (the Middle Corridor
 * has 21,731 in the 10,000-article corpus, 1.5 MB gzip), and a panel shows the first few dozen at once.
 */
export const FEATURE_PAGE = 200;

/** How many of the newest articles and unattached figure sentences the overview shows before "show all". */
export const OVERVIEW_LIMIT = 20;

/** The first view: features, the briefing, the corpus in numbers, and the little the overview and briefing show. */
export interface CoreData {
  features: BuiltCollection;
  briefing: Briefing;
  summary: CorpusSummary;
  /**
   * Loaded with the core: what the briefing's steps cite (with the discrepancies they take part in) and the
   * overview's newest articles and unattached figure sentences, OVERVIEW_LIMIT of each.
   */
  preload: DataShard;
}

/**
 * An id as a file name that needs no escaping on disk or in a URL: letters, digits, '_', '.', '-' stay; anything
 * else becomes ~ and its UTF-16 code in hex. Article ids are file names a curator chose, so they may hold anything.
 */
export function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, (c) => `~${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Names of the data files under the build's data folder (see src/pipeline/shards.ts). */
export const SHARD_FILES = {
  core: 'core.json',
  basemap: 'basemap.json',
  /** every article record, mention, span and event, without article texts */
  corpus: 'corpus.json',
  /** the mentions of a feature in pages of FEATURE_PAGE, in the panel's order (src/domain/mention-order.ts) */
  feature: (id: FeatureId, page: number) => `f/${fileSafe(id)}/${page}.json`,
  article: (id: string) => `a/${fileSafe(id)}.json`,
} as const;
