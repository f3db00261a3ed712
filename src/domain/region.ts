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

/**
 * What the basemap covers and how far the camera may pan: REGION padded so that no clipped edge of the basemap is
 * ever on screen. Taller than wide in padding because the region is wide and screens are not: fitting 58° of
 * longitude shows about 37° of latitude around 45° N.
 */
export const MAP_EXTENT = {
  west: REGION.west - 6,
  south: REGION.south - 8,
  east: REGION.east + 6,
  north: REGION.north + 8,
} as const;
