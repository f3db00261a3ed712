// Ingest throughput: the whole pipeline (read, validate, join) over a corpus in a child process pinned to one
// core, so the figure is per core and does not borrow the machine's second one. A run past its time limit is
// stopped and reported as a bound (slower than the limit), which fails the goals on evidence.
import { articleFiles, corpusBytes, warmFiles } from './files.ts';
import { childResult, hasTaskset, TimeLimitError } from './proc.ts';
import { medianRun, ratio } from './stats.ts';

export interface IngestRun {
  articles: number;
  /** articles the pipeline joined (0 when it reported errors) */
  joined: number;
  errors: number;
  bytes: number;
  /** wall time of the call; with timedOut: the time limit, a lower bound */
  ms: number;
  /** CPU time of the process during the call (NaN when timed out) */
  cpuMs: number;
  /** NaN when timed out */
  maxRssKB: number;
}

export interface IngestFigures extends IngestRun {
  /** with timedOut: an upper bound */
  articlesPerSec: number;
  mbPerSec: number;
  /** pinned with `taskset -c 0`; false where taskset is missing (then the OS may spread the work) */
  pinned: boolean;
  timedOut: boolean;
  /** the wall time of every run, in the order run; the figures above are the median run's */
  runsMs: number[];
}

/**
 * Runs of the pipeline per corpus; the median one is reported. One run's time moved by up to a fifth with what else
 * the machine was doing (1,663 and ~1,880 articles/s for the same code an hour apart, session 13), and a single
 * stray run (a cold file cache, another process) decided the figure.
 */
export const INGEST_RUNS = 3;

async function timedRun(
  articlesDir: string,
  limitMs: number,
  pinned: boolean,
): Promise<{ run: IngestRun; timedOut: boolean }> {
  try {
    const run = await childResult<IngestRun>(
      `the pipeline on ${articlesDir}`,
      'ingest-child.ts',
      articlesDir,
      pinned,
      limitMs,
    );
    return { run, timedOut: false };
  } catch (e) {
    if (!(e instanceof TimeLimitError)) throw e;
    const articles = articleFiles(articlesDir).length;
    const bytes = corpusBytes(articlesDir);
    return {
      run: { articles, joined: 0, errors: 0, bytes, ms: limitMs, cpuMs: Number.NaN, maxRssKB: Number.NaN },
      timedOut: true,
    };
  }
}

export async function ingest(articlesDir: string, limitMs: number): Promise<IngestFigures> {
  const pinned = hasTaskset();
  // In this process, not the timed child: its memory figure stays the pipeline's.
  warmFiles(articlesDir);
  const runs: IngestRun[] = [];
  let timedOut = false;
  // A run stopped at the limit ends the series: the figure is then that bound, and more runs would only wait.
  while (runs.length < INGEST_RUNS && !timedOut) {
    const next = await timedRun(articlesDir, limitMs, pinned);
    timedOut = next.timedOut;
    if (timedOut) runs.length = 0;
    runs.push(next.run);
  }
  const run = medianRun(runs) as IngestRun;
  return {
    ...run,
    runsMs: runs.map((r) => r.ms),
    articlesPerSec: ratio(run.articles, run.ms / 1000),
    mbPerSec: ratio(run.bytes / 1e6, run.ms / 1000),
    pinned,
    timedOut,
  };
}
