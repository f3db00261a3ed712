// Disagreements between articles (issue 3, "Disagreements"): two figures of one metric for overlapping periods,
// from different articles, whose values differ beyond rounding; and one value given for two different periods.
// Each becomes a Discrepancy of the joined-data contract (../shared/ARCHITECTURE.md) with its mentions and a note
// in English that says what differs. Pure and deterministic: sorted output, no clock, no locale.
//
// What is compared, and why:
// - Only `actual` with `actual`: a target, a forecast, a capacity or a change is not a claim about what happened.
// - Only figures of a known metric and of the same unit (USD with USD), from different articles.
// - Metrics whose value belongs to a feature (scope `feature` in ./metrics.ts: a port's capacity, a line's length)
//   only between mentions naming the same features; figures of such a metric in a sentence naming none are skipped.
// - "Beyond rounding": each value stands for an interval — exact ±1% (so two exact values may differ by ~2%),
//   "около" ±10%, "свыше" from −1% up, "до"/"менее" up to +1%. Two figures disagree when their intervals do not
//   meet: "свыше 500 млн" and "533 млн" agree (over 500 includes 533); "свыше 533 млн" and "470 млн" do not.
// - Identical periods: the intervals must meet. Overlapping periods: for a level (a capacity, a count, a share)
//   the same; for a flow (trade, cargo: summed over the period) only containment says something — the longer
//   period must hold at least as much as a period inside it; two windows that merely overlap cannot be compared.
// - A figure with no period: a level is read as of its article's date (counted as the article's year); a flow is
//   not compared (an annual rate, "нынешний объем", has no period to meet another's).
// - One value for two periods (flows only): the same value (within 2%) given for two different, overlapping
//   periods by different articles ("547 млн долларов" for January–August in one, January–September in another).
//   Disjoint periods are left alone: two years with the same total is a coincidence, not a contradiction.
//
// Complexity: figures are grouped by metric + unit (+ features for `feature` metrics) and then by period, in
// O(n log n). Within a group every figure is checked against per-period summaries (the smallest upper and largest
// lower bound from two different articles), never against other figures one by one: identical periods cost O(size
// of the bucket); each pair of overlapping distinct periods costs O(size of both buckets). With D distinct periods
// in a group the total is O(n log n + n·D), and D is bounded by the calendar (years and months named in articles),
// not by the number of mentions. `stats.comparisons` counts these checks so a test can show it.

import { compareStrings } from '../domain/compare-strings.ts';
import type { Article, Discrepancy, Figure, Mention, Period, Unit } from '../domain/joined.ts';
import { type MetricNature, metricNature, metricScope } from './metrics.ts';

export interface CompareStats {
  /** figure-against-summary checks and period pairs looked at: grows with n·D, not n² */
  comparisons: number;
}

/** Half the rounding allowed between two exact values (~2% in all). */
const ROUNDING = 0.01;
/** "около", "примерно", "порядка". */
const ABOUT = 0.1;
/** "The same value" for two periods: within ~2%. */
const SAME_VALUE = 0.02;

interface Item {
  mentionId: string;
  articleId: string;
  figure: Figure;
  lo: number;
  hi: number;
  /** "2025-09-12, Day.Az": made once per figure, since notes and their order read it many times */
  source: string;
  /** "over 533 000 000 USD", made when a note first needs it */
  value?: string;
}

interface Bucket {
  /** null: a level figure with no period, as of its article's year (compared only within its bucket) */
  period: Period | null;
  key: string;
  /** months since year 0, inclusive; NaN for the no-period bucket */
  from: number;
  to: number;
  items: Item[];
}

interface Group {
  metric: string;
  nature: MetricNature;
  buckets: Map<string, Bucket>;
}

export function findDiscrepancies(
  mentions: readonly Mention[],
  articles: readonly Article[],
  stats: CompareStats = { comparisons: 0 },
): Discrepancy[] {
  return discrepanciesAmong(comparableFigures(mentions, articles), null, stats);
}

/**
 * The figures the search compares, grouped by what they measure and by period, each with its article. Made once,
 * it can be searched for any subset of the articles (discrepanciesAmong): the browser's outlet and date filters
 * do so without grouping ~50,000 figures again at every change.
 */
export interface ComparableFigures {
  /** in key order, each group's buckets in period order */
  groups: readonly { group: Group; buckets: readonly Bucket[] }[];
}

