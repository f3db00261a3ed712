// The map style as a typed function of (data, theme, language). The legend reads the same palette tables, and
// the map's state (selection, hover, dimming) is shown with feature-state, never by rebuilding this style.

import type { FeatureCollection, Geometry } from 'geojson';
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { BuiltCollection } from '../domain/app-data.ts';
import { FEATURE_KINDS, type FeatureKind, type Lang } from '../domain/feature.ts';
import { GROUP_STATUSES, type StatusGroup, sinceOf } from '../domain/status-at.ts';
import { FONT, LAYER, SOURCE } from './ids.ts';
import { KIND_COLOR, LINE_KINDS, POINT_KINDS, STATUS_DASH, type Theme } from './palette.ts';

export interface BasemapData {
  land: FeatureCollection;
  lakes: FeatureCollection;
  rivers: FeatureCollection;
  borders: FeatureCollection;
  countryLabels: FeatureCollection;
  waterLabels: FeatureCollection;
}

export interface MapFeatureProps {
  id: string;
  kind: FeatureKind;
  accuracy: string;
  name_ru: string;
  name_en: string;
  /** first day (YYYY-MM-DD) in each status group, '~' for never: how the map draws the network as of a date */
  since_operational: string;
  since_construction: string;
  since_planned: string;
}

/** What the map's filters need; the same fields as the store's Filters. */
export interface MapFilters {
  hiddenKinds: readonly FeatureKind[];
  hiddenGroups: readonly StatusGroup[];
  asOf: string | null;
  filterMode: 'hide' | 'dim';
}

/** '~' sorts after every date, so a group never entered is never "since" any date. */
const NEVER = '~';

/** Composites are drawn through their parts, so only features with a geometry of their own go on the map. */
export function toMapFeatures(built: BuiltCollection): FeatureCollection<Geometry, MapFeatureProps> {
  return {
    type: 'FeatureCollection',
    features: built.features
      .filter((f) => f.properties.kind !== 'corridor')
      .map((f) => ({
        type: 'Feature',
        id: f.properties.id,
        geometry: f.geometry,
        properties: {
          id: f.properties.id,
          kind: f.properties.kind,
          accuracy: f.properties.accuracy,
          name_ru: f.properties.name.ru,
          name_en: f.properties.name.en,
          since_operational: sinceOf(f.properties, GROUP_STATUSES.operational) ?? NEVER,
          since_construction: sinceOf(f.properties, GROUP_STATUSES.construction) ?? NEVER,
          since_planned: sinceOf(f.properties, GROUP_STATUSES.planned) ?? NEVER,
        },
      })),
  };
}

export interface FontUrls {
  cyrillic: string;
  latin: string;
  latinExt: string;
}

export interface StyleInput {
  basemap: BasemapData;
  features: FeatureCollection<Geometry, MapFeatureProps>;
  fonts: FontUrls;
  theme: Theme;
  lang: Lang;
  filters: MapFilters;
}

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

const kindColor: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  ...FEATURE_KINDS.flatMap((k) => [k, KIND_COLOR[k]]),
  '#888888',
] as unknown as ExpressionSpecification;

/** Dimmed features (something else is selected) fade; the selected and hovered stay strong. */
function dimmed(normal: number, dim: number): DataDrivenPropertyValueSpecification<number> {
  return ['case', ['any', state('dim'), state('filtered')], dim, normal];
}

/**
 * The feature labels' opacity once anything is dimmed or filtered. The style starts with a constant opacity
 * instead: a data-driven one is a shader variant of its own, which a software renderer compiles on the CPU before
 * the first frame (20–30 ms), and most first views dim nothing. map-sync.ts sets it with STATEFUL_PAINT.
 */
export const LABEL_OPACITY = dimmed(1, 0.3);

export function labelField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'ru' ? 'name_ru' : 'name_en'];
}

const isLine: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', [...LINE_KINDS]]];
const isPoint: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', [...POINT_KINDS]]];

/** The status group a feature had on the as-of date ('none': it did not exist yet). */
export function groupAt(asOf: string | null): ExpressionSpecification {
  const d = asOf ?? '9999-12-31';
  return [
    'case',
    ['<=', ['get', 'since_operational'], d],
    'operational',
    ['<=', ['get', 'since_construction'], d],
    'construction',
    ['<=', ['get', 'since_planned'], d],
    'planned',
    'none',
  ];
}

