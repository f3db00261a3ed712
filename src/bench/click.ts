// Click: how many animation frames pass from a click on a feature to the frame that paints its panel, and to the
// frame that paints its mentions (the panel carries aria-busy="true" while they load). A rAF counter starts in the
// click's capture phase, before the app sees the click; the first frame whose rAF callback finds the panel in the
// DOM paints it. Counting at the start of each frame errs by at most one frame high, never low.
import type { Page } from 'playwright-core';
import { featureIds, mapSettled } from './app-page.ts';
import { max, median } from './stats.ts';

/** What the page-side counter records; frames are 1 for "the next frame after the click". */
interface ClickProbe {
  frames: number;
  t0: number;
  panel: number;
  panelMs: number;
  mentions: number;
  mentionsMs: number;
  /** the click opened something else (another feature's panel, the chooser) */
  miss: boolean;
  done: boolean;
}

declare global {
  interface Window {
    __benchClick?: ClickProbe;
  }
}

export interface FeatureClick {
  id: string;
  /** 'map': clicked where the feature is drawn; 'list': its sidebar button (composites, or nowhere unique) */
  via: 'map' | 'list';
  panelFrames: number;
  panelMs: number;
  mentionsFrames: number;
  mentionsMs: number;
}

export interface ClickFigures {
  features: FeatureClick[];
  maxPanelFrames: number;
  medianPanelFrames: number;
  maxMentionsFrames: number;
  medianMentionsFrames: number;
}

/** Give up on a click after this many frames or this long: the panel (or its mentions) never came. */
const MAX_FRAMES = 600;
const MAX_MS = 20_000;

async function installProbe(page: Page, id: string): Promise<void> {
  await page.evaluate(
    ({ id, maxFrames, maxMs }) => {
      const probe: ClickProbe = {
        frames: 0,
        t0: 0,
        panel: -1,
        panelMs: -1,
        mentions: -1,
        mentionsMs: -1,
        miss: false,
        done: false,
      };
      window.__benchClick = probe;
      const mine = `article.feature-panel[data-feature-id="${CSS.escape(id)}"]`;
      const tick = () => {
        probe.frames++;
        const now = performance.now() - probe.t0;
        const panel = document.querySelector(mine);
        if (panel !== null && probe.panel < 0) {
          probe.panel = probe.frames;
          probe.panelMs = now;
        }
        // Mentions are in when neither the panel nor anything inside it is still busy.
        if (
          panel !== null &&
          probe.mentions < 0 &&
          !panel.hasAttribute('aria-busy') &&
          panel.querySelector('[aria-busy="true"]') === null
        ) {
          probe.mentions = probe.frames;
          probe.mentionsMs = now;
        }
        if (panel === null && document.querySelector('article.feature-panel, .chooser') !== null)
          probe.miss = true;
        if (probe.mentions >= 0 || probe.miss || probe.frames >= maxFrames || now > maxMs) probe.done = true;
        else requestAnimationFrame(tick);
      };
      window.addEventListener(
        'click',
        () => {
          probe.t0 = performance.now();
          requestAnimationFrame(tick);
        },
        { capture: true, once: true },
      );
    },
    { id, maxFrames: MAX_FRAMES, maxMs: MAX_MS },
  );
}

async function readProbe(page: Page): Promise<ClickProbe> {
  await page.waitForFunction(() => window.__benchClick?.done === true, null, { timeout: 60_000 });
  const probe = await page.evaluate(() => window.__benchClick);
  if (probe === undefined) throw new Error('the click probe is gone');
  return probe;
}

/**
 * A point in the viewport where the app's hit test finds this feature alone, at the current camera, or null.
 * Walks the feature's drawn geometry (points, and fractions along each segment of its lines).
 */
