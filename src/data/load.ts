// The app's data comes from its own origin only: the files the pipeline wrote at build time under a
// content-hashed folder (and the dev server serves from the same code): the core and the basemap for the first
// view, then per-feature, per-article and whole-corpus pieces on demand (src/data/loader.ts).
import { DATA_BASE } from 'virtual:corridors-data';
import type { CoreData, DataShard } from '../domain/shards.ts';
import { SHARD_FILES } from '../domain/shards.ts';
import type { BasemapData } from '../map/style.ts';

/** The data folder's URL relative to the page (the site may live in any folder of a static host). */
export const DATA_URL = `${import.meta.env.BASE_URL}${DATA_BASE}`;

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export async function getJson<T>(file: string): Promise<T> {
  const res = await fetch(`${DATA_URL}${file}`);
  if (res.status === 404) throw new NotFoundError(`${file}: not found`);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function loadCore(): Promise<CoreData> {
  return getJson<CoreData>(SHARD_FILES.core);
}

export function loadBasemap(): Promise<BasemapData> {
  return getJson<BasemapData>(SHARD_FILES.basemap);
}

export function loadShard(file: string): Promise<DataShard> {
  return getJson<DataShard>(file);
}
