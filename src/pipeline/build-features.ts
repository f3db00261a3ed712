// Turns validated curated features into what the map draws: every feature learns its parts, lines their drawn
// length, and a composite corridor (stored with `geometry: null`) is drawn as the lines of its parts.
import { feature as turfFeature } from '@turf/helpers';
import { length } from '@turf/length';
import type { Feature, Geometry, MultiLineString, Position } from 'geojson';
import type { BuiltCollection, BuiltProperties } from '../domain/app-data.ts';
import type { CorridorFeature, FeatureId } from '../domain/feature.ts';

/** Expects features that passed validateGeo; keeps their order. */
export function buildFeatures(features: CorridorFeature[]): BuiltCollection {
  const parts = partsById(features);
  const byId = new Map(features.map((f) => [f.id, f]));
  return {
    type: 'FeatureCollection',
    features: features.map((f) => buildFeature(f, geometryOf(f, byId, parts), parts.get(f.id) ?? [])),
  };
}

function buildFeature(
  source: CorridorFeature,
  geometry: Geometry,
  parts: FeatureId[],
): Feature<Geometry, BuiltProperties> {
  const drawn = drawnLengthKm(geometry);
  return {
    type: 'Feature',
    id: source.id,
    geometry,
    properties: { ...source.properties, parts, ...(drawn === undefined ? {} : { drawnLengthKm: drawn }) },
  };
}

/** id → ids of the features whose partOf names it, sorted. */
function partsById(features: CorridorFeature[]): Map<FeatureId, FeatureId[]> {
  const parts = new Map<FeatureId, Set<FeatureId>>();
  for (const f of features) {
    for (const whole of f.properties.partOf) parts.set(whole, (parts.get(whole) ?? new Set()).add(f.id));
  }
  return new Map([...parts].map(([id, ids]) => [id, [...ids].sort()]));
}

function geometryOf(
  f: CorridorFeature,
  byId: Map<FeatureId, CorridorFeature>,
  parts: Map<FeatureId, FeatureId[]>,
): Geometry {
  if (f.properties.kind === 'corridor') return compositeGeometry(f.id, byId, parts);
  if (f.geometry === null) throw new Error(`buildFeatures: ${f.id} (${f.properties.kind}) has no geometry`);
  return f.geometry;
}

/**
 * The lines of a composite's parts, in part-id order. Points (ports, places) are parts but not lines. A part that
 * is itself a corridor contributes its own parts' lines; each line feature is drawn once, and cycles end.
 */
function compositeGeometry(
  id: FeatureId,
  byId: Map<FeatureId, CorridorFeature>,
  parts: Map<FeatureId, FeatureId[]>,
): MultiLineString {
  const lines: Position[][] = [];
  const visited = new Set<FeatureId>([id]);
  const visit = (partId: FeatureId): void => {
    if (visited.has(partId)) return;
    visited.add(partId);
    const part = byId.get(partId);
    if (part?.properties.kind === 'corridor') (parts.get(partId) ?? []).forEach(visit);
    else if (part?.geometry?.type === 'LineString') lines.push(part.geometry.coordinates);
    else if (part?.geometry?.type === 'MultiLineString') lines.push(...part.geometry.coordinates);
  };
  (parts.get(id) ?? []).forEach(visit);
  return { type: 'MultiLineString', coordinates: lines };
}

/** turf length in km, one decimal; undefined for anything that is not a line. */
function drawnLengthKm(geometry: Geometry): number | undefined {
  if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString') return undefined;
  return Math.round(length(turfFeature(geometry)) * 10) / 10;
}
