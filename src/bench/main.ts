// `npm run bench`: the performance figures of the issue, each for the seed corpus (geo/articles, 5 articles) and for
// a 10,000-article synthetic corpus, with PASS/FAIL per goal; exits non-zero when any goal fails. Not a test: the
// figures depend on the machine, so they are printed, never asserted in `npm test`.
//
//   npm run bench                                     generates the large corpus (src/corpus/cli.ts) first
//   npm run bench -- --corpus DIR                     uses DIR as the large corpus instead
//   npm run bench -- --only sizes,load --runs 15      some sections only; more load runs (at least 9)
//   npm run bench -- --json figures.json              all figures as JSON as well
//
// Builds go to a temporary folder (never dist/); the browser is headless Chromium with SwiftShader WebGL, as in
// the browser tests, and every request outside 127.0.0.1 is aborted. Every step has a time limit (build, pipeline,
// the map's first idle): a step past it is stopped and its goals FAIL, so a slow app costs minutes, not hours.
// A page whose map never idles stops the browser figures of its corpus; a renderer past 6 GB is killed (guard.ts).
// A figure printed as "> x" or "< x" is a bound from a stopped step, and never passes a goal.
// About 8 minutes on 2 cores when the goals hold; longer while the pipeline needs minutes for 10,000 articles,
// since it runs twice on them (the timed ingest, then the build).
//
//   sizes   gzip -9 of every file the first view loads (navigation to the map's first idle, then 1 s of
//           quiet), by kind: own JS (all but maplibre-*), MapLibre JS and worker, CSS, data (.json), fonts.
//           Goals: own JS ≤ 60 KB, data ≤ 150 KB, and data with the large corpus ≤ 1.10 × data with the seeds.
//   load    ms from navigation start to the map's first idle (performance mark 'corridors:map-idle'), the app
//           against a bare MapLibre page with the app's basemap (src/bench/bare-page), cold: a fresh browser
//           context every run, 1280×800. Goal: median of app/bare over alternating pairs ≤ 1.3.
//   click   animation frames from a click on each feature (on the map where it is drawn, else its sidebar button)
//           to the frame that paints its panel, and to the frame that paints its mentions (no aria-busy left).
//           Goal: panel in at most 2 frames for every feature.
//   memory  used JS heap after a forced GC, after 100 select–deselect cycles against after the first. The cycles go
//           round every feature, and a feature's first cycle fetches its mentions and fills MapLibre's tile
//           cache at its zoom (kept on purpose), so "the first" is one cycle of each feature; growth over the
//           100 cycles after it is what a leak would look like. Goal ≤ 1.10. The heap after the very first
//           cycle is printed too.
//   ingest  the whole pipeline (buildAppDataFromDisk) on one core (taskset -c 0): articles/s, MB/s, peak RSS;
//           and t(n) / t(n/4) on the large corpus against quadratic growth. Goals: ≥ 2,000 articles/s, ≤ 5.
//   search  the search index over the whole corpus, on one core: its build, and every keystroke of ten queries
//           typed a character at a time (median, 95th percentile, max). Goal: every keystroke ≤ 50 ms.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp } from './app-page.ts';
import { type BenchPage, closeQuickly, IDLE_LIMIT_MS, launch, StallError } from './browser.ts';
import { buildApp, buildBarePage } from './build.ts';
import { measureClicks } from './click.ts';
import { generateCorpus, quarterOf, SEEDS_DIR } from './corpus.ts';
import type { BenchFigures, CorpusFigures } from './figures.ts';
import { articleFiles } from './files.ts';
import { checkGoals } from './goals.ts';
import { guardMemory } from './guard.ts';
import { ingest } from './ingest.ts';
import { measureLoad } from './load.ts';
import { measureMemory } from './memory.ts';
import { type Options, parseOptions, type Section } from './options.ts';
import { TimeLimitError } from './proc.ts';
import { report } from './report.ts';
import { measureSearch } from './search.ts';
import { type Served, serveDir } from './serve.ts';
import { measureSizes } from './sizes.ts';

const LARGE = 10_000;
const GENERATE_LIMIT_MS = 300_000;
const BUILD_LIMIT_MS = 300_000;
const INGEST_LIMIT_MS = 240_000;
const SEARCH_LIMIT_MS = 300_000;

const started = performance.now();
/** Progress on stderr, so stdout is the report alone. */
const log = (m: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);

const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : `${n} art.`);

function corpus(name: string, dir: string): CorpusFigures {
  return { label: name, dir, articles: articleFiles(dir).length };
}

/** The pipeline first: when it cannot ingest the large corpus in time, neither can the build of that corpus. */
async function ingestSection(f: BenchFigures, tmp: string): Promise<void> {
  log('ingest, seeds');
  f.seeds.ingest = await ingest(f.seeds.dir, INGEST_LIMIT_MS);
  const quarterDir = path.join(tmp, 'quarter');
  const n = quarterOf(f.large.dir, quarterDir);
  log(`ingest, the first quarter of ${f.large.label} (${n} articles)`);
  f.quarter = await ingest(quarterDir, INGEST_LIMIT_MS);
  log(`ingest, ${f.large.label}`);
  f.large.ingest = await ingest(f.large.dir, INGEST_LIMIT_MS);
  for (const x of [f.seeds.ingest, f.quarter, f.large.ingest])
    if (x.timedOut)
      f.notes.push(`the pipeline on ${x.articles} articles was stopped at ${INGEST_LIMIT_MS / 1000} s`);
  if (!f.large.ingest.pinned) f.notes.push('ingest ran unpinned: taskset is not installed');
}

