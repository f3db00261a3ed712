// The article files of a corpus folder, as the pipeline sees them (src/pipeline/load.ts). No other imports: the
// timed ingest child loads this too, and must not carry the bench's dependencies in its memory figure.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareStrings } from '../domain/compare-strings.ts';

/** Sorted by name (code-unit order), as the pipeline reads them. */
export function articleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort(compareStrings);
}

export function corpusBytes(dir: string): number {
  return articleFiles(dir).reduce((s, f) => s + statSync(path.join(dir, f)).size, 0);
}

/**
 * Reads every article once and drops the bytes, so that the timed run reads them from the OS's file cache: the figure
 * is the pipeline's speed on one core, not the disk's. With the cache cold (after a drop of the caches, or when other
 * files had pushed the corpus out of it), the same pipeline took 7.3–7.4 s on the 10k corpus instead of 5.3–5.6 s.
 * Returns the bytes read.
 */
export function warmFiles(dir: string): number {
  let bytes = 0;
  for (const f of articleFiles(dir)) bytes += readFileSync(path.join(dir, f)).length;
  return bytes;
}
