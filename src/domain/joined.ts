// The joined-data contract of ../shared/ARCHITECTURE.md, written by `npm run ingest` and read by the app.
import type { FeatureId } from './feature.ts';

export interface Article {
  id: string;
  /** the article's file name */
  file: string;
  /** YYYY-MM-DD */
  date: string;
  /** the outlet, as named in the text; null where the text names none */
  source: string | null;
  title: string | null;
  author: string | null;
  url: string | null;
}

export type Qualifier = 'about' | 'over' | 'under' | 'exact';
export type FigureKind = 'actual' | 'target' | 'forecast' | 'capacity' | 'change';
export type Unit =
  | 'USD'
  | 'KZT'
  | 'AZN'
  | 'EUR'
  | 't'
  | 'TEU'
  | 'km'
  | '%'
  | 'x'
  | 'count'
  | 'GW'
  | 'MW'
  | 'year';

export interface Period {
  /** YYYY or YYYY-MM */
  from: string;
  to: string;
}

export interface Figure {
  value: number;
  unit: Unit;
  /** the exact span of the sentence the figure was read from */
  raw: string;
  qualifier: Qualifier;
  /** a key of the metric dictionary, or 'unknown' */
  metric: string;
  period: Period | null;
  kind: FigureKind;
}

export interface Quote {
  text: string;
  /** the full name the article introduces, or null where it cannot be told */
  speaker: string | null;
}

export interface Mention {
  id: string;
  articleId: string;
  /** 0-based paragraph index in the article */
  paragraph: number;
  /** the whole sentence */
  text: string;
  featureIds: FeatureId[];
  quote: Quote | null;
  figures: Figure[];
}

export interface Discrepancy {
  metric: string;
  period: Period | null;
  mentionIds: string[];
  note: string;
}

export interface JoinedData {
  articles: Article[];
  mentions: Mention[];
  discrepancies: Discrepancy[];
}
