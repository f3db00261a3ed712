// The generated style passes MapLibre's own style validator, and the legend's tables match the style's.
import { groupByLayout, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { FEATURE_KINDS } from '../../src/domain/feature.ts';
import { INTERACTIVE_LAYERS, LAYER } from '../../src/map/ids.ts';
import { KIND_COLOR, LIGHT } from '../../src/map/palette.ts';
import { buildStyle, FEATURE_LAYERS, featureLayerFilter } from '../../src/map/style.ts';

const empty = { type: 'FeatureCollection' as const, features: [] };
const style = (lang: 'ru' | 'en') =>
  buildStyle({
    basemap: {
      land: empty,
      lakes: empty,
      rivers: empty,
      borders: empty,
      countryLabels: empty,
      waterLabels: empty,
    },
    features: empty,
    fonts: {
      cyrillic: 'http://localhost/c.woff2',
      latin: 'http://localhost/l.woff2',
      latinExt: 'http://localhost/e.woff2',
    },
    theme: LIGHT,
    lang,
    filters: { hiddenKinds: ['place'], hiddenGroups: ['planned'], asOf: '2015-01-01', filterMode: 'hide' },
  });

describe('map style', () => {
  it('is valid for MapLibre in both languages', () => {
    expect(validateStyleMin(style('ru'))).toEqual([]);
    expect(validateStyleMin(style('en'))).toEqual([]);
  });

  it('declares every layer id once and makes the interactive layers part of it', () => {
    const ids = style('ru').layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...INTERACTIVE_LAYERS, ...FEATURE_LAYERS, LAYER.land]));
  });

  it('colours every kind, and hides exactly the kinds the legend switched off', () => {
    for (const k of FEATURE_KINDS) expect(KIND_COLOR[k]).toMatch(/^#[0-9A-Fa-f]{6}$/);
    const f = { hiddenKinds: ['place' as const], hiddenGroups: [], asOf: null, filterMode: 'hide' as const };
    expect(JSON.stringify(featureLayerFilter(LAYER.points, f))).toContain('["literal",["place"]]');
    // Dimming keeps every feature on the map; the store's feature-state fades them instead.
    expect(JSON.stringify(featureLayerFilter(LAYER.points, { ...f, filterMode: 'dim' }))).not.toContain(
      '["literal",["place"]]',
    );
    expect(() => featureLayerFilter('land', f)).toThrow();
  });

  it("puts the hit layer in the halo's bucket, so the worker lays the lines out once for both", () => {
    // MapLibre builds one bucket per group of layers with the same type, source, filter and layout.
    const familyOf = (layers: readonly { id: string }[][], id: string) =>
      layers.find((g) => g.some((l) => l.id === id))?.map((l) => l.id);
    expect(familyOf(groupByLayout(style('ru').layers), LAYER.lineHit)).toEqual([
      LAYER.lineHalo,
      LAYER.lineHit,
    ]);
    // map-sync.ts replaces every feature layer's filter from featureLayerFilter: the two stay equal.
    const filters = [
      {
        hiddenKinds: ['rail' as const],
        hiddenGroups: ['planned' as const],
        asOf: '2020-01-01',
        filterMode: 'hide' as const,
      },
      { hiddenKinds: [], hiddenGroups: [], asOf: null, filterMode: 'dim' as const },
    ];
    for (const f of filters)
      expect(featureLayerFilter(LAYER.lineHit, f)).toEqual(featureLayerFilter(LAYER.lineHalo, f));
  });

  it('needs no glyph server: labels use the bundled font faces', () => {
    const s = style('ru');
    expect(s.glyphs).toBeUndefined();
    expect(Object.keys(s['font-faces'] ?? {})).toEqual(['Noto Sans Regular']);
  });
});
