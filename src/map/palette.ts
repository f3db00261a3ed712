// Colours and line patterns by kind and status. The style and the legend both read these tables, so they cannot
// drift apart. Kind colours are the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies
// (https://jfly.uni-koeln.de/color/); status is carried by the dash pattern, never by colour alone.
import type { FeatureKind } from '../domain/feature.ts';
import type { StatusGroup } from '../domain/status-at.ts';

export const KIND_COLOR: Record<FeatureKind, string> = {
  corridor: '#000000',
  rail: '#D55E00',
  'sea-route': '#0072B2',
  port: '#0072B2',
  'fiber-cable': '#CC79A7',
  'power-cable': '#E69F00',
  pipeline: '#009E73',
  'oil-field': '#009E73',
  place: '#333333',
};

export { STATUS_GROUP, type StatusGroup } from '../domain/status-at.ts';

/** Dash patterns in line widths; null is solid. */
export const STATUS_DASH: Record<StatusGroup, number[] | null> = {
  operational: null,
  construction: [2.5, 1.5],
  planned: [0.6, 1.6],
};

export interface Theme {
  water: string;
  land: string;
  lake: string;
  river: string;
  border: string;
  label: string;
  labelHalo: string;
  water_label: string;
}

export const LIGHT: Theme = {
  water: '#cfe3ef',
  land: '#f4f1ea',
  lake: '#cfe3ef',
  river: '#9fc3da',
  border: '#a39e93',
  label: '#3d3a35',
  labelHalo: '#ffffff',
  water_label: '#3f6f8f',
};

/** For dark pages (the embed's theme=dark): the kind colours above stay, so they keep their contrast on land. */
export const DARK: Theme = {
  water: '#14222e',
  land: '#2a2c2e',
  lake: '#14222e',
  river: '#2f5670',
  border: '#6e6a62',
  label: '#e4e0d8',
  labelHalo: '#1b1c1d',
  water_label: '#8fb8d4',
};

export const LINE_KINDS: readonly FeatureKind[] = [
  'rail',
  'sea-route',
  'fiber-cable',
  'power-cable',
  'pipeline',
] as const;
export const POINT_KINDS: readonly FeatureKind[] = ['port', 'oil-field', 'place'] as const;