/** The search index over each corpus (the pipeline runs once more for it, untimed). */
async function searchSection(f: BenchFigures): Promise<void> {
  for (const c of [f.seeds, f.large]) {
    if (c.ingest?.timedOut) continue;
    log(`search, ${c.label}`);
    try {
      c.search = await measureSearch(c.dir, SEARCH_LIMIT_MS);
    } catch (e) {
      if (!(e instanceof TimeLimitError)) throw e;
      f.notes.push(`${c.label}: ${e.message}; no search figures`);
    }
  }
}

const BROWSER_SECTIONS: Section[] = ['sizes', 'load', 'click', 'memory'];

/**
 * Sizes, load, click and memory of one corpus's build, in a browser of its own (a stalled renderer dies with it),
 * watched by the memory guard. Stops at the first stall: the remaining sections would stall too.
 */
async function measureSite(o: Options, f: BenchFigures, c: CorpusFigures, site: Served, bare: Served | null) {
  const wanted = (s: Section) => o.only.includes(s);
  const note = (what: string, bp: BenchPage) => {
    if (bp.pageErrors.length > 0)
      f.notes.push(`${c.label}, ${what}: page errors: ${bp.pageErrors.join(' | ')}`);
    if (bp.offsite.length > 0)
      f.notes.push(`${c.label}, ${what}: aborted offsite requests: ${bp.offsite.join(' ')}`);
  };
  const guard = guardMemory();
  const browser = await launch();
  try {
    if (wanted('sizes')) {
      log(`sizes, ${c.label}`);
      c.sizes = await measureSizes(browser, site);
      if (c.sizes.offsite.length > 0)
        f.notes.push(`${c.label}, sizes: aborted offsite requests: ${c.sizes.offsite.join(' ')}`);
      if (!c.sizes.reachedIdle)
        throw new StallError(`no first idle of the map within ${IDLE_LIMIT_MS / 1000} s`);
    }
    if (wanted('load') && bare !== null) {
      log(`load, ${c.label}: ${o.runs} runs each of the app and the bare page`);
      c.load = await measureLoad(browser, site.url, bare.url, o.runs);
    }
    if (wanted('click')) {
      log(`click, ${c.label}`);
      const bp = await openApp(browser, site.url, 'no-preference');
      c.click = await measureClicks(bp.page);
      note('click', bp);
      await closeQuickly(bp);
    }
    if (wanted('memory')) {
      log(`memory, ${c.label}`);
      const bp = await openApp(browser, site.url, 'reduce');
      c.memory = await measureMemory(bp.page);
      note('memory', bp);
      await closeQuickly(bp);
    }
  } catch (e) {
    // One corpus's failure costs its remaining browser figures (their goals FAIL), not the whole report.
    const why = e instanceof StallError ? `the app stalled: ${e.message}` : `an error: ${String(e)}`;
    f.notes.push(`${c.label}: ${why}; its remaining browser figures were not taken`);
    log(`${c.label}: ${why}; skipping its remaining browser sections`);
  } finally {
    guard.stop();
    for (const k of guard.kills) f.notes.push(`${c.label}: memory guard ${k}`);
    await browser.close();
  }
}

async function browserSections(o: Options, f: BenchFigures, tmp: string): Promise<void> {
  if (!BROWSER_SECTIONS.some((s) => o.only.includes(s))) return;
  const sites: { c: CorpusFigures; served: Served }[] = [];
  let bare: Served | null = null;
  try {
    for (const c of [f.seeds, f.large]) {
      if (c.ingest?.timedOut) {
        f.notes.push(
          `${c.label}: not built, since its pipeline run alone exceeded ${INGEST_LIMIT_MS / 1000} s`,
        );
        continue;
      }
      const out = path.join(tmp, `app-${c.label}`);
      log(`build the app with ${c.label} (${c.articles} articles)`);
      try {
        await buildApp(c.dir, out, BUILD_LIMIT_MS);
      } catch (e) {
        if (!(e instanceof TimeLimitError)) throw e;
        f.notes.push(`${c.label}: ${e.message}; no browser figures`);
        continue;
      }
      sites.push({ c, served: await serveDir(out) });
    }
    if (o.only.includes('load') && sites.some((s) => s.c === f.seeds)) {
      log('build the bare MapLibre page');
      const out = path.join(tmp, 'bare');
      await buildBarePage(out, path.join(tmp, `app-${f.seeds.label}`));
      bare = await serveDir(out);
    }
    for (const { c, served } of sites) await measureSite(o, f, c, served, bare);
  } finally {
    await bare?.close();
    for (const s of sites) await s.served.close();
  }
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const tmp = mkdtempSync(path.join(tmpdir(), 'corridors-bench-'));
  try {
    let largeDir = o.corpus;
    if (largeDir === null) {
      largeDir = path.join(tmp, 'corpus');
      log(`generate a ${LARGE}-article corpus`);
      await generateCorpus(LARGE, largeDir, GENERATE_LIMIT_MS);
    }
    const large = corpus(label(articleFiles(largeDir).length), path.resolve(largeDir));
    const f: BenchFigures = { seeds: corpus('seeds', SEEDS_DIR), large, notes: [] };
    if (large.articles !== LARGE)
      f.notes.push(`the large corpus has ${large.articles} articles, not ${LARGE}`);
    if (o.only.includes('ingest')) await ingestSection(f, tmp);
    if (o.only.includes('search')) await searchSection(f);
    await browserSections(o, f, tmp);
    const goals = checkGoals(f, o.only);
    log('done');
    process.stdout.write(`${report(f, goals)}\n`);
    if (o.json !== null) writeFileSync(o.json, `${JSON.stringify({ ...f, goals }, null, 2)}\n`);
    return goals.every((g) => g.pass) ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
