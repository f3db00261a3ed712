// Ingest throughput: the whole pipeline (read, validate, join) over a corpus in a child process pinned to one
// core, so the figure is per core and does not borrow the machine's second one. A run past its time limit is
// stopped and reported as a bound (slower than the limit), which fails the goals on evidence.
import { articleFiles, corpusBytes, warmFiles } from './files.ts';
import { childResult, hasTaskset, TimeLimitError } from './proc.ts';
import { ratio } from './stats.ts';

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
}

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
  const { run, timedOut } = await timedRun(articlesDir, limitMs, pinned);
  return {
    ...run,
    articlesPerSec: ratio(run.articles, run.ms / 1000),
    mbPerSec: ratio(run.bytes / 1e6, run.ms / 1000),
    pinned,
    timedOut,
  };
}
