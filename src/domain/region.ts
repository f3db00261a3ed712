// The region the map covers and validates against. At least lon 26–84, lat 34–56 so that Constanța (28.6 E) and
// Khorgos (80.4 E) both fit (issue 2); the bundled basemap is clipped to the same box.
export const REGION = { west: 26, south: 34, east: 84, north: 56 } as const;

export type LonLat = [number, number];

export function inRegion([lon, lat]: readonly number[]): boolean {
  return (
    lon !== undefined &&
    lat !== undefined &&
    lon >= REGION.west &&
    lon <= REGION.east &&
    lat >= REGION.south &&
    lat <= REGION.north
  );
}
