// The article files of a corpus folder, as the pipeline sees them (src/pipeline/load.ts). No other imports: the
// timed ingest child loads this too, and must not carry the bench's dependencies in its memory figure.

import { readdirSync, statSync } from 'node:fs';
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