/**
 * The filter of a feature layer: its own geometry and status group on the as-of date, and, when filtered-out
 * features hide rather than dim, the kinds and status groups the reader switched off. Written once for the style
 * and for every update.
 */
export function featureLayerFilter(layerId: string, f: MapFilters): FilterSpecification {
  const group = groupAt(f.asOf);
  const exists: ExpressionSpecification = ['!=', group, 'none'];
  const hidden: ExpressionSpecification[] =
    f.filterMode === 'hide'
      ? [
          ['!', ['in', ['get', 'kind'], ['literal', [...f.hiddenKinds]]]],
          ['!', ['in', group, ['literal', [...f.hiddenGroups]]]],
        ]
      : [];
  const base: Record<string, ExpressionSpecification> = {
    [LAYER.lineHalo]: isLine,
    [LAYER.lineHit]: isLine,
    [LAYER.points]: isPoint,
    [LAYER.pointLabels]: ['all', isPoint, ['!=', ['get', 'kind'], 'oil-field']],
  };
  for (const kind of LINE_KINDS) {
    const ofKind: ExpressionSpecification = ['==', ['get', 'kind'], kind];
    base[kindLayer(LAYER.lineUncertainty, kind)] = ['all', ofKind, ['==', ['get', 'accuracy'], 'schematic']];
    for (const g of LINE_GROUPS) base[statusLayer(g, kind)] = ['all', ofKind, ['==', group, g]];
  }
  const b0 = base[layerId];
  if (b0 === undefined) throw new Error(`not a feature layer: ${layerId}`);
  return ['all', b0, exists, ...hidden];
}

/** The status groups drawn as lines, from the bottom up. */
const LINE_GROUPS: readonly StatusGroup[] = ['operational', 'construction', 'planned'];

/** `prefix-kind`: the layer of one kind of line (see STATEFUL_PAINT for why the kinds have layers of their own). */
function kindLayer(prefix: string, kind: FeatureKind): string {
  return `${prefix}-${kind}`;
}

const GROUP_PREFIX: Record<StatusGroup, string> = {
  operational: LAYER.lineOperational,
  construction: LAYER.lineConstruction,
  planned: LAYER.linePlanned,
};

/** The layer that draws one kind of line in one status group, e.g. `feature-line-construction-rail`. */
function statusLayer(group: StatusGroup, kind: FeatureKind): string {
  return kindLayer(GROUP_PREFIX[group], kind);
}

/** The status line layers by their group's prefix (LAYER.lineOperational…): which group a line is drawn in. */
export const STATUS_LINE_LAYERS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  LINE_GROUPS.map((g) => [GROUP_PREFIX[g], LINE_KINDS.map((k) => statusLayer(g, k))]),
);

export const FEATURE_LAYERS: readonly string[] = [
  ...LINE_KINDS.map((k) => kindLayer(LAYER.lineUncertainty, k)),
  LAYER.lineHalo,
  ...Object.values(STATUS_LINE_LAYERS).flat(),
  LAYER.lineHit,
  LAYER.points,
  LAYER.pointLabels,
];

const lineWidth: DataDrivenPropertyValueSpecification<number> = [
  'interpolate',
  ['linear'],
  ['zoom'],
  3,
  ['case', state('selected'), 4, state('hover'), 3.5, 2],
  8,
  ['case', state('selected'), 7, state('hover'), 6, 4],
];

/**
 * A width from zoom 3 to 8, [normal, selected] at each. Width by zoom and state, as the status lines have
 * (lineWidth), puts the uncertainty band, the halo and the solid status line in one shader variant: each variant
 * costs a compile before the first frame.
 */
function widerWhenSelected(
  at3: [number, number],
  at8: [number, number],
): DataDrivenPropertyValueSpecification<number> {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    3,
    ['case', state('selected'), at3[1], at3[0]],
    8,
    ['case', state('selected'), at8[1], at8[0]],
  ];
}

/** The halo's layout, which the hit layer shares so that both are one bucket (see LAYER.lineHit below). */
const HALO_LAYOUT = { 'line-cap': 'round', 'line-join': 'round' } as const;

