// Small pure helpers for the benchmark's figures. Kept apart from the browser code so the unit test can load them.

/** The median of the values (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return hi;
  return ((sorted[mid - 1] ?? Number.NaN) + hi) / 2;
}

/** a / b, NaN when b is zero or either is not a number, so a missing figure never passes a goal by accident. */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

export function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/**
 * The run whose `ms` is the median of an odd number of runs (the lower middle one of an even number): a whole run,
 * so that its other figures (CPU time, memory) belong to the time reported. Undefined for none.
 */
export function medianRun<T extends { ms: number }>(runs: readonly T[]): T | undefined {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)];
}
