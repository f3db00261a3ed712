// The Feature contract of ../shared/ARCHITECTURE.md: other tools read geo/*.geojson, so these names are fixed.
import type { Geometry } from 'geojson';

export type FeatureId = string;

export const FEATURE_KINDS = [
  'corridor',
  'rail',
  'sea-route',
  'port',
  'fiber-cable',
  'power-cable',
  'pipeline',
  'oil-field',
  'place',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

export const STATUSES = ['operational', 'under-construction', 'planned', 'agreed', 'proposed'] as const;
export type Status = (typeof STATUSES)[number];

export const ACCURACIES = ['schematic', 'approximate', 'surveyed'] as const;
export type Accuracy = (typeof ACCURACIES)[number];

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface Localized {
  ru: string;
  en: string;
}

export interface SourceRef {
  url: string;
  title: string;
}

export interface Milestone {
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date: string;
  text: Localized;
  /** URL of the page that states it */
  source: string;
  /** the status the feature entered on this date (or, for a plan, was to enter) */
  status?: Status;
  /** true for a planned date, not an event that happened */
  plan?: boolean;
}

export interface CorridorProperties {
  id: FeatureId;
  kind: FeatureKind;
  name: Localized;
  aliases: { ru: string[]; en: string[] };
  status: Status;
  /** YYYY, YYYY-MM or YYYY-MM-DD: when the status was last known to hold */
  statusAsOf: string;
  /** Composites this feature is a segment or node of. */
  partOf: FeatureId[];
  accuracy: Accuracy;
  sources: SourceRef[];
  lengthKm?: number;
  capacity?: Localized;
  operator?: Localized;
  milestones?: Milestone[];
  /** Why the drawn geometry is as accurate as `accuracy` says (waypoint tags, what is unknown). */
  accuracyNote?: Localized;
}

/** A curated feature as stored in geo/*.geojson. Composites carry `geometry: null`: their geometry is their parts'. */
export interface CorridorFeature {
  type: 'Feature';
  id: FeatureId;
  geometry: Geometry | null;
  properties: CorridorProperties;
}

export interface CorridorCollection {
  type: 'FeatureCollection';
  features: CorridorFeature[];
}