export function comparableFigures(
  mentions: readonly Mention[],
  articles: readonly Article[],
): ComparableFigures {
  const groups = groupFigures(mentions, new Map(articles.map((a) => [a.id, a])));
  return {
    groups: [...groups.keys()].sort(compareStrings).map((key) => {
      const group = groups.get(key) as Group;
      return { group, buckets: [...group.buckets.values()].sort(compareBuckets) };
    }),
  };
}

/**
 * The disagreements among the figures of the articles `keep` lets through (all when null): what findDiscrepancies
 * gives for those articles' mentions, since a bucket keeps its figures' order and a bucket left empty is skipped.
 */
export function discrepanciesAmong(
  figures: ComparableFigures,
  keep: ((articleId: string) => boolean) | null,
  stats: CompareStats = { comparisons: 0 },
): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const { group, buckets: all } of figures.groups) {
    const buckets =
      keep === null
        ? all
        : all.flatMap((b) => {
            const items = b.items.filter((item) => keep(item.articleId));
            return items.length === 0 ? [] : [{ ...b, items }];
          });
    for (const bucket of buckets) out.push(...sameBucket(group, bucket, stats));
    const dated = buckets.filter((b) => b.period !== null);
    out.push(...overlappingBuckets(group, dated, stats));
    if (group.nature === 'flow') out.push(...sameValueTwoPeriods(group, dated, stats));
  }
  // The keys are made once per disagreement, not once per comparison: at 10,000 articles some list hundreds of
  // mentions, and the browser runs this on every change of the outlet and date filters (src/data/filter-catalog.ts).
  const keyed = out.map((d) => ({ d, period: periodText(d.period), ids: d.mentionIds.join(' ') }));
  keyed.sort(
    (a, b) =>
      compareStrings(a.d.metric, b.d.metric) ||
      compareStrings(a.period, b.period) ||
      compareStrings(a.ids, b.ids) ||
      compareStrings(a.d.note, b.d.note),
  );
  return keyed.map((k) => k.d);
}

// ---- grouping ----------------------------------------------------------------------------------------------------

function groupFigures(mentions: readonly Mention[], byId: ReadonlyMap<string, Article>): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const m of mentions) {
    let named: string | null = null;
    let source: string | null = null;
    for (const f of m.figures) {
      if (f.kind !== 'actual' || f.metric === 'unknown') continue;
      const nature = metricNature(f.metric);
      if (nature === null) continue;
      let features = '-';
      if (metricScope(f.metric) === 'feature') {
        named ??= [...m.featureIds].sort().join(',');
        features = named;
      }
      if (features === '') continue;
      let bucketKey: string;
      let period: Period | null = f.period;
      if (period !== null) bucketKey = periodText(period);
      else if (nature === 'level') {
        const year = (byId.get(m.articleId)?.date ?? '').slice(0, 4);
        bucketKey = `as of ${year}`;
        period = null;
      } else continue;
      const key = `${f.metric}\u0000${f.unit}\u0000${features}`;
      let group = groups.get(key);
      if (!group) {
        group = { metric: f.metric, nature, buckets: new Map() };
        groups.set(key, group);
      }
      let bucket = group.buckets.get(bucketKey);
      if (!bucket) {
        const [from, to] = period === null ? [Number.NaN, Number.NaN] : monthsOf(period);
        bucket = { period, key: bucketKey, from, to, items: [] };
        group.buckets.set(bucketKey, bucket);
      }
      source ??= sourceLabel(byId.get(m.articleId), m.articleId);
      bucket.items.push({ mentionId: m.id, articleId: m.articleId, figure: f, ...interval(f), source });
    }
  }
  return groups;
}

/** The values a figure allows: see the header. */
function interval(f: Figure): { lo: number; hi: number } {
  const v = f.value;
  // No closure for the slack: tsx names every local function when it is made, once per figure here.
  const about = Math.abs(v) * ABOUT;
  const rounding = Math.abs(v) * ROUNDING;
  switch (f.qualifier) {
    case 'about':
      return { lo: v - about, hi: v + about };
    case 'over':
      return { lo: v - rounding, hi: Number.POSITIVE_INFINITY };
    case 'under':
      return { lo: Number.NEGATIVE_INFINITY, hi: v + rounding };
    default:
      return { lo: v - rounding, hi: v + rounding };
  }
}

/** "2025" → [2025·12, 2025·12 + 11]; "2025-01".."2025-08" → months. */
function monthsOf(p: Period): [number, number] {
  return [monthIndex(p.from, false), monthIndex(p.to, true)];
}

