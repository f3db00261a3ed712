// The benchmark's pure helpers (src/bench): the statistics, the sorting of downloads by kind, and the rule that a
// goal passes only on a measured figure. No timings here: the figures themselves belong to `npm run bench`.
import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../src/bench/classify.ts';
import type { BenchFigures } from '../../src/bench/figures.ts';
import { corpusBytes, warmFiles } from '../../src/bench/files.ts';
import { checkGoals } from '../../src/bench/goals.ts';
import { median, medianRun, ratio } from '../../src/bench/stats.ts';

describe('medianRun', () => {
  it('is the whole run with the median time, so its other figures belong to that time', () => {
    const usual = { ms: 5200, cpuMs: 5100 };
    const stray = { ms: 7300, cpuMs: 6700 };
    const quick = { ms: 5000, cpuMs: 4900 };
    expect(medianRun([usual, stray, quick])).toBe(usual);
    // an even number: the lower middle one, not a mean that no run measured
    expect(medianRun([stray, quick])).toBe(quick);
    expect(medianRun([])).toBeUndefined();
  });
});

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([9, 2, 7, 4, 1, 8, 3, 6, 5])).toBe(5);
  });
  it('takes the mean of the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(3, 2)).toBe(1.5);
  });
  it('is NaN when the divisor is zero or a figure is missing, so no goal passes on it', () => {
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
    expect(ratio(2, Number.POSITIVE_INFINITY)).toBeNaN();
  });
});

describe('classifyUrl', () => {
  const base = 'http://127.0.0.1:4173/';
  it.each([
    ['assets/index-CUzZbi5Y.js', 'own-js'],
    ['assets/embed-strings-CGev4j9E.js', 'own-js'],
    ['assets/figures-view-cgwJB9Z2.js', 'own-js'],
    ['assets/maplibre-C7k-ljor.js', 'maplibre-js'],
    ['assets/maplibre-gl-worker-CZtFQQIV.mjs', 'maplibre-js'],
    ['assets/maplibre-qvkd0SPb.css', 'css'],
    ['assets/index-K1QXIe-y.css', 'css'],
    ['data/corridors.json', 'data'],
    ['data/basemap.json', 'data'],
    ['data/features/rail-btk.json?v=1', 'data'],
    ['assets/noto-sans-cyrillic-400-normal-CHP_ranX.woff2', 'fonts'],
    ['', 'other'],
    ['index.html', 'other'],
    ['data/placeholder.svg', 'other'],
  ])('%s is %s', (p, kind) => {
    expect(classifyUrl(base + p)).toBe(kind);
  });
});

describe('checkGoals', () => {
  const corpus = (label: string) => ({ label, dir: label, articles: 1 });
  const figures = (): BenchFigures => ({ seeds: corpus('seeds'), large: corpus('10k'), notes: [] });

  it('fails every goal whose figure was not measured', () => {
    const goals = checkGoals(figures(), ['load', 'click', 'memory']);
    expect(goals).toHaveLength(6);
    expect(goals.every((g) => !g.pass && Number.isNaN(g.value))).toBe(true);
  });

  it('fails a goal whose figure is only a bound, even a bound on the right side', () => {
    const f = figures();
    const run = { articles: 10_000, joined: 0, errors: 0, bytes: 1, cpuMs: Number.NaN, maxRssKB: Number.NaN };
    f.large.ingest = {
      ...run,
      ms: 1000,
      articlesPerSec: 10_000,
      mbPerSec: 1,
      pinned: true,
      timedOut: true,
      runsMs: [1000],
    };
    const [throughput] = checkGoals(f, ['ingest']);
    expect(throughput?.bound).toBe('<');
    expect(throughput?.pass).toBe(false);
  });

  it('passes a measured figure within its limit', () => {
    const f = figures();
    const memory = { cycles: 100, features: 38, afterFirst: 10, afterPass: 10, afterAll: 10.5 };
    f.seeds.memory = { ...memory, ratio: 1.05, ratioAfterFirst: 1.05 };
    const [seeds] = checkGoals(f, ['memory']);
    expect(seeds?.pass).toBe(true);
  });
});

describe('warmFiles', () => {
  it('reads every article of a corpus once, as the timed ingest will (the seeds: all their bytes)', () => {
    expect(warmFiles('geo/articles')).toBe(corpusBytes('geo/articles'));
    expect(corpusBytes('geo/articles')).toBeGreaterThan(0);
  });
});
