// The printed report: a table per section with the seed corpus and the large corpus side by side, then the goals.
import { ASSET_CLASSES, type AssetClass } from './classify.ts';
import type { FeatureClick } from './click.ts';
import type { BenchFigures, CorpusFigures } from './figures.ts';
import { KB } from './figures.ts';
import type { Goal } from './goals.ts';
import type { IngestFigures } from './ingest.ts';
import { ratio } from './stats.ts';

const DASH = '—';
const num = (v: number | undefined, digits: number): string =>
  v === undefined || !Number.isFinite(v) ? DASH : v.toFixed(digits);
/** A figure with its unit, or a dash when there is none. */
const withUnit = (v: number | undefined, digits: number, unit: string) =>
  v === undefined || !Number.isFinite(v) ? DASH : `${v.toFixed(digits)} ${unit}`;
const kb = (bytes: number | undefined) => withUnit(bytes === undefined ? bytes : bytes / KB, 1, 'KB');
const mb = (bytes: number | undefined) => withUnit(bytes === undefined ? bytes : bytes / KB / KB, 1, 'MB');
const ms = (v: number | undefined) => withUnit(v, 0, 'ms');
/** -1 and Infinity: the probe gave up (click.ts) before it came */
const frames = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? DASH : v < 0 || v === Number.POSITIVE_INFINITY ? 'never' : String(v);

