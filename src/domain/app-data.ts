// What the browser loads: the joined-data contract plus what the panels need to mark names and show articles.
// Built by the pipeline (src/pipeline/app-data.ts); the browser never parses articles itself.
import type { FeatureCollection, Geometry } from 'geojson';
import type { Briefing } from './briefing.ts';
import type { CorridorProperties, FeatureId } from './feature.ts';
import type { JoinedData } from './joined.ts';

/** A curated feature after the build: composites get their parts' geometry, lines their drawn length. */
export interface BuiltProperties extends CorridorProperties {
  /** length of the drawn geometry (turf, km, one decimal); absent for points */
  drawnLengthKm?: number;
  /** ids of the features whose partOf names this one */
  parts: FeatureId[];
}

export type BuiltCollection = FeatureCollection<Geometry, BuiltProperties>;

/** Where in a mention's sentence a feature is named: UTF-16 offsets into `Mention.text`. */
export interface NameSpan {
  featureId: FeatureId;
  start: number;
  end: number;
}

export interface ArticleSentence {
  text: string;
  /** the mention made of this sentence, if it names a feature or carries a figure */
  mentionId: string | null;
}

export interface ArticleText {
  articleId: string;
  paragraphs: ArticleSentence[][];
}

/** A date a sentence names about a feature ("в марте 2025 года"), for the timeline. */
export interface ArticleEvent {
  /** YYYY or YYYY-MM */
  date: string;
  /** the words that give the date */
  raw: string;
  mentionId: string;
  featureIds: FeatureId[];
}

export interface AppData {
  features: BuiltCollection;
  joined: JoinedData;
  /** mention id → spans naming features */
  spans: Record<string, NameSpan[]>;
  texts: ArticleText[];
  events: ArticleEvent[];
  /** geo/briefing.json, validated; generated from the data when the file is absent */
  briefing: Briefing;
}
