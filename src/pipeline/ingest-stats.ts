// Throughput of the ingest for benchmarks: the same work as `npm run ingest` (buildAppDataFromDisk, then the JSON
// the CLI writes), timed in this process. Fixed start-up (reading and validating geo/, compiling aliases, the
// first call's warm-up) is timed apart on an empty articles directory and left out of the rates.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAppDataFromDisk } from './app-data.ts';
import { formatJoinedData } from './format-joined.ts';

export interface IngestStats {
  articles: number;
  /** bytes of the article files read */
  bytes: number;
  /** ingest of the articles, start-up excluded */
  ms: number;
  msStartup: number;
  articlesPerSecond: number;
  /** megabytes (10^6 bytes) of article files per second */
  mbPerSecond: number;
}

export function measureIngest(articlesDir: string, geoDir = 'geo'): IngestStats {
  const files = readdirSync(articlesDir).filter((f) => f.endsWith('.txt'));
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(articlesDir, f)).size, 0);
  const empty = mkdtempSync(path.join(tmpdir(), 'ingest-stats-'));
  let msStartup: number;
  try {
    const t0 = performance.now();
    buildAppDataFromDisk({ geoDir, articlesDir: empty });
    msStartup = performance.now() - t0;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  const t1 = performance.now();
  const result = buildAppDataFromDisk({ geoDir, articlesDir });
  if (result.data !== null) formatJoinedData(result.data.joined);
  const ms = Math.max(performance.now() - t1 - msStartup, 1e-3);
  return {
    articles: files.length,
    bytes,
    ms,
    msStartup,
    articlesPerSecond: files.length / (ms / 1000),
    mbPerSecond: bytes / 1e6 / (ms / 1000),
  };
}