/** Left-aligned first column, right-aligned figures, two spaces apart. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

type Cell = (c: CorpusFigures) => string;

function section(title: string, f: BenchFigures, rows: [string, Cell][], extra = ''): string {
  const body = table(
    ['', f.seeds.label, f.large.label],
    rows.map(([label, pick]) => [label, pick(f.seeds), pick(f.large)]),
  );
  return `\n== ${title}\n${body}${extra ? `\n${extra}` : ''}`;
}

const CLASS_LABEL: Record<AssetClass, string> = {
  'own-js': 'own JS',
  'maplibre-js': 'MapLibre JS + worker',
  css: 'CSS',
  data: 'data (.json)',
  fonts: 'fonts',
  other: 'other (HTML, …)',
};

function sizes(f: BenchFigures): string {
  const rows: [string, Cell][] = ASSET_CLASSES.map((k) => [
    CLASS_LABEL[k],
    (c) => {
      const s = c.sizes?.byClass[k];
      return s === undefined ? DASH : `${c.sizes?.reachedIdle ? '' : '> '}${kb(s.gzip)} (${s.files})`;
    },
  ]);
  rows.push([
    'total',
    (c) =>
      c.sizes
        ? `${c.sizes.reachedIdle ? '' : '> '}${kb(Object.values(c.sizes.byClass).reduce((s, x) => s + x.gzip, 0))}`
        : DASH,
  ]);
  const growth = ratio(
    f.large.sizes?.byClass.data.gzip ?? Number.NaN,
    f.seeds.sizes?.byClass.data.gzip ?? Number.NaN,
  );
  return section(
    'Size: gzip -9 of every response until the first idle + 1 s quiet (files)',
    f,
    rows,
    `first-view data ${f.large.label} / seeds: ${num(growth, 2)}`,
  );
}

function load(f: BenchFigures): string {
  const runs = f.seeds.load?.app.length ?? f.large.load?.app.length ?? 0;
  return section(
    `Load: navigation to the map's first idle, cold (fresh context), 1280×800, ${runs} runs each, alternating`,
    f,
    [
      ['app median', (c) => ms(c.load?.appMedian)],
      [
        'app min–max',
        (c) => (c.load ? `${ms(Math.min(...c.load.app))}–${ms(Math.max(...c.load.app))}` : DASH),
      ],
      ['bare MapLibre median', (c) => ms(c.load?.bareMedian)],
      [
        'bare min–max',
        (c) => (c.load ? `${ms(Math.min(...c.load.bare))}–${ms(Math.max(...c.load.bare))}` : DASH),
      ],
      ['app / bare (median of pairs)', (c) => num(c.load?.ratio, 2)],
      ["app's panels drawn (after the map's idle), median", (c) => ms(c.load?.panelsMedian)],
      ['map box', (c) => (c.load ? `${c.load.mapBox.width}×${c.load.mapBox.height}` : DASH)],
    ],
  );
}

function clicks(f: BenchFigures): string {
  const s = f.seeds.click?.features ?? [];
  const l = f.large.click?.features ?? [];
  if (s.length === 0 && l.length === 0) return '';
  const ids = [...new Set([...s, ...l].map((x) => x.id))];
  const cell = (list: FeatureClick[], id: string) => {
    const x = list.find((y) => y.id === id);
    return x === undefined ? [DASH, DASH] : [frames(x.panelFrames), frames(x.mentionsFrames)];
  };
  const via = (id: string) => [...s, ...l].find((x) => x.id === id)?.via ?? DASH;
  const perFeature = table(
    ['feature', 'via', `${f.seeds.label} panel`, 'mentions', `${f.large.label} panel`, 'mentions'],
    ids.map((id) => [id, via(id), ...cell(s, id), ...cell(l, id)]),
  );
  return `${section(
    'Click: animation frames from the click to the frame that paints the panel / its mentions',
    f,
    [
      ['panel: max frames', (c) => frames(c.click?.maxPanelFrames)],
      ['panel: median frames', (c) => num(c.click?.medianPanelFrames, 1)],
      ['mentions: max frames', (c) => frames(c.click?.maxMentionsFrames)],
      [
        'mentions: median frames',
        (c) =>
          c.click?.medianMentionsFrames === Number.POSITIVE_INFINITY
            ? 'never'
            : num(c.click?.medianMentionsFrames, 1),
      ],
      ['panel: max ms', (c) => ms(c.click ? Math.max(...c.click.features.map((x) => x.panelMs)) : undefined)],
    ],
  )}\n\n${perFeature}`;
}

function memory(f: BenchFigures): string {
  return section('Memory: used JS heap after a forced GC', f, [
    ['after the very first cycle', (c) => mb(c.memory?.afterFirst)],
    [
      'after the first of each feature',
      (c) => (c.memory ? `${mb(c.memory.afterPass)} (${c.memory.features})` : DASH),
    ],
    ['after 100 more', (c) => mb(c.memory?.afterAll)],
    ['100 more / first of each (the goal)', (c) => num(c.memory?.ratio, 3)],
    ['100 more / very first', (c) => num(c.memory?.ratioAfterFirst, 3)],
  ]);
}

/** Cells from one section's figures of each corpus: a dash where that corpus has none. */
const cellsOf =
  <T>(get: (c: CorpusFigures) => T | undefined) =>
  (pick: (x: T) => string): Cell =>
  (c) => {
    const x = get(c);
    return x === undefined ? DASH : pick(x);
  };

/** How a child process ran, for a section's title: its figures are per core only when pinned. */
function pinning(f: BenchFigures, get: (c: CorpusFigures) => { pinned: boolean } | undefined): string {
  return (get(f.large) ?? get(f.seeds))?.pinned === false
    ? 'NOT pinned (no taskset)'
    : 'pinned to core 0 (taskset -c 0)';
}