function uniquePoint(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((fid) => {
    const map = window.corridors?.map;
    if (!map) throw new Error('no map');
    const layers = ['feature-line-hit', 'feature-points'];
    const drawn = map.querySourceFeatures('corridor-features', { filter: ['==', ['get', 'id'], fid] });
    const candidates: [number, number][] = [];
    const along = (line: number[][]) => {
      for (let i = 0; i + 1 < line.length; i++) {
        const a = line[i] ?? [];
        const b = line[i + 1] ?? [];
        for (const t of [0.5, 0.3, 0.7, 0.15, 0.85])
          candidates.push([
            (a[0] ?? 0) + ((b[0] ?? 0) - (a[0] ?? 0)) * t,
            (a[1] ?? 0) + ((b[1] ?? 0) - (a[1] ?? 0)) * t,
          ]);
      }
    };
    for (const f of drawn) {
      const g = f.geometry;
      if (g.type === 'Point') candidates.push([g.coordinates[0] ?? 0, g.coordinates[1] ?? 0]);
      else if (g.type === 'LineString') along(g.coordinates);
      else if (g.type === 'MultiLineString') for (const l of g.coordinates) along(l);
    }
    const r = map.getCanvas().getBoundingClientRect();
    for (const c of candidates) {
      const p = map.project(c);
      if (p.x < 20 || p.y < 20 || p.x > r.width - 20 || p.y > r.height - 20) continue;
      const hits = map.queryRenderedFeatures(
        [
          [p.x - 6, p.y - 6],
          [p.x + 6, p.y + 6],
        ],
        { layers },
      );
      const ids = [...new Set(hits.map((h) => h.properties.id))];
      if (ids.length === 1 && ids[0] === fid) return { x: r.left + p.x, y: r.top + p.y };
    }
    return null;
  }, id);
}

/** Frames the feature on the map (no animation), for features too small or crowded at the start view. */
async function frameFeature(page: Page, id: string): Promise<boolean> {
  const framed = await page.evaluate((fid) => {
    const map = window.corridors?.map;
    if (!map) return false;
    const drawn = map.querySourceFeatures('corridor-features', { filter: ['==', ['get', 'id'], fid] });
    const coords: number[][] = [];
    for (const f of drawn) {
      const g = f.geometry;
      if (g.type === 'Point') coords.push(g.coordinates);
      else if (g.type === 'LineString') coords.push(...g.coordinates);
      else if (g.type === 'MultiLineString') coords.push(...g.coordinates.flat());
    }
    if (coords.length === 0) return false;
    const lons = coords.map((c) => c[0] ?? 0);
    const lats = coords.map((c) => c[1] ?? 0);
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: 60, duration: 0, maxZoom: 9 },
    );
    return true;
  }, id);
  if (framed) await mapSettled(page);
  return framed;
}

/** No feature selected, the start view back, the map at rest. */
async function reset(page: Page, start: { center: [number, number]; zoom: number }): Promise<void> {
  // Deselect as a reader does, with the panel's close button; the API call also closes a chooser.
  const close = page.locator('.feature-panel .close');
  if ((await close.count()) > 0) await close.first().click();
  await page.evaluate((camera) => {
    window.corridors?.select(null);
    window.corridors?.map?.jumpTo(camera);
  }, start);
  await page.waitForFunction(() => document.querySelector('article.feature-panel, .chooser') === null);
  await mapSettled(page);
}

async function clickOne(
  page: Page,
  id: string,
  start: { center: [number, number]; zoom: number },
): Promise<FeatureClick> {
  await reset(page, start);
  let point = await uniquePoint(page, id);
  if (point === null && (await frameFeature(page, id))) point = await uniquePoint(page, id);
  if (point !== null) {
    await installProbe(page, id);
    await page.mouse.click(point.x, point.y);
    const p = await readProbe(page);
    if (!p.miss && p.panel > 0) return { id, via: 'map', ...figures(p) };
    await reset(page, start);
  }
  await installProbe(page, id);
  await page.locator(`.feature-button[data-feature-id="${id}"]`).click();
  const p = await readProbe(page);
  if (p.miss || p.panel < 0) throw new Error(`${id}: its sidebar button did not open its panel`);
  return { id, via: 'list', ...figures(p) };
}

function figures(p: ClickProbe): Omit<FeatureClick, 'id' | 'via'> {
  return { panelFrames: p.panel, panelMs: p.panelMs, mentionsFrames: p.mentions, mentionsMs: p.mentionsMs };
}

/** Clicks every feature of an open app in turn. */
export async function measureClicks(page: Page): Promise<ClickFigures> {
  const ids = await featureIds(page);
  if (ids.length === 0) throw new Error('the sidebar lists no features');
  const start = await page.evaluate(() => {
    const map = window.corridors?.map;
    if (!map) throw new Error('no map');
    return { center: map.getCenter().toArray(), zoom: map.getZoom() };
  });
  const features: FeatureClick[] = [];
  for (const id of ids) features.push(await clickOne(page, id, start));
  const panels = features.map((f) => f.panelFrames);
  // Mentions still busy when the probe gave up count as never, the worst of all, not as -1.
  const mentions = features.map((f) => (f.mentionsFrames < 0 ? Number.POSITIVE_INFINITY : f.mentionsFrames));
  return {
    features,
    maxPanelFrames: max(panels),
    medianPanelFrames: median(panels),
    maxMentionsFrames: max(mentions),
    medianMentionsFrames: median(mentions),
  };
}
