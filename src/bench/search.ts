// Search speed: how long the index takes to build and how long each keystroke takes, over the whole corpus, in a
// child process pinned to one core like the ingest (./ingest.ts). The pipeline's run before it is not timed.
import { childResult, hasTaskset } from './proc.ts';
import { max, median } from './stats.ts';

export interface SearchFigures {
  /** sentences the index holds (the corpus's mentions) */
  documents: number;
  buildMs: number;
  keystrokes: number;
  medianMs: number;
  /** the 95th percentile */
  p95Ms: number;
  maxMs: number;
  pinned: boolean;
}

export async function measureSearch(articlesDir: string, limitMs: number): Promise<SearchFigures> {
  const pinned = hasTaskset();
  const run = await childResult<{ documents: number; buildMs: number; keystrokes: number[] }>(
    `the search on ${articlesDir}`,
    'search-child.ts',
    articlesDir,
    pinned,
    limitMs,
  );
  const sorted = [...run.keystrokes].sort((a, b) => a - b);
  return {
    documents: run.documents,
    buildMs: run.buildMs,
    keystrokes: sorted.length,
    medianMs: median(sorted),
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN,
    maxMs: max(sorted),
    pinned,
  };
}
