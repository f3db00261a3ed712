// Every source and layer id, written once. The style, the click router and the legend read these.
export const SOURCE = {
  land: 'basemap-land',
  lakes: 'basemap-lakes',
  rivers: 'basemap-rivers',
  borders: 'basemap-borders',
  countryLabels: 'basemap-country-labels',
  waterLabels: 'basemap-water-labels',
  features: 'corridor-features',
} as const;

export const LAYER = {
  background: 'water',
  land: 'land',
  lakes: 'lakes',
  rivers: 'rivers',
  borders: 'borders',
  countryLabels: 'country-labels',
  waterLabels: 'water-labels',
  lineUncertainty: 'feature-line-uncertainty',
  lineHalo: 'feature-line-halo',
  lineOperational: 'feature-line-operational',
  lineConstruction: 'feature-line-construction',
  linePlanned: 'feature-line-planned',
  lineHit: 'feature-line-hit',
  points: 'feature-points',
  pointLabels: 'feature-point-labels',
} as const;

/** Layers a click or hover can hit. The hit layer is an invisible wide line so thin lines are easy to click. */
export const INTERACTIVE_LAYERS: readonly string[] = [LAYER.lineHit, LAYER.points];

export const FONT = 'Noto Sans Regular';