/** A width by zoom alone, from zoom 3 to 8: what a line is drawn at while no feature has a state. */
function byZoom(at3: number, at8: number): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], 3, at3, 8, at8];
}

function statusLine(group: StatusGroup, kind: FeatureKind, filters: MapFilters): LayerSpecification {
  const id = statusLayer(group, kind);
  const dash = STATUS_DASH[group];
  return {
    id,
    type: 'line',
    source: SOURCE.features,
    filter: featureLayerFilter(id, filters),
    layout: { 'line-cap': dash === null ? 'round' : 'butt', 'line-join': 'round' },
    paint: {
      'line-color': KIND_COLOR[kind],
      'line-width': byZoom(2, 4),
      'line-opacity': 1,
      ...(dash === null ? {} : { 'line-dasharray': dash }),
    },
  };
}

function uncertaintyBand(kind: FeatureKind, filters: MapFilters): LayerSpecification {
  const id = kindLayer(LAYER.lineUncertainty, kind);
  return {
    id,
    type: 'line',
    source: SOURCE.features,
    filter: featureLayerFilter(id, filters),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    // wider around the selected line once states are shown (STATEFUL_PAINT)
    paint: {
      'line-color': KIND_COLOR[kind],
      'line-width': byZoom(10, 30),
      'line-opacity': 0.14,
      'line-blur': 4,
    },
  };
}

type StatefulProperty = 'line-width' | 'line-opacity' | 'text-opacity';

/**
 * The paint each feature layer takes when the map first shows a state (a hover, a selection, something dimmed).
 * Until then the lines are constant in everything but their width by zoom, with a layer for each kind of line:
 * so they draw with the two shader variants the basemap's rivers and dashed borders already use, where a colour by
 * kind, or a width or opacity by feature-state, is a variant of its own. A software renderer compiles each variant
 * on the CPU before the map's first idle (20–80 ms each under SwiftShader, the main thread waiting), and most first
 * views show no state. The halo is invisible until then (a constant opacity of 0, which MapLibre does not draw).
 * map-sync.ts sets these before the first state; they look the same as the calm paint for a feature with none.
 */
export const STATEFUL_PAINT: readonly (readonly [
  string,
  StatefulProperty,
  DataDrivenPropertyValueSpecification<number>,
])[] = [
  ...LINE_KINDS.flatMap((k) => [
    [kindLayer(LAYER.lineUncertainty, k), 'line-width', widerWhenSelected([10, 12], [30, 34])] as const,
    [kindLayer(LAYER.lineUncertainty, k), 'line-opacity', dimmed(0.14, 0.04)] as const,
  ]),
  [LAYER.lineHalo, 'line-opacity', ['case', state('selected'), 0.35, state('hover'), 0.25, 0]],
  ...LINE_GROUPS.flatMap((g) =>
    LINE_KINDS.flatMap((k) => [
      [statusLayer(g, k), 'line-width', lineWidth] as const,
      [statusLayer(g, k), 'line-opacity', dimmed(1, 0.18)] as const,
    ]),
  ),
  [LAYER.pointLabels, 'text-opacity', LABEL_OPACITY],
];