/** "2025-03" → 2025·12 + 2; "2025" → its first month, or with `end` its last. */
function monthIndex(s: string, end: boolean): number {
  const y = Number(s.slice(0, 4));
  return s.length >= 7 ? y * 12 + Number(s.slice(5, 7)) - 1 : y * 12 + (end ? 11 : 0);
}

function compareBuckets(a: Bucket, b: Bucket): number {
  if (a.period === null || b.period === null) {
    return a.period === b.period ? compareStrings(a.key, b.key) : a.period === null ? -1 : 1;
  }
  return a.from - b.from || a.to - b.to || compareStrings(a.key, b.key);
}

// ---- summaries: the extreme bound from two different articles ------------------------------------------------

interface Extreme {
  value: number;
  articleId: string;
}

/** The smallest `hi` and the largest `lo` of a bucket, each with a runner-up from another article. */
interface Summary {
  minHi: [Extreme | null, Extreme | null];
  maxLo: [Extreme | null, Extreme | null];
}

function summarise(items: readonly Item[], stats: CompareStats): Summary {
  const minHi: [Extreme | null, Extreme | null] = [null, null];
  const maxLo: [Extreme | null, Extreme | null] = [null, null];
  for (const item of items) {
    stats.comparisons++;
    keep(minHi, { value: item.hi, articleId: item.articleId }, (a, b) => a < b);
    keep(maxLo, { value: item.lo, articleId: item.articleId }, (a, b) => a > b);
  }
  return { minHi, maxLo };
}

/** Keeps the best value and the best value of a different article. */
function keep(
  top: [Extreme | null, Extreme | null],
  e: Extreme,
  better: (a: number, b: number) => boolean,
): void {
  const [first, second] = top;
  if (first === null || better(e.value, first.value)) {
    top[0] = e;
    top[1] = first !== null && first.articleId !== e.articleId ? first : second;
  } else if (e.articleId !== first.articleId && (second === null || better(e.value, second.value))) {
    top[1] = e;
  }
}

/** The best of `top` that is not from `articleId`. */
function otherThan(top: readonly [Extreme | null, Extreme | null], articleId: string): number | null {
  const [first, second] = top;
  if (first !== null && first.articleId !== articleId) return first.value;
  return second?.value ?? null;
}

/** Items of `items` some item of `other` (from another article) excludes: its interval lies wholly above or below. */
function excluded(items: readonly Item[], other: Summary, stats: CompareStats, only?: 'below'): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    stats.comparisons++;
    const aboveIt = otherThan(other.maxLo, item.articleId);
    const belowIt = otherThan(other.minHi, item.articleId);
    const isBelow = aboveIt !== null && item.hi < aboveIt;
    const isAbove = belowIt !== null && item.lo > belowIt;
    if (only === 'below' ? isBelow : isBelow || isAbove) out.push(item);
  }
  return out;
}

// ---- the three checks ----------------------------------------------------------------------------------------

/** Figures for the same period (or, for levels without one, as of the same year) that cannot all be true. */
function sameBucket(group: Group, bucket: Bucket, stats: CompareStats): Discrepancy[] {
  if (bucket.items.length < 2) return [];
  const involved = excluded(bucket.items, summarise(bucket.items, stats), stats);
  if (involved.length === 0) return [];
  const where =
    bucket.period === null
      ? `${group.metric} with no period given (as of the articles' dates)`
      : `${group.metric} for ${periodText(bucket.period)}`;
  return [
    disagreement(
      group.metric,
      bucket.period === null ? null : { ...bucket.period },
      mentionIdsOf(involved),
      () => `${where}: ${entries(involved).join(' vs ')}`,
    ),
  ];
}

/**
 * Pairs of distinct, overlapping periods, found by a sweep over buckets sorted by start: for each bucket, the
 * later ones that start before it ends. Levels must agree on the overlap; for flows, a period that contains
 * another must not hold less.
 */
