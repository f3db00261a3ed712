// The data files of a build: the split data (src/pipeline/shards.ts) and the basemap as JSON text, under a folder
// named by a hash of their content. Every file name is then content-addressed: a static host can serve data/<hash>/
// with a year-long immutable cache, and a new build can never be mixed with an old one in a reader's cache.
import { createHash } from 'node:crypto';
import type { AppData } from '../domain/app-data.ts';
import { SHARD_FILES } from '../domain/shards.ts';
import { splitAppData } from './shards.ts';

export interface DataFiles {
  /** the folder the files go in, relative to the site root, with a trailing slash: data/<hash>/ */
  base: string;
  /** file name relative to `base` → JSON text */
  files: Map<string, string>;
}

export function dataFiles(data: AppData, basemapJson: string, version?: string): DataFiles {
  const split = splitAppData(data);
  const files = new Map<string, string>([
    [SHARD_FILES.core, JSON.stringify(split.core)],
    [SHARD_FILES.basemap, basemapJson],
    [SHARD_FILES.corpus, JSON.stringify(split.corpus)],
  ]);
  for (const [id, pages] of split.features)
    for (const [k, shard] of pages.entries()) files.set(SHARD_FILES.feature(id, k), JSON.stringify(shard));
  for (const [id, shard] of split.articles) files.set(SHARD_FILES.article(id), JSON.stringify(shard));
  return { base: `data/${version ?? contentHash(files)}/`, files };
}

function contentHash(files: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const [name, text] of files) h.update(name).update('\0').update(text).update('\0');
  return h.digest('hex').slice(0, 12);
}
