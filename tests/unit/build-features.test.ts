import type { Geometry, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CorridorFeature, FeatureKind } from '../../src/domain/feature.ts';
import { buildFeatures } from '../../src/pipeline/build-features.ts';

function feature(
  id: string,
  kind: FeatureKind,
  geometry: Geometry | null,
  partOf: string[] = [],
): CorridorFeature {
  return {
    type: 'Feature',
    id,
    geometry,
    properties: {
      id,
      kind,
      name: { ru: id, en: id },
      aliases: { ru: [], en: [] },
      status: 'operational',
      statusAsOf: '2024',
      partOf,
      accuracy: 'schematic',
      sources: [{ url: 'https://example.org/', title: 'Example' }],
    },
  };
}

// One degree of longitude along the equator is 111.19 km in turf (mean earth radius 6371008.8 m).
const btk: LineString = {
  type: 'LineString',
  coordinates: [
    [49.867, 40.409],
    [44.8, 41.72],
    [43.1, 40.6],
  ],
};
const kazakh: MultiLineString = {
  type: 'MultiLineString',
  coordinates: [
    [
      [80.3, 44.2],
      [76.9, 43.2],
    ],
    [
      [76.9, 43.2],
      [51.17, 43.65],
    ],
  ],
};
const corridor = feature('middle-corridor', 'corridor', null);
const rail = feature('rail-btk', 'rail', btk, ['middle-corridor']);
const kz = feature('kz-rail', 'rail', kazakh, ['middle-corridor']);
const port = feature('port-aktau', 'port', { type: 'Point', coordinates: [51.17, 43.65] }, [
  'middle-corridor',
]);

describe('buildFeatures', () => {
  const built = buildFeatures([corridor, rail, port, kz]);
  const byId = (id: string) => built.features.find((f) => f.id === id);

  it('keeps every feature, in input order, with its id at the top level', () => {
    expect(built.type).toBe('FeatureCollection');
    expect(built.features.map((f) => f.id)).toEqual(['middle-corridor', 'rail-btk', 'port-aktau', 'kz-rail']);
    expect(built.features.map((f) => f.properties.id)).toEqual(built.features.map((f) => f.id));
  });

  it('lists the parts of a composite, sorted, and none for the others', () => {
    expect(byId('middle-corridor')?.properties.parts).toEqual(['kz-rail', 'port-aktau', 'rail-btk']);
    expect(byId('rail-btk')?.properties.parts).toEqual([]);
    expect(byId('port-aktau')?.properties.parts).toEqual([]);
  });

  it("draws a composite as its line parts' lines in part order, skipping points", () => {
    expect(byId('middle-corridor')?.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [...kazakh.coordinates, btk.coordinates],
    });
  });

  it('measures the drawn length of lines to 0.1 km, not of points, and rounds nothing else', () => {
    const unitLine = buildFeatures([
      feature('r', 'rail', {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 0],
        ],
      }),
    ]);
    expect(unitLine.features[0]?.properties.drawnLengthKm).toBe(111.2);
    expect(byId('port-aktau')?.properties).not.toHaveProperty('drawnLengthKm');
    const parts =
      (byId('rail-btk')?.properties.drawnLengthKm ?? 0) + (byId('kz-rail')?.properties.drawnLengthKm ?? 0);
    expect(byId('middle-corridor')?.properties.drawnLengthKm).toBeCloseTo(parts, 0);
    expect(byId('rail-btk')?.geometry).toEqual(btk);
  });

  it('keeps the curated properties', () => {
    const withLength = { ...rail, properties: { ...rail.properties, lengthKm: 826 } };
    const [out] = buildFeatures([withLength]).features;
    expect(out?.properties).toMatchObject({ ...withLength.properties, parts: [] });
  });

  it('draws a nested corridor through its sub-corridor, each line once, and survives a cycle', () => {
    const big = feature('big', 'corridor', null, ['small']); // a cycle validateGeo would reject
    const small = feature('small', 'corridor', null, ['big']);
    const a = feature('rail-a', 'rail', btk, ['small', 'big']);
    const out = buildFeatures([big, small, a]);
    expect(out.features[0]?.properties.parts).toEqual(['rail-a', 'small']);
    expect(out.features[0]?.geometry).toEqual({ type: 'MultiLineString', coordinates: [btk.coordinates] });
    expect(out.features[1]?.geometry).toEqual({ type: 'MultiLineString', coordinates: [btk.coordinates] });
  });

  it('gives a composite without line parts an empty MultiLineString', () => {
    const out = buildFeatures([corridor, port]);
    expect(out.features[0]?.geometry).toEqual({ type: 'MultiLineString', coordinates: [] });
    expect(out.features[0]?.properties.drawnLengthKm).toBe(0);
  });

  it('refuses a non-composite without geometry (validateGeo rejects it first)', () => {
    expect(() => buildFeatures([feature('r', 'rail', null)])).toThrow('r (rail) has no geometry');
  });
});