function overlappingBuckets(group: Group, dated: readonly Bucket[], stats: CompareStats): Discrepancy[] {
  const out: Discrepancy[] = [];
  const summaries = new Map<Bucket, Summary>();
  const summary = (b: Bucket) => {
    let s = summaries.get(b);
    if (!s) {
      s = summarise(b.items, stats);
      summaries.set(b, s);
    }
    return s;
  };
  for (let i = 0; i < dated.length; i++) {
    const a = dated[i] as Bucket;
    for (let j = i + 1; j < dated.length && (dated[j] as Bucket).from <= a.to; j++) {
      const b = dated[j] as Bucket;
      stats.comparisons++;
      const overlap = monthsToPeriod(Math.max(a.from, b.from), Math.min(a.to, b.to), a, b);
      if (group.nature === 'level') {
        const involved = [...excluded(a.items, summary(b), stats), ...excluded(b.items, summary(a), stats)];
        if (involved.length === 0) continue;
        out.push(
          disagreement(group.metric, overlap, mentionIdsOf(involved), () => {
            const shown = sortItems(involved).map(
              (item) => `${entry(item)} for ${periodText(periodOf(item))}`,
            );
            return `${group.metric} for ${periodText(overlap)}: ${unique(shown).join(' vs ')}`;
          }),
        );
        continue;
      }
      const aHoldsB = a.from <= b.from && a.to >= b.to;
      const bHoldsA = b.from <= a.from && b.to >= a.to;
      if (!aHoldsB && !bHoldsA) continue;
      const [outer, inner] = aHoldsB ? [a, b] : [b, a];
      const less = excluded(outer.items, summary(inner), stats, 'below');
      if (less.length === 0) continue;
      const more = excludedAbove(inner.items, summary(outer), stats);
      out.push(
        disagreement(
          group.metric,
          overlap,
          mentionIdsOf([...less, ...more]),
          () =>
            `${group.metric}: ${entries(less).join(', ')} for ${periodText(outer.period as Period)} ` +
            `is less than ${entries(more).join(', ')} for ${periodText(inner.period as Period)}, ` +
            'a period inside it',
        ),
      );
    }
  }
  return out;
}

/** Items of the inner period whose lower bound is above some outer figure of another article. */
function excludedAbove(items: readonly Item[], outer: Summary, stats: CompareStats): Item[] {
  return items.filter((item) => {
    stats.comparisons++;
    const belowIt = otherThan(outer.minHi, item.articleId);
    return belowIt !== null && item.lo > belowIt;
  });
}

/**
 * One value for two periods (flows): figures sorted by value fall into runs of nearly equal values — a run starts
 * at its smallest value and takes every value within 2% of it, so all of a run are within 2% of each other (a
 * chain "each within 2% of the one before" would join 100 to 1000). Two values within 2% that a run boundary
 * separates are not paired: rare, and the cost of keeping this linear. Inside a run, distinct overlapping periods
 * from different articles are reported once.
 */
function sameValueTwoPeriods(group: Group, dated: readonly Bucket[], stats: CompareStats): Discrepancy[] {
  const items = dated.flatMap((b) => b.items.map((item) => ({ item, bucket: b })));
  items.sort(
    (x, y) =>
      x.item.figure.value - y.item.figure.value ||
      compareBuckets(x.bucket, y.bucket) ||
      compareStrings(x.item.mentionId, y.item.mentionId),
  );
  const out: Discrepancy[] = [];
  let runStart = 0;
  for (let k = 1; k <= items.length; k++) {
    const first = items[runStart]?.item.figure.value as number;
    const here = items[k]?.item.figure.value;
    if (
      here !== undefined &&
      Math.abs(here - first) <= SAME_VALUE * Math.max(Math.abs(here), Math.abs(first))
    )
      continue;
    const run = items.slice(runStart, k);
    runStart = k;
    const d = sameValueRun(group, run, stats);
    if (d) out.push(d);
  }
  return out;
}