function ingest(f: BenchFigures): string {
  const i = cellsOf((c) => c.ingest);
  const q = f.quarter;
  const l = f.large.ingest;
  const over = (x: IngestFigures) => (x.timedOut ? '> ' : '');
  const scaling =
    q && l
      ? `scaling: t(${l.articles}) / t(${q.articles}) = ${over(l)}${num(l.ms / 1000, 1)} s / ${over(q)}${num(q.ms / 1000, 1)} s` +
        ` = ${q.timedOut ? DASH : `${over(l)}${num(ratio(l.ms, q.ms), 2)}`} (linear: ${num(l.articles / q.articles, 2)})`
      : '';
  return section(
    `Ingest: buildAppDataFromDisk in a child process, ${pinning(f, (c) => c.ingest)}`,
    f,
    [
      ['articles', i((x) => String(x.articles))],
      ['articles joined', i((x) => (x.errors > 0 ? `${x.joined} (${x.errors} errors)` : String(x.joined)))],
      ['text', i((x) => withUnit(x.bytes / KB / KB, 2, 'MB'))],
      ['time (median run)', i((x) => `${x.timedOut ? '> ' : ''}${ms(x.ms)}`)],
      ['time of each run', i((x) => x.runsMs.map((t) => ms(t)).join(' · '))],
      ['CPU time', i((x) => ms(x.cpuMs))],
      ['articles/s', i((x) => `${x.timedOut ? '< ' : ''}${num(x.articlesPerSec, 0)}`)],
      ['MB/s', i((x) => `${x.timedOut ? '< ' : ''}${num(x.mbPerSec, 2)}`)],
      // Beside the goal's wall-clock figure: on a shared machine the gap between the two is time spent waiting.
      ['articles/s by CPU time', i((x) => num(ratio(x.articles, x.cpuMs / 1000), 0))],
      ['peak RSS', i((x) => mb(x.maxRssKB * KB))],
    ],
    scaling,
  );
}

function search(f: BenchFigures): string {
  const s = cellsOf((c) => c.search);
  return section(`Search: index build and keystrokes in a child process, ${pinning(f, (c) => c.search)}`, f, [
    ['sentences indexed', s((x) => String(x.documents))],
    ['index build', s((x) => ms(x.buildMs))],
    ['keystrokes', s((x) => String(x.keystrokes))],
    ['keystroke median', s((x) => withUnit(x.medianMs, 1, 'ms'))],
    ['keystroke 95th percentile', s((x) => withUnit(x.p95Ms, 1, 'ms'))],
    ['keystroke max', s((x) => withUnit(x.maxMs, 1, 'ms'))],
  ]);
}

function formatGoalValue(g: Goal, v: number, bound: Goal['bound'] = ''): string {
  if (!Number.isFinite(v)) return 'not measured';
  const b = bound === '' ? '' : `${bound} `;
  if (g.unit === 'KB') return `${b}${num(v, 1)} KB`;
  if (g.unit === 'frames') return `${b}${num(v, 0)} frames`;
  if (g.unit === 'articles/s') return `${b}${num(v, 0)} articles/s`;
  if (g.unit === 'ms') return `${b}${num(v, 1)} ms`;
  return `${b}${num(v, 2)}`;
}

export function goalsReport(goals: Goal[]): string {
  const passed = goals.filter((g) => g.pass).length;
  const rows = goals.map((g) => [
    g.pass ? 'PASS' : 'FAIL',
    g.name,
    g.corpus,
    formatGoalValue(g, g.value, g.bound),
    `${g.cmp === '<=' ? '≤' : '≥'} ${formatGoalValue(g, g.limit)}`,
  ]);
  return [
    '\n== Goals',
    table(['', 'goal', 'corpus', 'figure', 'goal'], rows),
    '',
    `bench: ${goals.length} goals, ${passed} passed, ${goals.length - passed} failed`,
  ].join('\n');
}

export function report(f: BenchFigures, goals: Goal[]): string {
  const corpora = [f.seeds, f.large].map((c) => `${c.label}: ${c.articles} articles in ${c.dir}`).join('\n');
  const parts = [
    `Caspian corridors map: benchmark\n${corpora}`,
    f.seeds.sizes || f.large.sizes ? sizes(f) : '',
    f.seeds.load || f.large.load ? load(f) : '',
    clicks(f),
    f.seeds.memory || f.large.memory ? memory(f) : '',
    f.seeds.ingest || f.large.ingest ? ingest(f) : '',
    f.seeds.search || f.large.search ? search(f) : '',
    f.notes.length > 0 ? `\n== Notes\n${f.notes.map((n) => `- ${n}`).join('\n')}` : '',
    goalsReport(goals),
  ];
  return parts.filter((p) => p !== '').join('\n');
}
