// The app's data comes from its own origin only: the joined corridors data and the clipped basemap, both
// written by the pipeline at build time (and served by the dev server from the same code).
import type { AppData } from '../domain/app-data.ts';
import type { BasemapData } from '../map/style.ts';

export const DATA_PATH = 'data/corridors.json';
export const BASEMAP_PATH = 'data/basemap.json';

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function loadAppData(): Promise<AppData> {
  return getJson<AppData>(DATA_PATH);
}

export function loadBasemap(): Promise<BasemapData> {
  return getJson<BasemapData>(BASEMAP_PATH);
}