function sameValueRun(
  group: Group,
  run: readonly { item: Item; bucket: Bucket }[],
  stats: CompareStats,
): Discrepancy | null {
  if (run.length < 2) return null;
  // The run's buckets, in period order, each with the articles it has figures from.
  const byBucket = new Map<Bucket, Item[]>();
  for (const { item, bucket } of run) {
    const list = byBucket.get(bucket);
    if (list) list.push(item);
    else byBucket.set(bucket, [item]);
  }
  if (byBucket.size < 2) return null;
  const buckets = [...byBucket.keys()].sort(compareBuckets);
  const involved = new Set<Item>();
  for (let i = 0; i < buckets.length; i++) {
    const a = buckets[i] as Bucket;
    for (let j = i + 1; j < buckets.length && (buckets[j] as Bucket).from <= a.to; j++) {
      const b = buckets[j] as Bucket;
      stats.comparisons++;
      const inA = byBucket.get(a) as Item[];
      const inB = byBucket.get(b) as Item[];
      const articlesB = new Set(inB.map((x) => x.articleId));
      const articlesA = new Set(inA.map((x) => x.articleId));
      for (const x of inA) if (articlesB.size > 1 || !articlesB.has(x.articleId)) involved.add(x);
      for (const y of inB) if (articlesA.size > 1 || !articlesA.has(y.articleId)) involved.add(y);
      stats.comparisons += inA.length + inB.length;
    }
  }
  if (involved.size === 0) return null;
  const list = run.filter(({ item }) => involved.has(item));
  return disagreement(group.metric, null, mentionIdsOf(list.map((x) => x.item)), () => {
    const values = unique(list.map(({ item }) => valueText(item)));
    const parts: string[] = [];
    for (const bucket of buckets) {
      const here = list.filter((x) => x.bucket === bucket).map((x) => x.item);
      if (here.length === 0) continue;
      const sources = unique(here.map((x) => x.source)).join('; ');
      const value = values.length === 1 ? '' : `${unique(here.map(valueText)).join(', ')} `;
      parts.push(`${value}for ${periodText(bucket.period as Period)} (${sources})`);
    }
    const listed = `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
    return values.length === 1
      ? `${values[0]} of ${group.metric} given ${listed}`
      : `nearly the same ${group.metric} given ${listed}`;
  });
}

/**
 * A Discrepancy whose note is written when first read. The note lists every side, and a page shows a few of
 * thousands of disagreements (the browser finds them again at every change of filters); to JSON, a spread, a
 * structured clone or a test's equality the note is an ordinary property.
 */
function disagreement(
  metric: string,
  period: Period | null,
  mentionIds: string[],
  write: () => string,
): Discrepancy {
  let note: string | null = null;
  const d = { metric, period, mentionIds } as Discrepancy;
  Object.defineProperty(d, 'note', {
    enumerable: true,
    configurable: true,
    get: () => {
      note ??= write();
      return note;
    },
    set: (value: string) => {
      note = value;
    },
  });
  return d;
}

// ---- words -------------------------------------------------------------------------------------------------------

function periodOf(item: Item): Period {
  return item.figure.period as Period;
}

function monthsToPeriod(from: number, to: number, a: Bucket, b: Bucket): Period {
  // Keep whole years as "YYYY" when both periods are whole years.
  const wholeYears = [a, b].every((x) => (x.period as Period).from.length === 4);
  return { from: monthText(from, wholeYears), to: monthText(to, wholeYears) };
}

/** A month index (see monthIndex) as "YYYY-MM", or as "YYYY" for whole years. */
function monthText(m: number, wholeYears: boolean): string {
  const y = Math.floor(m / 12);
  if (wholeYears) return String(y);
  return `${y}-${String((m % 12) + 1).padStart(2, '0')}`;
}

function periodText(p: Period | null): string {
  if (p === null) return '';
  return p.from === p.to ? p.from : `${p.from}..${p.to}`;
}

function sourceLabel(article: Article | undefined, articleId: string): string {
  if (!article) return articleId;
  return `${article.date}, ${article.source ?? 'outlet not named'}`;
}

const QUALIFIER_WORD = { exact: '', about: 'about ', over: 'over ', under: 'under ' } as const;

/** "over 533 000 000 USD" */
function valueText(item: Item): string {
  const f = item.figure;
  item.value ??= `${QUALIFIER_WORD[f.qualifier]}${formatValue(f.value, f.unit)}`;
  return item.value;
}

/** "over 533 000 000 USD (2025-09-12, Day.Az)" */
function entry(item: Item): string {
  return `${valueText(item)} (${item.source})`;
}

/** Value order (then source, then mention): the same whatever order the mentions came in. */
function sortItems(items: readonly Item[]): Item[] {
  return [...items].sort(
    (a, b) =>
      a.lo - b.lo ||
      a.hi - b.hi ||
      compareStrings(a.source, b.source) ||
      compareStrings(a.mentionId, b.mentionId),
  );
}

/** Entries in value order, each written once. */
function entries(items: readonly Item[]): string[] {
  return unique(sortItems(items).map(entry));
}

/** 470000000 → "470 000 000 USD", 85 → "85%", a count → the bare number. */
export function formatValue(value: number, unit: Unit): string {
  const [int = '', frac] = String(Math.abs(value)).split('.');
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0 && /^\d+$/.test(int)) grouped += ' ';
    grouped += int.charAt(i);
  }
  const number = `${value < 0 ? '−' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
  if (unit === '%') return `${number}%`;
  if (unit === 'count') return number;
  return `${number} ${unit}`;
}

function mentionIdsOf(items: readonly Item[]): string[] {
  return unique(items.map((i) => i.mentionId)).sort(compareStrings);
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
