import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type {
  BBox,
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { feature } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { inRegion } from '../../src/domain/region.ts';
import {
  BASEMAP_BBOX,
  type Basemap,
  buildBasemap,
  clipAndRound,
  serializeBasemap,
} from '../../src/pipeline/basemap.ts';
import { countryLabels, waterLabels } from '../../src/pipeline/country-labels.ts';

// --- helpers -------------------------------------------------------------------------------------------------

/** Even-odd ray casting. */
function inRing([x, y]: readonly number[], ring: readonly Position[]): boolean {
  if (x === undefined || y === undefined) return false;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(p: readonly number[], rings: readonly Position[][]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(p, outer) && !holes.some((h) => inRing(p, h));
}

function inGeometry(p: readonly number[], g: Geometry | null): boolean {
  if (g?.type === 'Polygon') return inPolygon(p, g.coordinates);
  if (g?.type === 'MultiPolygon') return g.coordinates.some((rings) => inPolygon(p, rings));
  return false;
}

function inAny(p: readonly number[], fc: FeatureCollection): boolean {
  return fc.features.some((f) => inGeometry(p, f.geometry));
}

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

function decimals(v: number): number {
  const s = String(v);
  return s.includes('.') ? (s.split('.')[1]?.length ?? 0) : 0;
}

const BOX: BBox = [0, 0, 2, 2];

/** 'x y, x y, …' → positions: keeps the hand-made geometries below readable on one line each. */
function pts(s: string): Position[] {
  return s.split(',').map((p) => p.trim().split(/\s+/).map(Number));
}
const polygon = (...rings: string[]): Polygon => ({ type: 'Polygon', coordinates: rings.map(pts) });
const multiPolygon = (...polygons: string[][]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: polygons.map((rings) => rings.map(pts)),
});
const line = (s: string): LineString => ({ type: 'LineString', coordinates: pts(s) });
const multiLine = (...lines: string[]): MultiLineString => ({
  type: 'MultiLineString',
  coordinates: lines.map(pts),
});
const point = (s: string): Point => ({ type: 'Point', coordinates: pts(s)[0] ?? [] });

/** A collection of named features, and back: name → geometry of what is left. */
function fc<G extends Geometry>(named: Record<string, G>): FeatureCollection<G, { name: string }> {
  return {
    type: 'FeatureCollection',
    features: Object.entries(named).map(([name, geometry]) => ({
      type: 'Feature',
      properties: { name },
      geometry,
    })),
  };
}
function byName(out: FeatureCollection<Geometry, { name: string }>): Record<string, Geometry> {
  return Object.fromEntries(out.features.map((f) => [f.properties.name, f.geometry]));
}

// --- clipAndRound (box 0,0 – 2,2; 3 decimals) ------------------------------------------------------------------

describe('clipAndRound', () => {
  it('clips polygons to the box, rounds, and drops what is outside or degenerate', () => {
    const input = fc<Polygon | MultiPolygon>({
      // crosses the east edge; 0.00012 and 0.00049 round to 0, 1.23456 to 1.235
      crossing: polygon('0.00012 0.00049, 4 0, 4 1.23456, 0 1.23456, 0.00012 0.00049'),
      outside: polygon('5 5, 6 5, 6 6, 5 5'),
      // smaller than the rounding step: collapses to one point
      tiny: polygon('1 1, 1.0001 1, 1.0001 1.0001, 1 1'),
      // three distinct positions after rounding, but all on one line: zero area
      flat: polygon('0 0, 1 0.0001, 2 0, 0 0'),
      // outer ring clipped, hole kept, tiny hole dropped, second polygon (outside) dropped: a Polygon is left
      holed: multiPolygon(
        [
          '-1 -1, 1.5 -1, 1.5 1.5, -1 1.5, -1 -1',
          '0.5 0.5, 0.5 1, 1 1, 1 0.5, 0.5 0.5',
          '0.2 0.2, 0.2001 0.2, 0.2 0.2001, 0.2 0.2',
        ],
        ['10 10, 11 10, 11 11, 10 10'],
      ),
    });
    expect(byName(clipAndRound(input, BOX, 3))).toEqual({
      crossing: polygon('0 0, 2 0, 2 1.235, 0 1.235, 0 0'),
      holed: polygon('0 0, 1.5 0, 1.5 1.5, 0 1.5, 0 0', '0.5 0.5, 0.5 1, 1 1, 1 0.5, 0.5 0.5'),
    });
  });

  it('clips lines to the box, splits them where they leave it, rounds, and drops degenerate ones', () => {
    const input = fc<LineString | MultiLineString>({
      crossing: line('-1 0.5, 1.00049 0.5, 1.00049 3'),
      outAndBack: line('0.5 1, 0.5 3, 1.5 3, 1.5 1'),
      outside: line('3 3, 4 4'),
      dot: line('1 1, 1.0001 1.0001'),
      wiggle: line('0 0, 1 0.001, 2 0'),
    });
    expect(byName(clipAndRound(input, BOX, 3))).toEqual({
      crossing: line('0 0.5, 1 0.5, 1 2'),
      outAndBack: multiLine('0.5 1, 0.5 2', '1.5 2, 1.5 1'),
      wiggle: line('0 0, 1 0.001, 2 0'),
    });
    // With a tolerance the wiggle (0.001 off its chord) goes; corners far from the chord stay.
    expect(byName(clipAndRound(input, BOX, 3, 0.005))).toEqual({
      crossing: line('0 0.5, 1 0.5, 1 2'),
      outAndBack: multiLine('0.5 1, 0.5 2', '1.5 2, 1.5 1'),
      wiggle: line('0 0, 2 0'),
    });
  });

  it('keeps points inside the box (rounded) and drops the others', () => {
    const input = fc({ inside: point('1.23456 0.5'), outside: point('2.5 0.5') });
    expect(byName(clipAndRound(input, BOX, 3))).toEqual({ inside: point('1.235 0.5') });
  });

  it('does not modify its input', () => {
    const input = fc({ crossing: line('-1 0.5, 1.00049 0.5') });
    const copy = structuredClone(input);
    clipAndRound(input, BOX, 3);
    expect(input).toEqual(copy);
  });
});

// --- buildBasemap ----------------------------------------------------------------------------------------------

describe('buildBasemap (50m)', () => {
  let basemap: Basemap;
  beforeAll(() => {
    basemap = buildBasemap({ resolution: '50m' });
  });

  it('has every layer non-empty', () => {
    expect(basemap.land.features.length).toBeGreaterThan(0);
    expect(basemap.borders.features.length).toBeGreaterThan(0);
    expect(basemap.lakes.features.length).toBeGreaterThan(0);
    expect(basemap.rivers.features.length).toBeGreaterThan(5);
    expect(basemap.countryLabels.features.length).toBe(countryLabels.length);
    expect(basemap.waterLabels.features.length).toBe(waterLabels.length);
  });

  it('keeps every coordinate inside the padded box, with at most 3 decimals', () => {
    const [west, south, east, north] = BASEMAP_BBOX;
    const bad: string[] = [];
    for (const [layer, collection] of Object.entries(basemap)) {
      for (const f of (collection as FeatureCollection).features) {
        for (const [lon = Number.NaN, lat = Number.NaN, ...rest] of positions(f.geometry)) {
          const ok =
            rest.length === 0 &&
            lon >= west &&
            lon <= east &&
            lat >= south &&
            lat <= north &&
            decimals(lon) <= 3 &&
            decimals(lat) <= 3;
          if (!ok) bad.push(`${layer}: ${lon},${lat}`);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('has no degenerate rings or lines', () => {
    for (const f of [...basemap.land.features, ...basemap.lakes.features]) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    }
    for (const f of [...basemap.borders.features, ...basemap.rivers.features]) {
      const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const line of lines) expect(line.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('leaves the Caspian Sea as water and Aktau’s hinterland as land', () => {
    expect(inAny([50.5, 42.0], basemap.land)).toBe(false);
    expect(inAny([52.0, 44.0], basemap.land)).toBe(true);
    // Baku's Absheron peninsula and Astrakhan are land too; the Black Sea is not.
    expect(inAny([49.9, 40.45], basemap.land)).toBe(true);
    expect(inAny([48.03, 46.35], basemap.land)).toBe(true);
    expect(inAny([34.0, 43.2], basemap.land)).toBe(false);
  });

  it('draws the Aral Sea, Lake Balkhash and Issyk-Kul as lakes (they are land in world-atlas)', () => {
    for (const id of ['aral-sea', 'lake-balkhash', 'lake-issyk-kul']) {
      const label = waterLabels.find((l) => l.id === id);
      expect(label, id).toBeDefined();
      const p = [label?.lon ?? 0, label?.lat ?? 0];
      expect(inAny(p, basemap.lakes), `${id} in lakes`).toBe(true);
      expect(inAny(p, basemap.land), `${id} under the lake is land`).toBe(true);
    }
  });

  it('puts sea labels on water and every water label inside the region', () => {
    for (const l of waterLabels) expect(inRegion([l.lon, l.lat]), l.id).toBe(true);
    for (const id of ['caspian-sea', 'black-sea', 'sea-of-azov']) {
      const l = waterLabels.find((w) => w.id === id);
      expect(inAny([l?.lon ?? 0, l?.lat ?? 0], basemap.land), id).toBe(false);
    }
  });

  it('has land borders only: no coastline along the Kazakh Caspian shore', () => {
    // Mangyshlak: coast and desert, no international border within this box.
    const inBox = ([x = 0, y = 0]: Position) => x >= 50.5 && x <= 52.5 && y >= 43 && y <= 45.5;
    const landHere = basemap.land.features.flatMap((f) => positions(f.geometry)).filter(inBox);
    const bordersHere = basemap.borders.features.flatMap((f) => positions(f.geometry)).filter(inBox);
    expect(landHere.length).toBeGreaterThan(10);
    expect(bordersHere).toEqual([]);
    // …while the Kazakhstan–Russia border west of Orenburg is there.
    const near = ([x = 0, y = 0]: Position) => Math.abs(x - 53) < 1 && Math.abs(y - 51.5) < 1;
    expect(basemap.borders.features.flatMap((f) => positions(f.geometry)).some(near)).toBe(true);
  });

  it('is stable and within the size budget', () => {
    const json = serializeBasemap(basemap);
    expect(serializeBasemap(buildBasemap({ resolution: '50m' }))).toBe(json);
    expect(JSON.parse(json)).toEqual(basemap);
    const raw = Buffer.byteLength(json, 'utf8');
    const gzip = gzipSync(json).length;
    const layers = Object.entries(basemap)
      .map(([k, v]) => `${k} ${(Buffer.byteLength(JSON.stringify(v)) / 1024).toFixed(1)}`)
      .join(', ');
    console.log(
      `basemap 50m: ${raw} bytes (${(raw / 1024).toFixed(1)} KB) raw, ${(gzip / 1024).toFixed(1)} KB gzip (${layers} KB)`,
    );
    // What the first view downloads is what counts: the whole extent (MAP_EXTENT) in at most 70 KB gzip.
    expect(gzip).toBeLessThanOrEqual(70 * 1024);
  });
});

describe('buildBasemap (10m)', () => {
  it('builds finer land with the same guarantees', () => {
    const b10 = buildBasemap({ resolution: '10m' });
    expect(inAny([50.5, 42.0], b10.land)).toBe(false);
    expect(inAny([52.0, 44.0], b10.land)).toBe(true);
    const json = serializeBasemap(b10);
    console.log(
      `basemap 10m: ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB raw, ${(gzipSync(json).length / 1024).toFixed(1)} KB gzip`,
    );
  });
});

// --- labels ----------------------------------------------------------------------------------------------------

describe('country labels', () => {
  const require = createRequire(import.meta.url);
  const countries = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology<Objects>;
  const object = countries.objects.countries;
  const features: Feature[] = object
    ? ((f) => (f.type === 'FeatureCollection' ? f.features : [f]))(feature(countries, object))
    : [];

  it('sit inside the region and inside their own country (world-atlas 50m)', () => {
    expect(features.length).toBeGreaterThan(100);
    for (const l of countryLabels) {
      expect(inRegion([l.lon, l.lat]), l.id).toBe(true);
      const country = features.find((f) => f.id === l.isoNumeric);
      expect(country, l.id).toBeDefined();
      expect(inGeometry([l.lon, l.lat], country?.geometry ?? null), l.id).toBe(true);
    }
  });

  it('have unique ids, Russian and English names, and ranks 1–3', () => {
    const all = [...countryLabels, ...waterLabels];
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    for (const l of all) {
      expect(l.name_ru, l.id).toMatch(/^[А-ЯЁа-яё -]+$/);
      expect(l.name_en, l.id).toMatch(/^[A-Za-zü -]+$/);
      expect([1, 2, 3]).toContain(l.rank);
    }
    expect(countryLabels.filter((l) => l.rank === 1).map((l) => l.id)).toEqual(['KAZ', 'AZE']);
  });

  it('are emitted as points with exactly id, name_ru, name_en and rank', () => {
    const kaz = buildBasemap().countryLabels.features.find((f) => f.properties.id === 'KAZ');
    expect(kaz).toEqual({
      type: 'Feature',
      properties: { id: 'KAZ', name_ru: 'Казахстан', name_en: 'Kazakhstan', rank: 1 },
      geometry: { type: 'Point', coordinates: [67, 48] },
    });
  });
});