export function buildStyle(input: StyleInput): StyleSpecification {
  const { theme, filters } = input;
  const face = (url: string, range: string[]) => ({ url, 'unicode-range': range });
  return {
    version: 8,
    name: 'caspian-corridors',
    'font-faces': {
      // Noto Sans from @fontsource, self-hosted: labels need no glyph server and no network.
      [FONT]: [
        face(input.fonts.latin, ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+2000-206F']),
        face(input.fonts.latinExt, ['U+0100-024F', 'U+1E00-1EFF']),
        face(input.fonts.cyrillic, ['U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116']),
      ],
    },
    sources: {
      [SOURCE.land]: { type: 'geojson', data: input.basemap.land },
      [SOURCE.lakes]: { type: 'geojson', data: input.basemap.lakes },
      [SOURCE.rivers]: { type: 'geojson', data: input.basemap.rivers },
      [SOURCE.borders]: { type: 'geojson', data: input.basemap.borders },
      [SOURCE.countryLabels]: { type: 'geojson', data: input.basemap.countryLabels },
      [SOURCE.waterLabels]: { type: 'geojson', data: input.basemap.waterLabels },
      [SOURCE.features]: { type: 'geojson', data: input.features, promoteId: 'id' },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': theme.water } },
      { id: LAYER.land, type: 'fill', source: SOURCE.land, paint: { 'fill-color': theme.land } },
      { id: LAYER.lakes, type: 'fill', source: SOURCE.lakes, paint: { 'fill-color': theme.lake } },
      {
        id: LAYER.rivers,
        type: 'line',
        source: SOURCE.rivers,
        paint: {
          'line-color': theme.river,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.5],
        },
      },
      {
        id: LAYER.borders,
        type: 'line',
        source: SOURCE.borders,
        paint: { 'line-color': theme.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: LAYER.countryLabels,
        type: 'symbol',
        source: SOURCE.countryLabels,
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 4, 2, 5, 3]],
        layout: {
          'text-field': labelField(input.lang),
          'text-font': [FONT],
          'text-size': ['match', ['get', 'rank'], 1, 15, 2, 13, 12],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.12,
          'text-max-width': 8,
        },
        paint: {
          'text-color': theme.label,
          'text-opacity': 0.55,
          'text-halo-color': theme.labelHalo,
          'text-halo-width': 1,
        },
      },
      {
        id: LAYER.waterLabels,
        type: 'symbol',
        source: SOURCE.waterLabels,
        layout: {
          'text-field': labelField(input.lang),
          'text-font': [FONT],
          'text-size': 13,
          'text-max-width': 6,
        },
        paint: { 'text-color': theme.water_label, 'text-halo-color': theme.water, 'text-halo-width': 1 },
      },
      ...LINE_KINDS.map((k) => uncertaintyBand(k, filters)),
      {
        id: LAYER.lineHalo,
        type: 'line',
        source: SOURCE.features,
        filter: featureLayerFilter(LAYER.lineHalo, filters),
        layout: HALO_LAYOUT,
        paint: {
          'line-color': kindColor,
          'line-width': widerWhenSelected([10, 12], [14, 16]),
          'line-blur': 2,
          // drawn from the first state on (STATEFUL_PAINT)
          'line-opacity': 0,
        },
      },
      // Within each status group the first of LINE_KINDS is drawn on top: rail over sea routes, cables, pipelines.
      ...LINE_GROUPS.flatMap((g) => [...LINE_KINDS].reverse().map((k) => statusLine(g, k, filters))),
      {
        // Invisible and wide: what clicks and hovers hit, so a 2 px line is still easy to choose. Its filter and
        // layout are the halo's, so MapLibre puts both in one bucket and lays the lines out once for the two
        // (layers are grouped by type, source, filter and layout), where a layout of its own cost the worker a
        // second pass over every line of every tile. Round ends also make the line's ends easier to hit.
        id: LAYER.lineHit,
        type: 'line',
        source: SOURCE.features,
        filter: featureLayerFilter(LAYER.lineHit, filters),
        layout: HALO_LAYOUT,
        paint: { 'line-color': '#000000', 'line-width': 14, 'line-opacity': 0 },
      },
      {
        id: LAYER.points,
        type: 'circle',
        source: SOURCE.features,
        filter: featureLayerFilter(LAYER.points, filters),
        paint: {
          'circle-color': kindColor,
          'circle-radius': [
            '+',
            ['match', ['get', 'kind'], 'port', 6, 'oil-field', 6, 4],
            ['case', state('selected'), 3, state('hover'), 2, 0],
          ],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': ['case', state('selected'), 3, 1.5],
          'circle-opacity': dimmed(1, 0.25),
          'circle-stroke-opacity': dimmed(1, 0.25),
        },
      },
      {
        id: LAYER.pointLabels,
        type: 'symbol',
        source: SOURCE.features,
        filter: featureLayerFilter(LAYER.pointLabels, filters),
        layout: {
          'text-field': labelField(input.lang),
          'text-font': [FONT],
          'text-size': ['match', ['get', 'kind'], 'port', 12, 11],
          'text-offset': [0, 0.9],
          'text-anchor': 'top',
          'text-max-width': 9,
          'text-optional': true,
        },
        paint: {
          'text-color': theme.label,
          'text-halo-color': theme.labelHalo,
          'text-halo-width': 1.4,
          // LABEL_OPACITY once something is dimmed (map-sync.ts)
          'text-opacity': 1,
        },
      },
    ],
  };
}
