// A briefing: ordered steps a speaker walks through, read from geo/briefing.json (or generated from the data when
// that file is absent) and validated at build time like the rest of geo/. The app reads it from AppData.
import type { FeatureId, Localized } from './feature.ts';

/** One figure of the corpus: figures have no id in the joined-data contract, so (mention, index) names them. */
export interface FigureId {
  mention: string;
  /** 0-based index into the mention's `figures` */
  index: number;
}

export interface BriefingStep {
  /** kebab-case, unique within the briefing */
  id: string;
  title: Localized;
  /** features to frame and highlight (a composite stands for its parts); empty: the whole region */
  features: FeatureId[];
  /** sentences to show as quotes, with outlet and date */
  mentions: string[];
  /** figures to show as cards, in this order */
  figures: FigureId[];
  /** for the presenter window only */
  notes: Localized;
}

export interface Briefing {
  title: Localized;
  steps: BriefingStep[];
  /** true when no geo/briefing.json exists and the steps were generated from the data */
  generated: boolean;
}
